import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { createDomain, type Domain } from '../../../domain/domain';
import { systemActor } from '../../../domain/person/person.service';
import { checklistFor } from '../../../domain/program/program.catalog';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { createWorld, type World } from '../world';

/**
 * Partner-side writes (eligibility ticks, locations, enrollment) used to be read-modify-write or
 * to bypass the write claim; two admins on two bot instances lost each other's changes.
 */
describe('domain/partner races and the eligibility checklist (two connections, real database)', function () {
  this.timeout(120_000);
  const db = useTestDatabase('partner-races');
  let w: World;
  let second: Domain;
  before(async () => {
    w = await createWorld(db.connection, 'prace');
    second = createDomain({ connection: await db.openAnother(), clock: w.clock });
  });

  async function twoAdmins(slug: string) {
    const system = systemActor(new Types.ObjectId());
    const partner = await w.domain.partners.upsertPartner(system, { slug, name: slug });
    for (const n of [1, 2])
      await w.domain.people.upsert(system, {
        aadObjectId: `${slug}-a${n}`,
        name: `Admin ${n}`,
        email: `a${n}@${slug}.test`,
        roles: ['admin'],
      });
    return Promise.all([1, 2].map((n) => w.domain.people.resolveActor(partner._id, `${slug}-a${n}`)));
  }

  for (let round = 1; round <= 20; round++) {
    it(`two admins tick two items of one checklist at once: both ticks are kept (round ${round})`, async () => {
      const [a1, a2] = await twoAdmins(`tick-${round}`);
      assert.ok(a1 && a2);
      const [i1, i2] = checklistFor('SDPS');
      assert.ok(i1 && i2);
      await Promise.all([
        w.domain.partners.tickEligibility(a1, { program: 'SDPS', item: i1.key, done: true }),
        second.partners.tickEligibility(a2, { program: 'SDPS', item: i2.key, done: true }),
      ]);
      const view = await w.domain.partners.checklist(a1, { program: 'SDPS' });
      const by = Object.fromEntries(view.items.filter((x) => x.done).map((x) => [x.key, x.by]));
      assert.deepEqual(by, { [i1.key]: a1.aadObjectId, [i2.key]: a2.aadObjectId });
      assert.equal(view.status, view.missing.length === 0 ? 'active' : 'in_progress');
      const stored = await w.domain.deps.models.eligibilities.findOne({ partnerId: a1.partnerId, program: 'SDPS' }).lean();
      assert.equal(stored?.status, view.status, 'the stored status follows the stored checklist');
    });
  }

  for (let round = 1; round <= 20; round++) {
    it(`an admin edits a location while another enrolls it in a program: both changes are kept (round ${round})`, async () => {
      const system = systemActor(w.admin.partnerId);
      const locationId = `LYS-${round}`;
      await w.domain.partners.upsertLocation(system, { locationId, name: 'Lyon', country: 'FR' });
      const contact = { aadObjectId: w.staffFr.aadObjectId, name: w.staffFr.name, email: `fr@prace.test` };
      await Promise.all([
        w.domain.partners.upsertLocation(w.admin, { locationId, name: `Lyon ${round}`, country: 'FR', contacts: [contact] }),
        second.partners.enroll(w.admin, {
          program: 'DDPS',
          enrolledOn: '2024-06-01',
          agreementSignedOn: '2024-05-20',
          complianceTrainingOn: '2024-05-25',
          locationIds: [locationId],
        }),
      ]);
      const after = await w.domain.deps.models.locations.findOne({ partnerId: w.admin.partnerId, locationId }).lean();
      assert.equal(after?.name, `Lyon ${round}`);
      assert.deepEqual(
        after?.contacts.map((c) => c.aadObjectId),
        [w.staffFr.aadObjectId],
      );
      assert.deepEqual(after?.approvedPrograms, ['DDPS']);
    });
  }

  it('the checklist of a program is readable through the API: each item with who ticked it and when, and what is missing', async () => {
    const [a1] = await twoAdmins('checklist-read');
    assert.ok(a1);
    const items = checklistFor('AZDPS');
    const first = items[0];
    assert.ok(first);
    const empty = await w.domain.partners.checklist(a1, { program: 'AZDPS' });
    assert.equal(empty.status, 'not_started');
    assert.equal(empty.missing.length, items.length);
    w.clock.set('2025-04-01T08:30:00Z');
    await w.domain.partners.tickEligibility(a1, { program: 'AZDPS', item: first.key, done: true });
    const view = await w.domain.partners.checklist(a1, { program: 'AZDPS' });
    assert.equal(view.status, 'in_progress');
    const ticked = view.items.find((x) => x.key === first.key);
    assert.deepEqual(
      [ticked?.done, ticked?.by, ticked?.byName, ticked?.on?.toISOString()],
      [true, a1.aadObjectId, 'Admin 1', '2025-04-01T08:30:00.000Z'],
    );
    assert.deepEqual(
      view.missing.map((x) => x.key),
      items.slice(1).map((x) => x.key),
    );
    assert.ok(view.missing.every((x) => x.label.length > 0 && (x.kind === 'company' || x.kind === 'consultant')));
    const all = await w.domain.partners.checklists(a1);
    assert.equal(all.find((c) => c.program === 'AZDPS')?.status, 'in_progress');
    await refused(w.domain.partners.checklist(a1, { program: 'NOPE' as 'AZDPS' }), 'INVALID_INPUT');
    await refused(w.domain.partners.tickEligibility(w.staffFr, { program: 'AZDPS', item: first.key, done: true }), 'NOT_PERMITTED');
    const unticked = await w.domain.partners.tickEligibility(a1, { program: 'AZDPS', item: first.key, done: false });
    assert.equal(unticked.status, 'not_started');
  });
});
