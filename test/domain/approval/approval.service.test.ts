import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { completedVoucher, createWorld, newVoucher, reserveFr, START, type World } from '../world';

describe('domain/approval service (real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('approval-service');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'approvals');
  });
  beforeEach(() => w.clock.set(START));

  it('an approval whose effect is now refused releases the voucher instead of locking it for good', async () => {
    const v = await newVoucher(w, { days: 10 });
    const r = await reserveFr(w, v, { plannedStart: '2025-03-05' });
    assert.ok(r.approval);
    w.clock.set('2025-03-06T09:00:00Z'); // the planned start has passed when the manager decides
    const d = await w.domain.approvals.approve(w.manager, { approvalId: String(r.approval._id) });
    assert.deepEqual(d.outcomes.map((o) => [o.applied, o.code]), [[false, 'ENGAGEMENT_ALREADY_STARTED']]);
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.state, 'assigned');
    assert.equal(after.pendingApprovalId, null);
    const again = await reserveFr(w, v, { plannedStart: '2025-03-12' });
    assert.ok(again.approval, 'a new reservation request can be made');
  });

  it('expires an approval exactly its time to live after the request, whatever the hour', async () => {
    w.clock.set('2025-03-15T23:30:00Z');
    const v = await newVoucher(w, { days: 10 });
    const r = await reserveFr(w, v);
    assert.equal(r.approval?.expiresAt.toISOString(), '2025-03-22T23:30:00.000Z');
  });

  it('the sweep releases vouchers still locked by an approval that is no longer pending', async () => {
    const v = await completedVoucher(w);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
    // As if the process stopped right after the decision, before the voucher moved.
    await w.domain.deps.models.approvals.updateOne({ _id: approval._id }, { $set: { status: 'approved' }, $inc: { version: 1 } });
    await refused(w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] }), 'APPROVAL_PENDING');
    await w.domain.sweep.partner(w.admin.partnerId);
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.pendingApprovalId, null);
    assert.equal(after.state, 'completed');
    const retry = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
    assert.equal(retry.approval.status, 'pending');
  });
});
