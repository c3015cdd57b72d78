import assert from 'node:assert/strict';
import type { Approval } from '../../../domain/approval/approval.model';
import { SETTLE_LEASE_MS } from '../../../domain/approval/approval.rules';
import type { Actor } from '../../../domain/domain';
import { systemActor } from '../../../domain/person/person.service';
import { changeVoucher } from '../../../domain/voucher/voucher.store';
import { redeemRule } from '../../../domain/voucher/delivery.rules';
import { updateVersioned } from '../../../domain/write';
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

  /** What the decision writes, and nothing after it: as if the process stopped right there. */
  async function decideOnly(a: Approval, by: Actor, decision: 'approved' | 'rejected'): Promise<void> {
    const at = w.clock.now();
    const update = {
      $set: { status: decision, settleBy: new Date(at.getTime() + SETTLE_LEASE_MS) },
      $push: { decisions: { by: by.aadObjectId, name: by.name, decision, comment: decision === 'rejected' ? 'no' : null, at } },
    };
    const r = await updateVersioned(w.domain.deps, {
      model: w.domain.deps.models.approvals,
      id: a._id,
      version: a.version,
      filter: { status: 'pending' },
      update,
    });
    assert.ok(r.ok);
  }
  const afterLease = () => w.clock.set(new Date(w.clock.now().getTime() + SETTLE_LEASE_MS + 1000));

  it('an approval whose effect is now refused keeps the refusal and its parameters, and the system releases the voucher', async () => {
    const v = await newVoucher(w, { days: 10 });
    const r = await reserveFr(w, v, { plannedStart: '2025-03-05' });
    assert.ok(r.approval);
    w.clock.set('2025-03-06T09:00:00Z'); // the planned start has passed when the manager decides
    const d = await w.domain.approvals.approve(w.manager, { approvalId: String(r.approval._id) });
    assert.deepEqual(
      d.outcomes.map((o) => [o.applied, o.code, o.params]),
      [[false, 'ENGAGEMENT_ALREADY_STARTED', { number: v.number, start: '2025-03-05' }]],
    );
    assert.deepEqual(
      d.approval.outcomes.map((o) => o.params),
      [{ number: v.number, start: '2025-03-05' }],
      'stored with the approval too',
    );
    assert.ok(d.approval.appliedOn);
    assert.ok(d.notices.some((n) => n.code === 'NOT_APPLIED'));
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.state, 'assigned');
    assert.equal(after.pendingApprovalId, null);
    const release = after.audit.at(-1);
    assert.equal(release?.event, 'releaseApproval');
    assert.equal(release?.by, 'system', 'a release the manager did not ask for is not credited to the manager');
    const again = await reserveFr(w, v, { plannedStart: '2025-03-12' });
    assert.ok(again.approval, 'a new reservation request can be made');
  });

  it('expires an approval exactly its time to live after the request, whatever the hour', async () => {
    w.clock.set('2025-03-15T23:30:00Z');
    const v = await newVoucher(w, { days: 10 });
    const r = await reserveFr(w, v);
    assert.equal(r.approval?.expiresAt.toISOString(), '2025-03-22T23:30:00.000Z');
  });

  it('reading a pending approval past its time expires it and the system releases its vouchers', async () => {
    const v = await newVoucher(w, { days: 10 });
    const r = await reserveFr(w, v);
    assert.ok(r.approval);
    w.clock.set('2025-03-10T10:00:00Z'); // exactly its time to live (7 days) after the request
    const read = await w.domain.approvals.get(w.manager, String(r.approval._id));
    assert.equal(read.status, 'expired');
    assert.ok(read.appliedOn);
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.pendingApprovalId, null);
    assert.deepEqual([after.audit.at(-1)?.event, after.audit.at(-1)?.by], ['releaseApproval', 'system']);
    await refused(w.domain.approvals.approve(w.manager, { approvalId: String(r.approval._id) }), 'APPROVAL_EXPIRED');
  });

  it('a decision whose process stopped before the effect is finished by the next read, once its lease has passed', async () => {
    const v = await completedVoucher(w);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
    await decideOnly(approval, w.manager, 'approved');
    const early = await w.domain.approvals.get(w.manager, String(approval._id));
    assert.equal(early.appliedOn, null, 'within the lease the deciding process may still be applying it');
    await refused(w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] }), 'APPROVAL_PENDING');
    afterLease();
    const read = await w.domain.approvals.get(w.manager, String(approval._id));
    assert.ok(read.appliedOn);
    assert.deepEqual(
      read.outcomes.map((o) => [String(o.voucherId), o.applied]),
      [[String(v._id), true]],
    );
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.state, 'redeemed');
    assert.equal(after.pendingApprovalId, null);
    assert.equal(after.audit.at(-1)?.by, w.manager.aadObjectId, 'the redemption is the deciding manager’s');
  });

  it('the sweep finishes an interrupted rejection: the vouchers are released and keep their state', async () => {
    const v = await completedVoucher(w);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
    await decideOnly(approval, w.manager, 'rejected');
    afterLease();
    await w.domain.sweep.partner(w.admin.partnerId);
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.state, 'completed');
    assert.equal(after.pendingApprovalId, null);
    const settled = await w.domain.approvals.get(w.manager, String(approval._id));
    assert.ok(settled.appliedOn);
    assert.equal(settled.outcomes.length, 1);
  });

  it('a voucher moved before the process stopped is not moved twice and its outcome is recorded as applied', async () => {
    const [v1, v2] = [await completedVoucher(w), await completedVoucher(w)];
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v1._id), String(v2._id)] });
    await decideOnly(approval, w.manager, 'approved');
    // The first voucher moved, then the process stopped: no outcome was recorded for it.
    await changeVoucher(w.domain.deps, w.manager, String(v1._id), (x, t) => redeemRule(x, w.manager, t, approval._id));
    afterLease();
    await w.domain.sweep.partner(w.admin.partnerId);
    const settled = await w.domain.approvals.get(w.manager, String(approval._id));
    assert.deepEqual(
      settled.outcomes.map((o) => [String(o.voucherId), o.applied]),
      [
        [String(v1._id), true],
        [String(v2._id), true],
      ],
    );
    for (const v of [v1, v2]) {
      const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
      assert.equal(after.state, 'redeemed');
      assert.equal(after.audit.filter((e) => e.event === 'redeem').length, 1);
    }
  });

  it('"already decided" says who decided, how and when', async () => {
    const v = await completedVoucher(w);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
    await w.domain.approvals.reject(w.manager, { approvalId: String(approval._id), comment: 'missing attendee list' });
    const r = await refused(w.domain.approvals.approve(w.manager, { approvalId: String(approval._id) }), 'APPROVAL_ALREADY_DECIDED');
    assert.deepEqual(r.params, {
      approvalId: String(approval._id),
      status: 'rejected',
      decidedBy: 'Mia Manager',
      decidedOn: '2025-03-15T09:00:00.000Z',
    });
  });

  it('a manager may not decide their own request unless the partner allows it; the requester is not asked', async () => {
    const system = systemActor(w.admin.partnerId);
    await w.domain.people.upsert(system, {
      aadObjectId: 'approvals-lead',
      name: 'Lee Lead',
      email: 'lead@approvals.test',
      roles: ['staff', 'manager'],
      locationIds: ['FR-PAR'],
    });
    const lead = await w.domain.people.resolveActor(w.admin.partnerId, 'approvals-lead');
    const v = await newVoucher(w, { days: 10 });
    const r = await w.domain.vouchers.reserve(lead, {
      voucherId: String(v._id),
      locationId: 'FR-PAR',
      engagementCountry: 'FR',
      termsAccepted: true,
    });
    assert.ok(r.approval);
    assert.ok(!r.approval.approvers.includes(lead.aadObjectId));
    await refused(w.domain.approvals.approve(lead, { approvalId: String(r.approval._id) }), 'SELF_APPROVAL_NOT_ALLOWED');
    await refused(w.domain.approvals.reject(lead, { approvalId: String(r.approval._id), comment: 'mine' }), 'SELF_APPROVAL_NOT_ALLOWED');
    assert.equal((await w.domain.vouchers.get(lead, String(v._id))).pendingApprovalId?.toString(), String(r.approval._id));

    const partner = await w.domain.partners.bySlug('approvals');
    assert.ok(partner);
    await w.domain.partners.upsertPartner(systemActor(partner._id), {
      slug: partner.slug,
      name: partner.name,
      tenantIds: partner.tenantIds,
      settings: { ...partner.settings, allowSelfApproval: true },
    });
    const d = await w.domain.approvals.approve(lead, { approvalId: String(r.approval._id) });
    assert.deepEqual(
      d.outcomes.map((o) => o.applied),
      [true],
    );
    assert.equal((await w.domain.vouchers.get(lead, String(v._id))).state, 'reserved');
    await w.domain.partners.upsertPartner(systemActor(partner._id), {
      slug: partner.slug,
      name: partner.name,
      tenantIds: partner.tenantIds,
      settings: { ...partner.settings, allowSelfApproval: false },
    });
  });

  it('an approval of a kind with no defined effect (a stored "cancel") is refused, not applied as a reservation', async () => {
    const v = await newVoucher(w, { days: 10 });
    const r = await reserveFr(w, v);
    assert.ok(r.approval);
    await w.domain.deps.connection.collection('approvals').updateMany({ _id: r.approval._id }, { $set: { kind: 'cancel' } }); // eslint-disable-line no-restricted-properties -- simulates a record written by an older version
    await refused(w.domain.approvals.approve(w.manager, { approvalId: String(r.approval._id) }), 'APPROVAL_KIND_UNSUPPORTED');
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.state, 'assigned');
  });
});
