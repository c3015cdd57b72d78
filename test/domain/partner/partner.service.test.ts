import assert from 'node:assert/strict';
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
    const partner = await domain.partners.upsertPartner({ slug, name: `Partner ${slug}` });
    const system = systemActor(partner._id);
    await domain.people.upsert(system, { aadObjectId: `${slug}-admin`, name: 'Ada', email: `ada@${slug}.test`, roles: ['admin'] });
    await domain.people.upsert(system, { aadObjectId: `${slug}-staff`, name: 'Sam', email: `sam@${slug}.test`, roles: ['staff'] });
    await domain.partners.upsertLocation(system, { locationId: 'FR-PAR', name: 'Paris', country: 'FR' });
    return {
      domain,
      admin: await domain.people.resolveActor(partner._id, `${slug}-admin`),
      staff: await domain.people.resolveActor(partner._id, `${slug}-staff`),
    };
  };

  it('moves eligibility from not_started to in_progress to active as the checklist is ticked, recording who and when', async () => {
    const { domain, admin, staff } = await setUp('elig');
    const items = checklistFor('SDPS');
    assert.ok(items.length >= 2);
    await refused(domain.partners.tickEligibility(staff, { program: 'SDPS', item: items[0]?.key ?? '', done: true }), 'NOT_PERMITTED');
    await refused(domain.partners.tickEligibility(admin, { program: 'SDPS', item: 'no-such-item', done: true }), 'ELIGIBILITY_ITEM_UNKNOWN');
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
    const enrollment = { program: 'SSDPS' as const, enrolledOn: '2025-01-15', agreementSignedOn: '2025-01-10', complianceTrainingOn: '2025-01-12', locationIds: ['FR-PAR'] };
    await refused(domain.partners.enroll(admin, enrollment), 'ELIGIBILITY_NOT_ACTIVE');
    for (const item of checklistFor('SSDPS')) await domain.partners.tickEligibility(admin, { program: 'SSDPS', item: item.key, done: true });
    const e = await domain.partners.enroll(admin, enrollment);
    assert.equal(e.renewBy.toISOString(), '2026-01-15T00:00:00.000Z');
    const location = await domain.deps.models.locations.findOne({ partnerId: admin.partnerId, locationId: 'FR-PAR' }).lean<{ approvedPrograms: string[] }>();
    assert.deepEqual(location?.approvedPrograms, ['SSDPS']);
  });

  it('offers in the directory profile only programs with a current enrollment', async () => {
    const { domain, admin } = await setUp('profile');
    for (const item of checklistFor('AZDPS')) await domain.partners.tickEligibility(admin, { program: 'AZDPS', item: item.key, done: true });
    await domain.partners.enroll(admin, { program: 'AZDPS', enrolledOn: '2024-03-03', agreementSignedOn: '2024-03-01', complianceTrainingOn: '2024-03-01', locationIds: ['FR-PAR'] });
    const profile = { description: 'Cloud planning', website: 'https://contoso.example', contactEmail: 'hello@contoso.example', countries: ['FR'], languages: ['fr', 'en'], programs: ['AZDPS' as const] };
    const saved = await domain.partners.updateProfile(admin, profile); // renew-by day 2025-03-03: still current
    assert.deepEqual(saved.programs, ['AZDPS']);
    await refused(domain.partners.updateProfile(admin, { ...profile, programs: ['AZDPS', 'SDPS'] }), 'PROGRAM_NOT_ENROLLED');
    clock.set('2025-03-04T10:00:00Z');
    await refused(domain.partners.updateProfile(admin, profile), 'PROGRAM_NOT_ENROLLED');
    await refused(domain.partners.updateProfile(admin, { ...profile, programs: [], website: 'http://insecure.example' }), 'INVALID_INPUT');
    clock.set('2025-03-03T10:00:00Z');
  });
});
