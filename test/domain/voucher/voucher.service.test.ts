import assert from 'node:assert/strict';
import { refused } from '../refused';
import { replayStates } from '../../../domain/voucher/voucher.machine';
import { useTestDatabase } from '../../helpers/db';
import { completedVoucher, createWorld, reserveFr, START, type World } from '../world';

describe('domain/voucher service (real database)', function () {
  const db = useTestDatabase('voucher-service');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'svc');
  });
  beforeEach(() => w.clock.set(START));

  describe('intake and validate', () => {
    it('creates a voucher with expiry = assignedOn + 180 days and one audit entry', async () => {
      const r = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: ' ps-1 a ',
        program: 'SDPS',
        days: 3,
        customerName: 'Fabrikam',
        voucherAdminEmail: 'A@Fabrikam.test',
        assignedOn: '2025-03-01',
        source: { kind: 'email', messageId: 'm1', senderEmail: 'a@fabrikam.test' },
      });
      assert.equal(r.created, true);
      assert.equal(r.voucher.number, 'PS-1A');
      assert.equal(r.voucher.expiresOn.toISOString(), '2025-08-28T00:00:00.000Z');
      assert.equal(r.flagged, false);
      assert.equal(r.voucher.audit.length, 1);
    });
    it('takes a printed expiry, but never later than 180 days after assignment', async () => {
      const base = {
        program: 'SDPS' as const,
        days: 3,
        customerName: 'Fabrikam',
        assignedOn: '2025-03-01',
        source: { kind: 'manual' as const },
      };
      const late = await w.domain.vouchers.intake(w.staffFr, { ...base, voucherNumber: 'EXP-LATE-1', expiresOn: '2026-03-01' });
      assert.equal(late.voucher.expiresOn.toISOString(), '2025-08-28T00:00:00.000Z');
      const early = await w.domain.vouchers.intake(w.staffFr, { ...base, voucherNumber: 'EXP-EARLY-1', expiresOn: '2025-06-30' });
      assert.equal(early.voucher.expiresOn.toISOString(), '2025-06-30T00:00:00.000Z');
      const printedOnly = await w.domain.vouchers.intake(w.staffFr, {
        ...base,
        voucherNumber: 'EXP-ONLY-1',
        assignedOn: null,
        expiresOn: '2025-07-30',
      });
      assert.equal(printedOnly.voucher.expiresOn.toISOString(), '2025-07-30T00:00:00.000Z');
    });
    it('merges a number seen again: fills missing fields, reports conflicts, never duplicates', async () => {
      await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'PS-2',
        program: null,
        days: 5,
        customerName: 'Tailspin',
        assignedOn: '2025-03-01',
        source: { kind: 'email', messageId: 'm2' },
      });
      const again = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'PS-2',
        program: 'SSDPS',
        days: 10,
        customerName: 'Tailspin',
        assignedOn: '2025-03-01',
        source: { kind: 'manual' },
      });
      assert.equal(again.created, false);
      assert.equal(again.voucher.program, 'SSDPS');
      assert.equal(again.voucher.days, 5);
      assert.deepEqual(again.conflicts, ['days']);
      assert.equal(await w.domain.deps.models.vouchers.countDocuments({ number: 'PS-2' }), 1);
      assert.equal(again.voucher.sources.length, 2);
    });
    it('flags a forward whose sender is not the voucher administrator; validation confirms it', async () => {
      const r = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'PS-3',
        program: 'SDPS',
        days: 3,
        customerName: 'Litware',
        voucherAdminEmail: 'admin@litware.test',
        assignedOn: '2025-03-01',
        source: { kind: 'email', messageId: 'm3', senderEmail: 'someone@else.test' },
      });
      assert.equal(r.flagged, true);
      await refused(reserveFr(w, r.voucher), 'VOUCHER_NEEDS_CONFIRMATION');
      const voucherId = String((await w.domain.vouchers.findByNumber(w.staffFr, 'ps-3'))._id);
      await refused(
        w.domain.vouchers.validate(w.staffFr, { voucherId, voucherAdminEmail: 'wrong@litware.test' }),
        'VOUCHER_ADMIN_MISMATCH',
      );
      const { voucher: ok } = await w.domain.vouchers.validate(w.staffFr, { voucherId, voucherAdminEmail: 'ADMIN@litware.test' });
      assert.equal(ok.needsConfirmation, null);
      assert.ok(ok.validated);
    });
    it('refuses to reserve a voucher that was not validated, and bad input with field names', async () => {
      const r = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'PS-4',
        program: 'SDPS',
        days: 3,
        customerName: 'X',
        assignedOn: '2025-03-01',
        source: { kind: 'manual' },
      });
      await refused(reserveFr(w, r.voucher), 'VOUCHER_NOT_VALIDATED');
      const e = await refused(
        w.domain.vouchers.intake(w.staffFr, { voucherNumber: '', source: { kind: 'fax' } } as never),
        'INVALID_INPUT',
      );
      assert.deepEqual(e.params, { fields: ['voucherNumber', 'source.kind'] });
    });
  });

  describe('the happy path', () => {
    it('goes assigned -> reserved -> scheduled -> completed -> redeemed -> claimed -> paid, audited', async () => {
      const v = await completedVoucher(w);
      const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
      const decided = await w.domain.approvals.approve(w.manager, { approvalId: String(approval._id) });
      assert.equal(decided.approval.status, 'approved');
      assert.equal(decided.vouchers[0]?.state, 'redeemed');
      const { voucher: claimed } = await w.domain.vouchers.claim(w.staffFr, { voucherId: String(v._id), claimNumber: 'CLM-1' });
      assert.deepEqual([claimed.claim?.amount, claimed.claim?.currency], [5 * 950, 'EUR']);
      const { voucher: paid } = await w.domain.vouchers.markPaid(w.staffFr, { voucherId: String(v._id), paidOn: '2025-03-15' });
      assert.equal(paid.state, 'paid');
      assert.equal(replayStates(paid.audit), 'paid');
      assert.deepEqual(
        paid.audit.map((a) => a.event),
        ['intake', 'validate', 'reserve', 'schedule', 'addDeliverable', 'complete', 'requestRedemption', 'redeem', 'claim', 'pay'],
      );
    });
  });
});
