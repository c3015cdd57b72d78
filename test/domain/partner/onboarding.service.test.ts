import assert from 'node:assert/strict';
import { fixedClock } from '../../../domain/clock';
import { createDeps, ensureIndexes } from '../../../domain/models';
import { partnerAdmin } from '../../../domain/partner/partner-admin';
import { isRefusal } from '../../../domain/refusal';
import { useTestDatabase } from '../../helpers/db';

/** Setup (issue 9, step 1) on two connections, as two bot instances would run it. */
describe('domain/partner/onboarding.service: setup', () => {
  const db = useTestDatabase('onboarding-service');
  const clock = fixedClock('2026-12-02T10:00:00Z');
  const input = (tenantId: string, who: string) => ({
    tenantId,
    partnerName: `Partner of ${who}`,
    locationId: 'fr-par',
    locationName: 'Paris',
    country: 'fr',
    approvalDaysThreshold: 10,
    admin: { aadObjectId: `aad-${who}`, name: who, email: `${who}@example.test` },
  });

  it('two setups of one tenant at the same moment on two connections: one partner, one admin, nothing left by the loser', async function () {
    this.timeout(60_000);
    const a = createDeps(db.connection, clock);
    const b = createDeps(await db.openAnother(), clock);
    await ensureIndexes(a.models);
    for (let round = 0; round < 5; round++) {
      const tenantId = `tenant-race-${round}`;
      const [ra, rb] = await Promise.all([
        partnerAdmin(a).setup(input(tenantId, `a${round}`)),
        partnerAdmin(b).setup(input(tenantId, `b${round}`)),
      ]);
      assert.equal([ra, rb].filter((r) => r.created).length, 1, `round ${round}`);
      const partner = await a.models.partners.findOne({ tenantIds: tenantId }).lean();
      assert.ok(partner);
      assert.equal(await a.models.partners.countDocuments({ tenantIds: tenantId }), 1);
      const winner = ra.created ? `aad-a${round}` : `aad-b${round}`;
      const loser = ra.created ? `aad-b${round}` : `aad-a${round}`;
      assert.deepEqual(
        (await a.models.people.find({ partnerId: partner._id }).lean()).map((p) => p.aadObjectId),
        [winner],
      );
      assert.equal(await a.models.people.countDocuments({ aadObjectId: loser }), 0, 'the loser removed its admin');
      assert.equal(
        await a.models.locations.countDocuments({ locationId: 'FR-PAR' }),
        round + 1,
        'and its location: one per partner set up so far',
      );
    }
  });

  it('refuses a country that is not ISO 3166-1 alpha-2 and creates nothing', async () => {
    const deps = createDeps(db.connection, clock);
    for (const country of ['UK', 'XX', 'France', '']) {
      await assert.rejects(
        partnerAdmin(deps).setup({ ...input(`tenant-bad-${country}`, 'x'), country }),
        (e) => isRefusal(e) && e.code === 'INVALID_INPUT',
      );
      assert.equal(await deps.models.partners.countDocuments({ tenantIds: `tenant-bad-${country}` }), 0);
    }
  });
});
