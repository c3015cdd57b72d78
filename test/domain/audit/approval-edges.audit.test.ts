import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { systemActor } from '../../../domain/person/person.service';
import { PROGRAM_CODES } from '../../../domain/program/program.catalog';
import { useTestDatabase } from '../../helpers/db';
import { completedVoucher, createWorld, newVoucher, reserveFr, START, type World } from '../world';
import { idOf, refusedWithoutTrace } from './audit-helpers';

/**
 * Audit of approvals at their edges (DOMAIN.md, People: Manager; Voucher states): a configurable
 * threshold, a request of several vouchers refused whole, a voucher that expires while it waits.
 */
describe('audit: approvals at the edges (real database)', function () {
  this.timeout(120_000);
  const db = useTestDatabase('audit-approval');
  let w: World;
  const at = (day: string) => w.clock.set(`${day}T12:00:00.000Z`);
  before(async () => {
    w = await createWorld(db.connection, 'audit-approval');
    for (const program of PROGRAM_CODES) {
      await w.domain.partners.enroll(systemActor(w.admin.partnerId), {
        program,
        enrolledOn: '2025-03-01',
        agreementSignedOn: '2025-02-20',
        complianceTrainingOn: '2025-02-25',
        locationIds: ['FR-PAR', 'US-SEA'],
      });
    }
  });
  beforeEach(() => w.clock.set(START));
  const setThreshold = (approvalDaysThreshold: number) =>
    w.domain.partners.upsertPartner(systemActor(w.admin.partnerId), {
      slug: 'audit-approval',
      name: 'Partner audit-approval',
      tenantIds: ['tenant-audit-approval'],
      settings: { approvalDaysThreshold, approvalTtlDays: 7 },
    });

  it("the threshold is the partner's setting: at 3 days, 1 day is reserved at once and 3 days go to a manager", async () => {
    await setThreshold(3);
    try {
      assert.equal((await reserveFr(w, await newVoucher(w, { days: 1 }))).approval, null);
      const asked = await reserveFr(w, await newVoucher(w, { days: 3 }));
      assert.deepEqual(
        [asked.approval?.kind, asked.voucher.state, String(asked.voucher.pendingApprovalId)],
        ['reserve', 'assigned', String(asked.approval?._id)],
      );
    } finally {
      await setThreshold(10);
    }
  });

  it('a redemption request of several vouchers with one not ready is refused whole: no approval, no lock', async () => {
    const ready = await completedVoucher(w);
    w.clock.set(START);
    const notReady = (await reserveFr(w, await newVoucher(w))).voucher;
    const e = await refusedWithoutTrace(
      w,
      () => w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(ready), idOf(notReady)] }),
      'COMPLETION_REPORT_MISSING',
    );
    assert.equal((e.params as { number: string }).number, notReady.number);
    await refusedWithoutTrace(
      w,
      () => w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(ready), String(new Types.ObjectId())] }),
      'VOUCHER_NOT_FOUND',
    );
    const asked = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(ready), idOf(ready)] });
    assert.deepEqual(asked.approval.voucherIds.map(String), [idOf(ready)]);
  });

  it('a reservation asked on day 180 and approved after the sweep on day 181: not applied, the voucher expired and released', async () => {
    const v = await newVoucher(w, { days: 10 });
    at('2025-08-28');
    const asked = await reserveFr(w, v);
    at('2025-08-29');
    await w.domain.sweep.partner(w.admin.partnerId);
    const r = await w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval?._id) });
    assert.deepEqual(
      r.outcomes.map((o) => [o.applied, o.code]),
      [[false, 'VOUCHER_EXPIRED']],
    );
    const after = await w.domain.vouchers.get(w.admin, idOf(v));
    assert.deepEqual([after.state, after.pendingApprovalId, after.reservation], ['expired', null, null]);
  });

  it('the 15-day rule: a delivered engagement still counts; one whose reservation expired unused does not', async () => {
    const take = async (tag: string, assignedOn: string) => {
      const { voucher } = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: `AUD-15-${tag}-${Math.random().toString(36).slice(2, 7)}`,
        program: 'SSDPS',
        days: 15,
        customerName: 'Northwind',
        agreementNumber: 'NW-1500',
        voucherAdminEmail: 'admin@northwind.test',
        assignedOn,
        source: { kind: 'manual' },
      });
      return (await w.domain.vouchers.validate(w.staffFr, { voucherId: idOf(voucher), voucherAdminEmail: 'admin@northwind.test' })).voucher;
    };
    const reserve15 = async (v: Awaited<ReturnType<typeof take>>) => {
      const asked = await reserveFr(w, v);
      return w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval?._id) });
    };
    const first = await take('a', '2025-03-01');
    await reserve15(first);
    await w.domain.vouchers.schedule(w.staffFr, {
      voucherId: idOf(first),
      start: '2025-03-10',
      end: '2025-03-14',
      consultantAadObjectId: w.staffFr.aadObjectId,
    });
    at('2025-03-15');
    await w.domain.vouchers.complete(w.staffFr, {
      voucherId: idOf(first),
      deliveredOn: '2025-03-14',
      summary: 's',
      attendees: ['CIO'],
      recommendations: 'r',
    });
    const second = await take('b', '2025-03-01');
    await refusedWithoutTrace(w, () => reserveFr(w, second), 'FIFTEEN_DAY_RULE');
    await refusedWithoutTrace(
      w,
      () => w.domain.vouchers.cancel(w.admin, { voucherId: idOf(first), reason: 'delivered' }),
      'VOUCHER_WRONG_STATE',
    );
    // Another customer whose reservation expires unused: its days go back, and so does its 15-day engagement.
    const other = async (tag: string, assignedOn: string) => {
      const { voucher } = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: `AUD-15X-${tag}-${Math.random().toString(36).slice(2, 7)}`,
        program: 'SSDPS',
        days: 15,
        customerName: 'Litware',
        agreementNumber: 'LW-1500',
        voucherAdminEmail: 'admin@litware.test',
        assignedOn,
        source: { kind: 'manual' },
      });
      return (await w.domain.vouchers.validate(w.staffFr, { voucherId: idOf(voucher), voucherAdminEmail: 'admin@litware.test' })).voucher;
    };
    w.clock.set(START);
    await reserve15(await other('a', '2025-03-01'));
    at('2025-08-29');
    await w.domain.sweep.partner(w.admin.partnerId);
    const later = await other('b', '2025-08-01');
    assert.equal((await reserve15(later)).vouchers[0]?.state, 'reserved');
  });

  it('a rejected redemption leaves the voucher completed and free; asked again, it is redeemed', async () => {
    const v = await completedVoucher(w);
    const first = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] });
    const rejected = await w.domain.approvals.reject(w.manager, {
      approvalId: String(first.approval._id),
      comment: 'deliverable incomplete',
    });
    assert.deepEqual([rejected.vouchers[0]?.state, rejected.vouchers[0]?.pendingApprovalId], ['completed', null]);
    await refusedWithoutTrace(
      w,
      () => w.domain.approvals.approve(w.manager, { approvalId: String(first.approval._id) }),
      'APPROVAL_ALREADY_DECIDED',
    );
    const second = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] });
    assert.equal((await w.domain.approvals.approve(w.manager, { approvalId: String(second.approval._id) })).vouchers[0]?.state, 'redeemed');
  });
});
