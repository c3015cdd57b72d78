import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { createDomain } from '../../../domain/domain';
import { fixedClock } from '../../../domain/clock';
import { systemActor } from '../../../domain/person/person.service';
import { checklistFor } from '../../../domain/program/program.catalog';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';

describe('domain/partner service: eligibility, enrollment, locations, profile (real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('partner-service');
  const clock = fixedClock('2025-03-03T10:00:00Z');
  const setUp = async (slug: string) => {
    const domain = createDomain({ connection: db.connection, clock });
    await domain.ensureIndexes();
    const system = systemActor(new Types.ObjectId());
    const partner = await domain.partners.upsertPartner(system, { slug, name: `Partner ${slug}` });
    await domain.people.upsert(system, { aadObjectId: `${slug}-admin`, name: 'Ada', email: `ada@${slug}.test`, roles: ['admin'] });
    await domain.people.upsert(system, { aadObjectId: `${slug}-staff`, name: 'Sam', email: `sam@${slug}.test`, roles: ['staff'] });
    await domain.partners.upsertLocation(system, { locationId: 'FR-PAR', name: 'Paris', country: 'FR' });
    return {
      domain,
      admin: await domain.people.resolveActor(partner._id, `${slug}-admin`),
      staff: await domain.people.resolveActor(partner._id, `${slug}-staff`),
    };
  };

  it('creates and updates a partner as its system or its admin only (DOMAIN.md, People: partner settings)', async () => {
    const { domain, admin, staff } = await setUp('owner');
    await refused(domain.partners.upsertPartner(staff, { slug: 'owner', name: 'Renamed by staff' }), 'NOT_PERMITTED');
    await refused(domain.partners.upsertPartner({ ...admin }, { slug: 'owner', name: 'Renamed by a copy' }), 'PERSON_NOT_FOUND');
    assert.equal((await domain.partners.bySlug('owner'))?.name, 'Partner owner');
    const renamed = await domain.partners.upsertPartner(admin, { slug: 'owner', name: 'Owner Ltd' });
    assert.deepEqual([String(renamed._id), renamed.name], [String(admin.partnerId), 'Owner Ltd']);
    // Another partner id cannot take a slug that is already a partner's: its unique index refuses it.
    await assert.rejects(domain.partners.upsertPartner(systemActor(new Types.ObjectId()), { slug: 'owner', name: 'Impostor' }));
    assert.equal(await domain.deps.models.partners.countDocuments({ slug: 'owner' }), 1);
  });

  it('qualifies a consultant only with a training and an exam that happened (DOMAIN.md, step 1)', async () => {
    const { domain, admin } = await setUp('qualif');
    const person = { aadObjectId: 'qualif-lead', name: 'Lee', email: 'lee@qualif.test', roles: ['staff' as const] };
    await refused(
      domain.people.upsert(admin, { ...person, qualifications: [{ program: 'AZDPS', trainingOn: '2025-01-10', examOn: '2025-03-04' }] }),
      'DATE_OUT_OF_RANGE',
    );
    await refused(
      domain.people.upsert(admin, { ...person, qualifications: [{ program: 'AZDPS', trainingOn: '2025-03-04', examOn: null }] }),
      'DATE_OUT_OF_RANGE',
    );
    assert.equal(await domain.deps.models.people.countDocuments({ partnerId: admin.partnerId, aadObjectId: 'qualif-lead' }), 0);
    const lead = await domain.people.upsert(admin, {
      ...person,
      qualifications: [{ program: 'AZDPS', trainingOn: '2025-01-10', examOn: '2025-03-03' }],
    });
    assert.equal(lead.qualifications[0]?.examOn?.toISOString(), '2025-03-03T00:00:00.000Z');
  });

  it('moves eligibility from not_started to in_progress to active as the checklist is ticked, recording who and when', async () => {
    const { domain, admin, staff } = await setUp('elig');
    const items = checklistFor('SDPS');
    assert.ok(items.length >= 2);
    await refused(domain.partners.tickEligibility(staff, { program: 'SDPS', item: items[0]?.key ?? '', done: true }), 'NOT_PERMITTED');
    await refused(
      domain.partners.tickEligibility(admin, { program: 'SDPS', item: 'no-such-item', done: true }),
      'ELIGIBILITY_ITEM_UNKNOWN',
    );
    const first = await domain.partners.tickEligibility(admin, { program: 'SDPS', item: items[0]?.key ?? '', done: true });
    assert.equal(first.status, 'in_progress');
    const ticked = first.checklist.find((x) => x.key === items[0]?.key);
    assert.equal(ticked?.by, admin.aadObjectId);
    assert.equal(ticked?.on?.toISOString(), '2025-03-03T10:00:00.000Z');
    let last = first;
    for (const item of items.slice(1)) last = await domain.partners.tickEligibility(admin, { program: 'SDPS', item: item.key, done: true });
    assert.equal(last.status, 'active');
    const unticked = await domain.partners.tickEligibility(admin, { program: 'SDPS', item: items[0]?.key ?? '', done: false });
    assert.equal(unticked.status, 'in_progress');
  });

  it('enrolls only with active eligibility, for one year, and approves the given locations for the program', async () => {
    const { domain, admin } = await setUp('enrol');
    const enrollment = {
      program: 'SSDPS' as const,
      enrolledOn: '2025-01-15',
      agreementSignedOn: '2025-01-10',
      complianceTrainingOn: '2025-01-12',
      locationIds: ['FR-PAR'],
    };
    await refused(domain.partners.enroll(admin, enrollment), 'ELIGIBILITY_NOT_ACTIVE');
    for (const item of checklistFor('SSDPS'))
      await domain.partners.tickEligibility(admin, { program: 'SSDPS', item: item.key, done: true });
    // Training finished and agreement signed before enrolling; no enrollment dated after today (DOMAIN.md, step 2).
    await refused(domain.partners.enroll(admin, { ...enrollment, complianceTrainingOn: '2025-01-16' }), 'DATE_OUT_OF_RANGE');
    await refused(domain.partners.enroll(admin, { ...enrollment, agreementSignedOn: '2025-02-01' }), 'DATE_OUT_OF_RANGE');
    await refused(
      domain.partners.enroll(admin, { ...enrollment, enrolledOn: '2025-03-04', agreementSignedOn: '2025-03-01' }),
      'DATE_OUT_OF_RANGE',
    );
    assert.equal(await domain.deps.models.enrollments.countDocuments({ partnerId: admin.partnerId }), 0);
    const e = await domain.partners.enroll(admin, enrollment);
    assert.equal(e.renewBy.toISOString(), '2026-01-15T00:00:00.000Z');
    const location = await domain.deps.models.locations
      .findOne({ partnerId: admin.partnerId, locationId: 'FR-PAR' })
      .lean<{ approvedPrograms: string[] }>();
    assert.deepEqual(location?.approvedPrograms, ['SSDPS']);
  });

  it('offers in the directory profile only programs with a current enrollment', async () => {
    const { domain, admin } = await setUp('profile');
    for (const item of checklistFor('AZDPS'))
      await domain.partners.tickEligibility(admin, { program: 'AZDPS', item: item.key, done: true });
    await domain.partners.enroll(admin, {
      program: 'AZDPS',
      enrolledOn: '2024-03-03',
      agreementSignedOn: '2024-03-01',
      complianceTrainingOn: '2024-03-01',
      locationIds: ['FR-PAR'],
    });
    const profile = {
      description: 'Cloud planning',
      website: 'https://contoso.example',
      contactEmail: 'hello@contoso.example',
      countries: ['FR'],
      languages: ['fr', 'en'],
      programs: ['AZDPS' as const],
    };
    const saved = await domain.partners.updateProfile(admin, profile); // renew-by day 2025-03-03: still current
    assert.deepEqual(saved.programs, ['AZDPS']);
    await refused(domain.partners.updateProfile(admin, { ...profile, programs: ['AZDPS', 'SDPS'] }), 'PROGRAM_NOT_ENROLLED');
    clock.set('2025-03-04T10:00:00Z');
    await refused(domain.partners.updateProfile(admin, profile), 'PROGRAM_NOT_ENROLLED');
    await refused(domain.partners.updateProfile(admin, { ...profile, programs: [], website: 'http://insecure.example' }), 'INVALID_INPUT');
    clock.set('2025-03-03T10:00:00Z');
  });
});
