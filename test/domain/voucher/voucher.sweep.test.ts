import assert from 'node:assert/strict';
import { createDomain, type Domain } from '../../../domain/domain';
import { replayStates } from '../../../domain/voucher/voucher.machine';
import { useTestDatabase } from '../../helpers/db';
import { createWorld, newVoucher, reserveFr, START, type World } from '../world';

/** The expiry sweep goes through the write path: per document under the claim on FerretDB. */
describe('domain/voucher sweep (two connections, real database)', function () {
  this.timeout(120_000);
  const db = useTestDatabase('voucher-sweep');
  let w: World;
  let second: Domain;
  before(async () => {
    w = await createWorld(db.connection, 'sweep');
    second = createDomain({ connection: await db.openAnother(), clock: w.clock });
  });
  beforeEach(() => w.clock.set(START));

  it('expires every voucher past its date from each state before redemption, each with its own audit entry', async () => {
    const old = await Promise.all(Array.from({ length: 12 }, () => newVoucher(w, { assignedOn: '2024-09-05' })));
    const current = await newVoucher(w, { assignedOn: '2025-03-01' });
    for (const v of old.slice(0, 4)) await reserveFr(w, v);
    w.clock.set('2025-03-05T02:00:00Z');
    const r = await second.sweep.partner(w.admin.partnerId);
    assert.equal(r.vouchersExpired, 12);
    for (const v of old) {
      const after = await w.domain.vouchers.get(w.admin, String(v._id));
      assert.equal(after.state, 'expired');
      assert.equal(after.audit.filter((e) => e.event === 'expire').length, 1);
      assert.equal(replayStates(after.audit), 'expired');
    }
    assert.equal((await w.domain.vouchers.get(w.admin, String(current._id))).state, 'assigned');
    assert.equal((await second.sweep.partner(w.admin.partnerId)).vouchersExpired, 0, 'a second sweep changes nothing');
  });

  for (let round = 1; round <= 20; round++) {
    it(`the sweep racing a manager's rejection of a voucher past its date keeps both writes (round ${round})`, async () => {
      // Expires on 2025-03-09; its reservation approval (7 days) is still pending on the 10th at 09:00.
      const v = await newVoucher(w, { days: 10, assignedOn: '2024-09-10' });
      const { approval } = await reserveFr(w, v);
      assert.ok(approval);
      w.clock.set('2025-03-10T09:00:00Z');
      await Promise.all([
        w.domain.approvals.reject(w.manager, { approvalId: String(approval._id), comment: 'too late' }),
        second.sweep.partner(w.admin.partnerId),
      ]);
      const after = await w.domain.vouchers.get(w.admin, String(v._id));
      assert.equal(after.state, 'expired');
      assert.equal(after.pendingApprovalId, null);
      const steps = after.audit.map((e) => `${e.event}:${e.by}`);
      assert.ok(steps.includes(`releaseApproval:${w.manager.aadObjectId}`), `the manager's release is kept: ${steps.join(', ')}`);
      assert.equal(steps.filter((s) => s.startsWith('expire:')).length, 1, steps.join(', '));
      assert.equal(replayStates(after.audit), 'expired');
      assert.equal(after.version, after.audit.length, 'every write left its audit entry');
    });
  }
});
