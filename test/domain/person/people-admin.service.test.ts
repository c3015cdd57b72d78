import assert from 'node:assert/strict';
import { fixedClock } from '../../../domain/clock';
import { createDeps, ensureIndexes } from '../../../domain/models';
import { partnerAdmin } from '../../../domain/partner/partner-admin';
import { personService } from '../../../domain/person/person.service';
import { isRefusal } from '../../../domain/refusal';
import { useTestDatabase } from '../../helpers/db';

/** People and roles (issue 9, step 2) on two connections, as two bot instances would change them. */
describe('domain/person/people-admin.service', () => {
  const db = useTestDatabase('people-admin');
  const clock = fixedClock('2026-12-02T10:00:00Z');
  const setupInput = (tenantId: string, aadObjectId: string) => ({
    tenantId,
    partnerName: 'P',
    locationId: 'FR-PAR',
    locationName: 'Paris',
    country: 'FR',
    approvalDaysThreshold: 10,
    admin: { aadObjectId, name: `Admin ${aadObjectId}`, email: `${aadObjectId}@p.test` },
  });

  it('two admins removing each other at the same moment: one goes, the other is refused LAST_ADMIN, one admin is left', async function () {
    this.timeout(60_000);
    const a = createDeps(db.connection, clock);
    const b = createDeps(await db.openAnother(), clock);
    await ensureIndexes(a.models);
    for (let round = 0; round < 4; round++) {
      const setup = await partnerAdmin(a).setup(setupInput(`tenant-admins-${round}`, `x${round}`));
      assert.ok(setup.created);
      await partnerAdmin(a).people.addPerson(setup.admin, {
        aadObjectId: `y${round}`,
        name: 'Yasmin',
        email: 'y@p.test',
        roles: ['admin'],
      });
      const x = await personService(a).resolveActor(setup.partner._id, `x${round}`);
      const y = await personService(b).resolveActor(setup.partner._id, `y${round}`);
      const results = await Promise.allSettled([
        partnerAdmin(a).people.removePerson(x, { aadObjectId: `y${round}` }),
        partnerAdmin(b).people.removePerson(y, { aadObjectId: `x${round}` }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
      const refused = results.find((r) => r.status === 'rejected');
      assert.ok(refused?.status === 'rejected' && isRefusal(refused.reason) && refused.reason.code === 'LAST_ADMIN', `round ${round}`);
      assert.equal(await a.models.people.countDocuments({ partnerId: setup.partner._id, roles: 'admin' }), 1);
    }
  });

  it('refuses a training or exam date after today and a location the partner does not have, changing nothing', async () => {
    const deps = createDeps(db.connection, clock);
    const setup = await partnerAdmin(deps).setup(setupInput('tenant-dates', 'ad'));
    assert.ok(setup.created);
    const add = (over: Record<string, unknown>) =>
      partnerAdmin(deps).people.addPerson(setup.admin, { aadObjectId: 'sam', name: 'Sam', email: 's@p.test', roles: ['staff'], ...over });
    await assert.rejects(
      add({ qualifications: [{ program: 'AZDPS', trainingOn: '2026-12-03', examOn: null }] }),
      (e) => isRefusal(e) && e.code === 'DATE_OUT_OF_RANGE',
    );
    await assert.rejects(add({ locationIds: ['DE-BER'] }), (e) => isRefusal(e) && e.code === 'LOCATION_NOT_FOUND');
    assert.equal(await deps.models.people.countDocuments({ partnerId: setup.partner._id, aadObjectId: 'sam' }), 0);
    const ok = await add({
      qualifications: [{ program: 'AZDPS', trainingOn: '2026-12-02', examOn: '2026-12-01' }],
      locationIds: ['fr-par'],
    });
    assert.deepEqual(ok.person.locationIds, ['FR-PAR']);
  });
});
