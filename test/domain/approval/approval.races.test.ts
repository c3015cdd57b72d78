import assert from 'node:assert/strict';
import { createDomain, type Domain } from '../../../domain/domain';
import { replayStates } from '../../../domain/voucher/voucher.machine';
import { useTestDatabase } from '../../helpers/db';
import { completedVoucher, createWorld, START, type World } from '../world';

/**
 * Writers that used to bypass the write claim (recordMessage, the outcomes of a decision), raced
 * against the decision from a second connection, as two bot instances would. On FerretDB, which
 * rewrites whole documents, any unguarded one loses the other's write.
 */
describe('domain/approval races (two connections, real database)', function () {
  this.timeout(120_000);
  const db = useTestDatabase('approval-races');
  let w: World;
  let second: Domain;
  before(async () => {
    w = await createWorld(db.connection, 'aprace');
    second = createDomain({ connection: await db.openAnother(), clock: w.clock });
  });
  beforeEach(() => w.clock.set(START));

  for (let round = 1; round <= 20; round++) {
    it(`approve on one connection while cards are recorded on the other: nothing lost (round ${round})`, async () => {
      const v = await completedVoucher(w);
      const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
      const approvalId = String(approval._id);
      const messages = [`m-${round}-a`, `m-${round}-b`, `m-${round}-c`];
      const [decision] = await Promise.all([
        w.domain.approvals.approve(w.manager, { approvalId }),
        ...messages.map((messageId) => second.approvals.recordMessage(w.manager, { approvalId, messageId })),
      ]);
      assert.deepEqual(
        decision.outcomes.map((o) => o.applied),
        [true],
      );
      const after = await w.domain.approvals.get(w.manager, approvalId);
      assert.equal(after.status, 'approved');
      assert.equal(after.decisions.length, 1);
      assert.deepEqual([...after.messageIds].sort(), messages);
      assert.equal(after.outcomes.length, 1, 'the outcome of the decision is kept');
      assert.ok(after.appliedOn);
      const voucher = await w.domain.vouchers.get(w.staffFr, String(v._id));
      assert.equal(voucher.state, 'redeemed');
      assert.equal(voucher.pendingApprovalId, null);
      assert.equal(replayStates(voucher.audit), 'redeemed');
    });
  }
});
