import assert from 'node:assert/strict';
import { DAY_MS } from '../../../domain/calendar';
import { EXPIRED_APPROVALS_REPORTED_DAYS } from '../../../domain/approval/approval-expiry.service';
import { useTestDatabase } from '../../helpers/db';
import { createWorld, newVoucher, reserveFr, START, type World } from '../world';

/**
 * An approval nobody decides ends (DOMAIN.md, People: Manager; Voucher states: a pending approval
 * blocks conflicting transitions, so it must not block forever): the domain expires it, releases its
 * voucher and reports it to the bot for a bounded time after its expiry.
 */
describe('domain: approvals that expired undecided (real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('approval-expiry');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'approval-expiry');
  });

  it('expires a pending approval past its time, releases its voucher, and reports it for 7 days after its expiry', async () => {
    w.clock.set(START);
    const v = await newVoucher(w, { days: 10 });
    const asked = await reserveFr(w, v);
    const approval = asked.approval;
    assert.ok(approval);
    const reported = async () =>
      (await w.domain.approvals.expiredToReport()).flatMap((p) =>
        p.approvals.map((a) => ({ id: String(a._id), status: a.status, tenantId: p.tenantId })),
      );

    w.clock.set(new Date(approval.expiresAt.getTime() - 1));
    assert.deepEqual(await reported(), [], 'still pending the moment before its expiry');
    assert.equal((await w.domain.vouchers.get(w.admin, String(v._id))).pendingApprovalId?.toString(), String(approval._id));

    w.clock.set(approval.expiresAt);
    assert.deepEqual(await reported(), [{ id: String(approval._id), status: 'expired', tenantId: 'tenant-approval-expiry' }]);
    const released = await w.domain.vouchers.get(w.admin, String(v._id));
    assert.deepEqual([released.state, released.pendingApprovalId], ['assigned', null]);

    w.clock.set(new Date(approval.expiresAt.getTime() + EXPIRED_APPROVALS_REPORTED_DAYS * DAY_MS));
    assert.equal((await reported()).length, 1, 'reported up to 7 days after its expiry');
    w.clock.set(new Date(approval.expiresAt.getTime() + EXPIRED_APPROVALS_REPORTED_DAYS * DAY_MS + 1));
    assert.deepEqual(await reported(), [], 'history after that');
  });
});
