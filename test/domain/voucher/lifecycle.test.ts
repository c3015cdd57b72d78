import assert from 'node:assert/strict';
import { replayStates } from '../../../domain/voucher/voucher.machine';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { completedVoucher, createWorld, newVoucher, reserveFr, START, type World } from '../world';

describe('domain/voucher schedule, completion, redemption, claim, sweep (real database)', function () {
  const db = useTestDatabase('lifecycle');
  let w: World;
  let other: World;
  before(async () => {
    w = await createWorld(db.connection, 'life');
    other = await createWorld(db.connection, 'other');
  });
  beforeEach(() => {
    w.clock.set(START);
    other.clock.set(START);
  });
  const id = (v: { _id: unknown }) => String(v._id);
  const sched = (v: { _id: unknown }, start: string, end: string, consultant = w.staffFr.aadObjectId) =>
    w.domain.vouchers.schedule(w.staffFr, { voucherId: id(v), start, end, consultantAadObjectId: consultant }).then((r) => r.voucher);

  it('schedules after the reservation day, within validity, with a qualified consultant', async () => {
    const v = await newVoucher(w);
    await refused(sched(v, '2025-03-10', '2025-03-12'), 'VOUCHER_WRONG_STATE');
    await reserveFr(w, v);
    await refused(sched(v, '2025-03-03', '2025-03-05'), 'ENGAGEMENT_ALREADY_STARTED');
    await refused(sched(v, '2025-03-10', '2025-03-09'), 'SCHEDULE_END_BEFORE_START');
    await refused(sched(v, '2025-08-25', '2025-08-29'), 'ENGAGEMENT_ENDS_AFTER_EXPIRY');
    await refused(sched(v, '2025-03-10', '2025-03-12', w.staffUs.aadObjectId), 'CONSULTANT_NOT_QUALIFIED');
    assert.equal((await sched(v, '2025-03-04', '2025-08-28')).state, 'scheduled');
    const moved = await sched(v, '2025-04-01', '2025-04-03');
    assert.equal(moved.schedule?.start.toISOString().slice(0, 10), '2025-04-01');
  });

  it('completes once delivered: not in the future, not before the start', async () => {
    const v = await newVoucher(w);
    await reserveFr(w, v);
    await sched(v, '2025-03-10', '2025-03-12');
    w.clock.set('2025-03-12T08:00:00Z');
    const report = { voucherId: id(v), summary: 's', attendees: ['a'], recommendations: 'r' };
    await refused(w.domain.vouchers.complete(w.staffFr, { ...report, deliveredOn: '2025-03-13' }), 'DELIVERED_IN_FUTURE');
    await refused(w.domain.vouchers.complete(w.staffFr, { ...report, deliveredOn: '2025-03-09' }), 'DELIVERED_BEFORE_START');
    assert.equal((await w.domain.vouchers.complete(w.staffFr, { ...report, deliveredOn: '2025-03-12' })).voucher.state, 'completed');
  });

  it('redeems only with the completion report and a deliverable; a pending approval blocks changes', async () => {
    const v = await newVoucher(w);
    await reserveFr(w, v);
    await refused(w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(v)] }), 'COMPLETION_REPORT_MISSING');
    await sched(v, '2025-03-10', '2025-03-12');
    w.clock.set('2025-03-13T08:00:00Z');
    await w.domain.vouchers.complete(w.staffFr, {
      voucherId: id(v),
      deliveredOn: '2025-03-12',
      summary: 's',
      attendees: ['a'],
      recommendations: 'r',
    });
    await refused(w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(v)] }), 'DELIVERABLE_MISSING');
    const ok = await completedVoucher(w);
    // all or nothing: one bad voucher refuses the whole request and locks nothing
    await refused(w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(ok), id(v)] }), 'DELIVERABLE_MISSING');
    assert.equal((await w.domain.vouchers.get(w.staffFr, id(ok))).pendingApprovalId, null);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(ok)] });
    await refused(
      w.domain.deliverables.addLink(w.staffFr, { voucherId: id(ok), name: 'x', url: 'https://contoso.sharepoint.com/x' }),
      'APPROVAL_PENDING',
    );
    await refused(w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(ok)] }), 'APPROVAL_PENDING');
    const rejected = await w.domain.approvals.reject(w.manager, { approvalId: id(approval), comment: 'report too thin' });
    assert.equal(rejected.vouchers[0]?.state, 'completed');
    const again = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(ok)] });
    assert.equal(again.vouchers[0]?.pendingApprovalId?.toString(), id(again.approval));
  });

  it('redeems several vouchers with one approval', async () => {
    const a = await completedVoucher(w);
    const b = await completedVoucher(w);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(a), id(b)] });
    assert.deepEqual(approval.approvers, [w.manager.aadObjectId]);
    const d = await w.domain.approvals.approve(w.manager, { approvalId: id(approval) });
    assert.deepEqual(
      d.vouchers.map((v) => v.state),
      ['redeemed', 'redeemed'],
    );
    assert.deepEqual(
      d.approval.outcomes.map((o) => o.applied),
      [true, true],
    );
  });

  it('claims up to day 60 after redemption and refuses on day 61', async () => {
    const a = await completedVoucher(w);
    const b = await completedVoucher(w);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(a), id(b)] });
    await w.domain.approvals.approve(w.manager, { approvalId: id(approval) }); // redeemed on 2025-03-15
    await refused(w.domain.vouchers.markPaid(w.staffFr, { voucherId: id(a), paidOn: '2025-03-15' }), 'VOUCHER_WRONG_STATE');
    w.clock.set('2025-05-14T23:00:00Z');
    assert.equal((await w.domain.vouchers.claim(w.staffFr, { voucherId: id(a), claimNumber: 'C-60' })).voucher.state, 'claimed');
    w.clock.set('2025-05-15T00:00:00Z');
    const e = await refused(w.domain.vouchers.claim(w.staffFr, { voucherId: id(b), claimNumber: 'C-61' }), 'CLAIM_WINDOW_CLOSED');
    assert.deepEqual(e.params, { number: b.number, redeemedOn: '2025-03-15', deadline: '2025-05-14' });
    await refused(w.domain.vouchers.markPaid(w.staffFr, { voucherId: id(a), paidOn: '2025-05-13' }), 'PAID_BEFORE_CLAIM');
    assert.equal((await w.domain.vouchers.markPaid(w.staffFr, { voucherId: id(a), paidOn: '2025-05-15' })).voucher.state, 'paid');
  });

  it('the sweep expires every state before redemption after day 180, audited, and releases 15-day slots', async () => {
    const assigned = await newVoucher(w);
    const reserved = await newVoucher(w, { days: 15, customerName: 'Slot Co' });
    await w.domain.approvals.approve(w.manager, { approvalId: id((await reserveFr(w, reserved)).approval ?? { _id: '' }) });
    const completed = await completedVoucher(w);
    const late = await newVoucher(w, { assignedOn: '2025-03-02' });
    w.clock.set('2025-08-28T23:00:00Z');
    await w.domain.sweep.all();
    assert.equal((await w.domain.vouchers.get(w.admin, id(assigned))).state, 'assigned');
    w.clock.set('2025-08-29T00:00:01Z');
    const r = await w.domain.sweep.all();
    assert.ok(r.vouchersExpired >= 3);
    for (const v of [assigned, reserved, completed]) {
      const now = await w.domain.vouchers.get(w.admin, id(v));
      assert.equal(now.state, 'expired');
      assert.equal(replayStates(now.audit), 'expired');
      assert.equal(now.audit.at(-1)?.by, 'system');
      assert.equal(now.lastActionAt?.toISOString(), '2025-08-29T00:00:01.000Z', 'the list shows the expiry as the newest action');
    }
    assert.equal((await w.domain.vouchers.get(w.admin, id(reserved))).fifteenDaySlot, undefined);
    assert.equal((await w.domain.vouchers.get(w.admin, id(late))).state, 'assigned');
    await refused(w.domain.vouchers.cancel(w.staffFr, { voucherId: id(reserved), reason: 'too late' }), 'VOUCHER_EXPIRED');
  });

  it("a cancelled engagement's deliverables do not count for the next one", async () => {
    const v = await newVoucher(w);
    await reserveFr(w, v);
    await sched(v, '2025-03-10', '2025-03-12');
    await w.domain.deliverables.addLink(w.staffFr, {
      voucherId: id(v),
      name: 'Old plan',
      url: 'https://contoso.sharepoint.com/sites/x/old.docx',
    });
    w.clock.set('2025-03-04T09:00:00Z');
    await w.domain.vouchers.cancel(w.staffFr, { voucherId: id(v), reason: 'customer postponed' });
    await reserveFr(w, v);
    await sched(v, '2025-03-10', '2025-03-12');
    w.clock.set('2025-03-13T09:00:00Z');
    await w.domain.vouchers.complete(w.staffFr, {
      voucherId: id(v),
      deliveredOn: '2025-03-12',
      summary: 'Delivered',
      attendees: ['CIO'],
      recommendations: 'Go',
    });
    await refused(w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(v)] }), 'DELIVERABLE_MISSING');
    await w.domain.deliverables.addLink(w.staffFr, {
      voucherId: id(v),
      name: 'New plan',
      url: 'https://contoso.sharepoint.com/sites/x/new.docx',
    });
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(v)] });
    assert.equal(approval.status, 'pending');
  });

  it('claims under a location still in the engagement country: its country cannot move while the claim is due', async () => {
    const x = await createWorld(db.connection, 'moved');
    const v = await completedVoucher(x);
    const { approval } = await x.domain.approvals.requestRedemption(x.staffFr, { voucherIds: [id(v)] });
    await x.domain.approvals.approve(x.manager, { approvalId: id(approval) });
    await refused(x.domain.partners.upsertLocation(x.admin, { locationId: 'FR-PAR', name: 'Paris', country: 'BE' }), 'LOCATION_IN_USE');
    assert.equal((await x.domain.vouchers.claim(x.staffFr, { voucherId: id(v), claimNumber: 'CLM-1' })).voucher.state, 'claimed');
    assert.equal(
      (await x.domain.partners.upsertLocation(x.admin, { locationId: 'FR-PAR', name: 'Paris', country: 'BE' })).country,
      'BE',
      'claimed: nothing left to strand',
    );
  });

  it('the sweep keeps the 15-day slot of a delivered (completed) engagement that expires unredeemed', async () => {
    const v = await newVoucher(w, { days: 15, customerName: 'Delivered Co' });
    await w.domain.approvals.approve(w.manager, { approvalId: id((await reserveFr(w, v)).approval ?? { _id: '' }) });
    await sched(v, '2025-03-10', '2025-03-14');
    await w.domain.deliverables.addLink(w.staffFr, {
      voucherId: id(v),
      name: 'Plan',
      url: 'https://contoso.sharepoint.com/sites/x/p.docx',
    });
    w.clock.set('2025-03-15T09:00:00Z');
    await w.domain.vouchers.complete(w.staffFr, {
      voucherId: id(v),
      deliveredOn: '2025-03-14',
      summary: 'Delivered',
      attendees: ['CIO'],
      recommendations: 'Go',
    });
    w.clock.set('2025-08-29T00:00:01Z');
    await w.domain.sweep.all();
    const now = await w.domain.vouchers.get(w.admin, id(v));
    assert.equal(now.state, 'expired');
    assert.ok(now.fifteenDaySlot, 'the delivered engagement still counts for the 15-day rule');
  });

  it('the sweep expires pending approvals past their time and releases their vouchers', async () => {
    const v = await completedVoucher(w);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(v)] });
    w.clock.set('2025-03-22T09:00:00Z'); // requested 2025-03-15 09:00 + 7 days
    await refused(w.domain.approvals.approve(w.manager, { approvalId: id(approval) }), 'APPROVAL_EXPIRED');
    const r = await w.domain.sweep.all();
    assert.ok(r.approvalsExpired >= 1);
    assert.equal((await w.domain.approvals.get(w.manager, id(approval))).status, 'expired');
    assert.equal((await w.domain.vouchers.get(w.staffFr, id(v))).pendingApprovalId, null);
  });

  it('isolates partners: nothing of one is visible or changeable through another', async () => {
    const mine = await newVoucher(w, { number: 'SHARED-NUMBER-1' });
    const theirs = await newVoucher(other, { number: 'SHARED-NUMBER-1' });
    assert.notEqual(id(mine), id(theirs));
    await refused(other.domain.vouchers.get(other.staffFr, id(mine)), 'VOUCHER_NOT_FOUND');
    await refused(
      other.domain.vouchers.reserve(other.admin, {
        voucherId: id(mine),
        locationId: 'FR-PAR',
        engagementCountry: 'FR',
        termsAccepted: true,
      }),
      'VOUCHER_NOT_FOUND',
    );
    await refused(other.domain.vouchers.cancel(other.admin, { voucherId: id(mine), reason: 'x' }), 'VOUCHER_NOT_FOUND');
    const found = await other.domain.vouchers.findByNumber(other.admin, 'SHARED-NUMBER-1');
    assert.equal(String(found?._id), id(theirs));
    const list = await other.domain.queries.byState(other.admin, ['assigned'], { limit: 100 });
    assert.ok(list.every((v) => String(v.partnerId) === String(other.admin.partnerId)));
    await refused(other.domain.people.resolveActor(other.admin.partnerId, w.staffFr.aadObjectId), 'PERSON_NOT_FOUND');
    const r = await reserveFr(other, theirs);
    assert.equal(r.voucher.state, 'reserved');
    assert.equal((await w.domain.vouchers.get(w.staffFr, id(mine))).state, 'assigned');
  });
});
