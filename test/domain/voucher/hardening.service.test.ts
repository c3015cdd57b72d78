import assert from 'node:assert/strict';
import { systemActor } from '../../../domain/person/person.service';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { completedVoucher, createWorld, newVoucher, reserveFr, START, type World } from '../world';

/** Issue 7, defects 5, 6, 8 and 9 (the 15-day rule, location contacts, the audit's why), on the real database. */
describe('domain/voucher hardening: dates, strict intake, correct, validate, 15-day rule, contacts (real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('hardening');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'hard');
  });
  beforeEach(() => w.clock.set(START));
  const id = (v: { _id: unknown }) => String(v._id);
  const manual = { kind: 'manual' as const };

  describe('the 180-day rule cannot be escaped', () => {
    it('a second intake bringing the assignment date shortens a later printed expiry', async () => {
      const first = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'CAP-1',
        program: 'AZDPS',
        days: 5,
        customerName: 'Cap',
        expiresOn: '2025-08-30',
        source: manual,
      });
      assert.equal(first.voucher.expiresOn.toISOString().slice(0, 10), '2025-08-30');
      const second = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'CAP-1',
        assignedOn: '2025-01-10',
        source: { kind: 'email', messageId: 'm-cap' },
      });
      assert.equal(second.voucher.expiresOn.toISOString().slice(0, 10), '2025-07-09');
      assert.equal(second.voucher.assignedOn?.toISOString().slice(0, 10), '2025-01-10');
      assert.ok(
        second.notices.some((n) => n.code === 'EXPIRY_CAPPED'),
        JSON.stringify(second.notices),
      );
      assert.match(second.voucher.audit.at(-1)?.reason ?? '', /expiry brought forward to 2025-07-09/);
    });
    it('a printed expiry with no assignment date is bounded: 9999-12-31 and tomorrow + 181 are refused', async () => {
      const e = await refused(
        w.domain.vouchers.intake(w.staffFr, { voucherNumber: 'CAP-2', expiresOn: '9999-12-31', source: manual }),
        'DATE_OUT_OF_RANGE',
      );
      assert.deepEqual(e.params, { field: 'expiresOn', date: '9999-12-31', earliest: '2000-01-01', latest: '2027-03-03' });
      const late = await refused(
        w.domain.vouchers.intake(w.staffFr, { voucherNumber: 'CAP-2', expiresOn: '2025-09-01', source: manual }),
        'EXPIRY_TOO_LATE',
      );
      assert.deepEqual(late.params, { number: 'CAP-2', expiresOn: '2025-09-01', latest: '2025-08-31' });
      assert.equal(await w.domain.deps.models.vouchers.countDocuments({ number: 'CAP-2' }), 0);
    });
    it('every date entering the domain is in 2000-01-01 .. today + 2 years', async () => {
      await refused(
        w.domain.vouchers.intake(w.staffFr, { voucherNumber: 'CAP-3', assignedOn: '1999-12-31', source: manual }),
        'DATE_OUT_OF_RANGE',
      );
      await refused(
        w.domain.vouchers.intake(w.staffFr, { voucherNumber: 'CAP-3', assignedOn: '2025-03-05', source: manual }),
        'ASSIGNED_IN_FUTURE',
      );
      const v = await newVoucher(w);
      await reserveFr(w, v);
      const e = await refused(
        w.domain.vouchers.schedule(w.staffFr, {
          voucherId: id(v),
          start: '2027-03-04',
          end: '2027-03-05',
          consultantAadObjectId: w.staffFr.aadObjectId,
        }),
        'DATE_OUT_OF_RANGE',
      );
      assert.equal((e.params as { field: string }).field, 'start');
    });
  });

  describe('intake is strict', () => {
    for (const days of [2, 4, 7, 11, 16, 0]) {
      it(`refuses ${days} days`, async () => {
        const e = await refused(
          w.domain.vouchers.intake(w.staffFr, { voucherNumber: `DAYS-${days}`, days, assignedOn: '2025-03-01', source: manual }),
          'INVALID_INPUT',
        );
        assert.deepEqual(e.params, { fields: ['days'] });
      });
    }
    it('accepts unknown days (null), to be picked on the card, and says what is missing', async () => {
      const r = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'DAYS-NULL',
        days: null,
        assignedOn: '2025-03-01',
        source: manual,
      });
      assert.equal(r.voucher.days, null);
      const missing = r.notices.find((n) => n.code === 'VOUCHER_INCOMPLETE');
      assert.deepEqual(missing?.params, { number: 'DAYS-NULL', missing: ['program', 'days', 'customerName', 'voucherAdminEmail'] });
    });
    it('refuses a 10,000-character agreement number, a voucher number with markup, a multi-line customer name', async () => {
      const base = { assignedOn: '2025-03-01', source: manual };
      assert.deepEqual(
        (
          await refused(
            w.domain.vouchers.intake(w.staffFr, { ...base, voucherNumber: 'LONG-1', agreementNumber: '1'.repeat(10_000) }),
            'INVALID_INPUT',
          )
        ).params,
        { fields: ['agreementNumber'] },
      );
      assert.deepEqual(
        (await refused(w.domain.vouchers.intake(w.staffFr, { ...base, voucherNumber: '*PS*-[1](x)' }), 'INVALID_INPUT')).params,
        { fields: ['voucherNumber'] },
      );
      assert.deepEqual(
        (
          await refused(
            w.domain.vouchers.intake(w.staffFr, { ...base, voucherNumber: 'NAME-1', customerName: 'Contoso\nIgnore this' }),
            'INVALID_INPUT',
          )
        ).params,
        { fields: ['customerName'] },
      );
    });
  });

  describe('correct', () => {
    it('an admin corrects days on an assigned voucher; audited with old and new value; it can then be reserved', async () => {
      const r = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'FIX-1',
        program: null,
        days: null,
        customerName: 'Fix',
        voucherAdminEmail: 'it@fix.test',
        assignedOn: '2025-03-01',
        source: manual,
      });
      const { voucher: valid } = await w.domain.vouchers.validate(w.staffFr, {
        voucherId: id(r.voucher),
        voucherAdminEmail: 'it@fix.test',
      });
      await refused(reserveFr(w, valid), 'VOUCHER_PROGRAM_UNKNOWN');
      const c = await w.domain.vouchers.correct(w.admin, { voucherId: id(valid), expectedState: 'assigned', days: 3, program: 'SDPS' });
      assert.deepEqual(c.voucher.audit.at(-1)?.changes, [
        { field: 'days', from: null, to: '3' },
        { field: 'program', from: null, to: 'SDPS' },
      ]);
      assert.equal(c.voucher.audit.at(-1)?.by, w.admin.aadObjectId);
      assert.equal(c.notices[0]?.code, 'VOUCHER_CORRECTED');
      assert.equal((await reserveFr(w, c.voucher)).voucher.state, 'reserved');
      await refused(w.domain.vouchers.correct(w.admin, { voucherId: id(valid), days: 7 }), 'INVALID_INPUT');
    });
    it('the staff member who reserved corrects the email; others are refused; days need the reservation cancelled', async () => {
      const v = await newVoucher(w);
      await reserveFr(w, v);
      await refused(
        w.domain.vouchers.correct(w.staffUs, { voucherId: id(v), voucherAdminEmail: 'new@c.test' }),
        'CORRECTION_NOT_PERMITTED',
      );
      await refused(w.domain.vouchers.correct(w.manager, { voucherId: id(v), voucherAdminEmail: 'new@c.test' }), 'NOT_PERMITTED');
      const e = await refused(w.domain.vouchers.correct(w.staffFr, { voucherId: id(v), days: 10 }), 'CORRECTION_NEEDS_CANCELLATION');
      assert.deepEqual(e.params, { number: v.number, field: 'days', state: 'reserved' });
      const ok = await w.domain.vouchers.correct(w.staffFr, { voucherId: id(v), voucherAdminEmail: 'New@C.test' });
      assert.equal(ok.voucher.voucherAdminEmail, 'new@c.test');
      const done = await completedVoucher(w);
      await refused(w.domain.vouchers.correct(w.admin, { voucherId: id(done), days: 3 }), 'CORRECTION_TOO_LATE');
    });
  });

  describe('validate', () => {
    it('asks for the administrator email when none is on record; validates once it is recorded, and keeps the email used', async () => {
      const r = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: 'VAL-1',
        program: 'AZDPS',
        days: 5,
        customerName: 'Val',
        assignedOn: '2025-03-01',
        source: manual,
      });
      await refused(
        w.domain.vouchers.validate(w.staffFr, { voucherId: id(r.voucher), voucherAdminEmail: 'whoever@val.test' }),
        'VOUCHER_ADMIN_EMAIL_MISSING',
      );
      assert.equal((await w.domain.vouchers.get(w.staffFr, id(r.voucher))).voucherAdminEmail, null);
      await w.domain.vouchers.correct(w.staffFr, { voucherId: id(r.voucher), voucherAdminEmail: 'it@val.test' });
      const { voucher } = await w.domain.vouchers.validate(w.staffFr, { voucherId: id(r.voucher), voucherAdminEmail: 'IT@val.test' });
      assert.equal(voucher.validated?.email, 'it@val.test');
      assert.equal(voucher.validated?.by, w.staffFr.aadObjectId);
    });
  });

  describe('the 15-day rule matches customers by agreement number when known, by name otherwise', () => {
    const fifteen = async (number: string, customerName: string, agreementNumber: string | null) => {
      const r = await w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: number,
        program: 'PVDPS',
        days: 15,
        customerName,
        agreementNumber,
        voucherAdminEmail: 'it@x.test',
        assignedOn: '2025-03-01',
        source: manual,
      });
      return (await w.domain.vouchers.validate(w.staffFr, { voucherId: id(r.voucher), voucherAdminEmail: 'it@x.test' })).voucher;
    };
    const approveReserve = async (v: { _id: unknown }) => {
      const r = await reserveFr(w, v as never);
      return w.domain.approvals.approve(w.manager, { approvalId: String(r.approval?._id) });
    };
    it('same agreement under two names is one customer; same name under two agreements is two', async () => {
      await approveReserve(await fifteen('AGR-1', 'Woodgrove Bank', '5550-0001'));
      const e = await refused(reserveFr(w, await fifteen('AGR-2', 'Woodgrove Financial SA', '55500001')), 'FIFTEEN_DAY_RULE');
      assert.equal((e.params as { otherNumber: string }).otherNumber, 'AGR-1');
      const other = await approveReserve(await fifteen('AGR-3', 'Woodgrove Bank', '5550-0002'));
      assert.equal(other.vouchers[0]?.state, 'reserved');
    });
    it('a customer known only by its agreement number is enough for the rule', async () => {
      const fifteenNoName = async (number: string) => {
        const r = await w.domain.vouchers.intake(w.staffFr, {
          voucherNumber: number,
          program: 'DDPS',
          days: 15,
          agreementNumber: '6660-0001',
          voucherAdminEmail: 'it@x.test',
          assignedOn: '2025-03-01',
          source: manual,
        });
        return (await w.domain.vouchers.validate(w.staffFr, { voucherId: id(r.voucher), voucherAdminEmail: 'it@x.test' })).voucher;
      };
      await approveReserve(await fifteenNoName('AGR-ONLY-1'));
      const e = await refused(reserveFr(w, await fifteenNoName('AGR-ONLY-2')), 'FIFTEEN_DAY_RULE');
      assert.equal((e.params as { customerName: string }).customerName, '6660-0001');
    });
    it('a voucher known only by name meets a holder of that name known by agreement, and the reverse', async () => {
      await approveReserve(await fifteen('NAME-A', 'Trey Research', '7770-0001'));
      await refused(reserveFr(w, await fifteen('NAME-B', 'TREY research', null)), 'FIFTEEN_DAY_RULE');
      await approveReserve(await fifteen('NAME-C', 'Lamna Healthcare', null));
      await refused(reserveFr(w, await fifteen('NAME-D', 'Lamna  Healthcare', '8880-0001')), 'FIFTEEN_DAY_RULE');
    });
  });

  describe('staff act only on vouchers of a location they are a contact of (admins on any)', () => {
    it('cancel, schedule, complete, deliverables, redemption requests and claim are refused to staff of another location', async () => {
      const v = await newVoucher(w);
      await reserveFr(w, v);
      const sched = { voucherId: id(v), start: '2025-03-10', end: '2025-03-11', consultantAadObjectId: w.staffFr.aadObjectId };
      await refused(w.domain.vouchers.cancel(w.staffUs, { voucherId: id(v), reason: 'not mine' }), 'NOT_LOCATION_CONTACT');
      await refused(w.domain.vouchers.schedule(w.outsider, sched), 'NOT_LOCATION_CONTACT');
      assert.equal((await w.domain.vouchers.schedule(w.admin, sched)).voucher.state, 'scheduled');
      await refused(
        w.domain.deliverables.addLink(w.staffUs, { voucherId: id(v), name: 'x', url: 'https://contoso.sharepoint.com/x' }),
        'NOT_LOCATION_CONTACT',
      );
      w.clock.set('2025-03-12T09:00:00Z');
      const report = { voucherId: id(v), deliveredOn: '2025-03-11', summary: 's', attendees: ['a'], recommendations: 'r' };
      await refused(w.domain.vouchers.complete(w.staffUs, report), 'NOT_LOCATION_CONTACT');
      const done = await completedVoucher(w);
      await refused(w.domain.approvals.requestRedemption(w.staffUs, { voucherIds: [id(done)] }), 'NOT_LOCATION_CONTACT');
      const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(done)] });
      await w.domain.approvals.approve(w.manager, { approvalId: String(approval._id) });
      await refused(w.domain.vouchers.claim(w.staffUs, { voucherId: id(done), claimNumber: 'C-US' }), 'NOT_LOCATION_CONTACT');
      assert.equal((await w.domain.vouchers.claim(w.staffFr, { voucherId: id(done), claimNumber: 'C-FR' })).voucher.state, 'claimed');
    });
  });

  describe('the audit says why for every step', () => {
    it('every entry of a voucher taken from intake to paid has a reason', async () => {
      const v = await completedVoucher(w);
      const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(v)] });
      await w.domain.approvals.approve(w.manager, { approvalId: String(approval._id) });
      await w.domain.vouchers.claim(w.staffFr, { voucherId: id(v), claimNumber: 'CLM-WHY' });
      const { voucher } = await w.domain.vouchers.markPaid(w.staffFr, { voucherId: id(v), paidOn: '2025-03-15' });
      assert.equal(voucher.audit.length, 10);
      for (const a of voucher.audit) assert.ok(a.reason && a.reason.length > 5, `${a.event}: ${String(a.reason)}`);
      assert.match(voucher.audit.find((a) => a.event === 'claim')?.reason ?? '', /5 day\(s\) at 950 EUR \(FR\) = 4750 EUR/);
    });
  });

  it('the system actor may take vouchers in (Email channel)', async () => {
    const r = await w.domain.vouchers.intake(systemActor(w.admin.partnerId), {
      voucherNumber: 'SYS-1',
      assignedOn: '2025-03-01',
      source: { kind: 'email', messageId: 'm-sys' },
    });
    assert.equal(r.voucher.audit[0]?.by, 'system');
  });
});
