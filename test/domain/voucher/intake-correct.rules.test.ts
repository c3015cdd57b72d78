import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { addDays, isoDay, parseIsoDay } from '../../../domain/calendar';
import type { Actor } from '../../../domain/person/person.model';
import { Refusal } from '../../../domain/refusal';
import { correctRule, type Correction } from '../../../domain/voucher/correct.rules';
import { validateRule } from '../../../domain/voucher/delivery.rules';
import { checkIntakeDates, mergePlan, newVoucher, type IntakeFacts } from '../../../domain/voucher/intake.rules';
import { fifteenDayKey } from '../../../domain/voucher/reserve.rules';
import type { Voucher } from '../../../domain/voucher/voucher.model';
import { ruleTime } from '../../../domain/voucher/voucher.rules';

/** Pure, table-driven: the intake's dates, the 180-day cap on merge, corrections, validation, the 15-day key. */
const t = ruleTime(new Date('2025-03-03T10:00:00Z'));
const partnerId = new Types.ObjectId();
const person = (roles: Actor['roles'], id = 'p1'): Actor => ({
  partnerId,
  aadObjectId: id,
  name: id,
  roles,
  locationIds: ['FR-PAR'],
  qualifications: [],
});
const staff = person(['staff'], 'staff-1');
const d = (s: string | null) => (s ? parseIsoDay(s) : null);
const facts = (over: Partial<Record<keyof IntakeFacts, unknown>> = {}): IntakeFacts =>
  ({
    voucherNumber: 'PS-1',
    program: 'AZDPS',
    days: 5,
    customerName: 'Contoso',
    agreementNumber: '12345678',
    voucherAdminEmail: 'it@c.test',
    assignedOn: null,
    expiresOn: null,
    source: { kind: 'email', messageId: 'm', senderEmail: null },
    ...over,
  }) as IntakeFacts;
const code = (r: unknown) => (r instanceof Refusal ? r.code : 'ok');

describe('intake, correction and validation rules (pure)', () => {
  describe('dates a voucher can have (today 2025-03-03)', () => {
    const table: [string, string | null, string | null, string][] = [
      ['assigned today, no printed expiry', '2025-03-03', null, 'ok'],
      ['assigned tomorrow (already today east of UTC)', '2025-03-04', null, 'ok'],
      ['assigned in two days', '2025-03-05', null, 'ASSIGNED_IN_FUTURE'],
      ['expiry before assignment', '2025-03-01', '2025-02-28', 'EXPIRY_BEFORE_ASSIGNMENT'],
      ['printed expiry only, tomorrow + 180', null, '2025-08-31', 'ok'],
      ['printed expiry only, tomorrow + 181', null, '2025-09-01', 'EXPIRY_TOO_LATE'],
      ['printed 9999-12-31 with no assignment', null, '9999-12-31', 'EXPIRY_TOO_LATE'],
      ['printed far expiry with an assignment (capped, not refused)', '2025-03-01', '2027-01-01', 'ok'],
    ];
    for (const [name, assignedOn, expiresOn, expected] of table) {
      it(`${name}: ${expected}`, () =>
        assert.equal(code(checkIntakeDates('PS-1', { assignedOn: d(assignedOn), expiresOn: d(expiresOn) }, t)), expected));
    }
  });

  describe('the 180-day cap is recomputed on every merge', () => {
    const first = newVoucher(facts({ expiresOn: d('2025-08-30') }), parseIsoDay('2025-08-30'), staff, t);
    it('a later intake bringing the assignment date shortens a later printed expiry', () => {
      const plan = mergePlan(first, facts({ assignedOn: d('2025-01-10') }), staff, t);
      assert.ok(!(plan instanceof Refusal));
      assert.equal(isoDay(plan.update.$set?.expiresOn as Date), '2025-07-09');
      assert.equal(isoDay(plan.expiryShortenedTo as Date), '2025-07-09');
      assert.match(plan.audit.reason ?? '', /expiry brought forward to 2025-07-09/);
    });
    it('an assignment date that keeps the printed expiry within 180 days changes nothing', () => {
      const plan = mergePlan(first, facts({ assignedOn: d('2025-03-03') }), staff, t);
      assert.ok(!(plan instanceof Refusal));
      assert.equal(plan.update.$set?.expiresOn, undefined);
    });
    it('never lengthens: a later printed expiry is a conflict, the recorded one stays', () => {
      const plan = mergePlan(first, facts({ expiresOn: d('2025-08-29') }), staff, t);
      assert.ok(!(plan instanceof Refusal));
      assert.deepEqual(plan.conflicts, ['expiresOn']);
      assert.equal(plan.update.$set?.expiresOn, undefined);
    });
    it('a merge that brings an assignment after the recorded expiry is refused', () => {
      assert.equal(
        code(mergePlan(first, facts({ assignedOn: d('2025-03-03'), expiresOn: null }), staff, ruleTime(new Date('2025-03-03T10:00:00Z')))),
        'ok',
      );
      const v = newVoucher(facts(), parseIsoDay('2025-03-02'), staff, t);
      const bad = mergePlan({ ...v, printedExpiresOn: d('2025-03-02') }, facts({ assignedOn: d('2025-03-03') }), staff, t);
      assert.equal(code(bad), 'EXPIRY_BEFORE_ASSIGNMENT');
    });
  });

  describe('correct', () => {
    const base = (over: Partial<Voucher> = {}): Voucher => ({
      ...newVoucher(facts({ assignedOn: d('2025-03-01') }), addDays(parseIsoDay('2025-03-01'), 180), staff, t),
      ...over,
    });
    const reservedBy = (by: string, days = 5): Partial<Voucher> => ({
      state: 'reserved',
      days,
      locationId: 'FR-PAR',
      reservation: { on: t.today, by, termsAcceptedOn: t.now, fifteenDayException: null },
    });
    const table: [string, Actor, Partial<Voucher>, Correction, string][] = [
      ['admin, assigned, days', person(['admin']), {}, { days: 10 }, 'ok'],
      ['staff who took it in, assigned, program', staff, {}, { program: 'SDPS' }, 'ok'],
      ['another staff member, assigned', person(['staff'], 'other'), {}, { days: 10 }, 'CORRECTION_NOT_PERMITTED'],
      ['manager', person(['manager']), {}, { days: 10 }, 'NOT_PERMITTED'],
      ['the reserving staff, reserved, email', person(['staff'], 'res'), reservedBy('res'), { voucherAdminEmail: 'new@c.test' }, 'ok'],
      [
        'the reserving staff, reserved, customer of a 5-day voucher',
        person(['staff'], 'res'),
        reservedBy('res'),
        { customerName: 'Contoso SA' },
        'ok',
      ],
      ['the reserving staff, reserved, days', person(['staff'], 'res'), reservedBy('res'), { days: 15 }, 'CORRECTION_NEEDS_CANCELLATION'],
      [
        'admin, reserved, customer of a 15-day voucher',
        person(['admin']),
        reservedBy('res', 15),
        { agreementNumber: '999' },
        'CORRECTION_NEEDS_CANCELLATION',
      ],
      [
        'the staff who took it in, but someone else reserved it',
        staff,
        reservedBy('res'),
        { voucherAdminEmail: 'new@c.test' },
        'CORRECTION_NOT_PERMITTED',
      ],
      ['admin, completed', person(['admin']), { state: 'completed' }, { days: 3 }, 'CORRECTION_TOO_LATE'],
      ['admin, paid', person(['admin']), { state: 'paid' }, { days: 3 }, 'CORRECTION_TOO_LATE'],
      ['admin, the same values', person(['admin']), {}, { days: 5, program: 'AZDPS' }, 'NOTHING_TO_CORRECT'],
      ['admin, pending approval', person(['admin']), { pendingApprovalId: new Types.ObjectId() }, { days: 10 }, 'APPROVAL_PENDING'],
    ];
    for (const [name, actor, over, c, expected] of table) {
      it(`${name}: ${expected}`, () => assert.equal(code(correctRule(base(over), actor, c, t)), expected));
    }
    it('audits the old and the new value of each field, and asks for validation again after an email change', () => {
      const v = base({ validated: { on: t.now, by: 'staff-1', email: 'it@c.test' } });
      const plan = correctRule(v, person(['admin']), { days: 10, voucherAdminEmail: 'new@c.test' }, t);
      assert.ok(!(plan instanceof Refusal));
      assert.deepEqual(plan.audit.changes, [
        { field: 'days', from: '5', to: '10' },
        { field: 'voucherAdminEmail', from: 'it@c.test', to: 'new@c.test' },
      ]);
      assert.equal(plan.update.$set?.validated, null);
      assert.match(plan.audit.reason ?? '', /days: 5 -> 10/);
    });
  });

  describe('validate', () => {
    const v = (email: string | null) =>
      newVoucher(facts({ voucherAdminEmail: email, assignedOn: d('2025-03-01') }), parseIsoDay('2025-08-28'), staff, t);
    it('asks for the administrator email when none is on record, instead of accepting any', () => {
      assert.equal(code(validateRule(v(null), staff, 'anyone@anywhere.test', t)), 'VOUCHER_ADMIN_EMAIL_MISSING');
      assert.equal(code(validateRule(v('it@c.test'), staff, 'other@c.test', t)), 'VOUCHER_ADMIN_MISMATCH');
    });
    it('records the email used', () => {
      const plan = validateRule(v('it@c.test'), staff, 'it@c.test', t);
      assert.ok(!(plan instanceof Refusal));
      assert.deepEqual(plan.update.$set?.validated, { on: t.now, by: 'staff-1', email: 'it@c.test' });
      assert.match(plan.audit.reason ?? '', /it@c\.test/);
    });
  });

  describe('the 15-day customer key', () => {
    const key = (agreementNumber: string | null, customerName: string | null) =>
      fifteenDayKey(partnerId, 'AZDPS', { agreementNumber, customerName });
    it('is the agreement number when known, whatever the name', () => {
      assert.equal(key('1234-5678', 'Contoso'), key('12345678', 'Contoso Pharma SA'));
      assert.notEqual(key('12345678', 'Contoso'), key('87654321', 'Contoso'));
    });
    it('is the normalised name otherwise', () => {
      assert.equal(key(null, 'Contoso  Pharma'), key(null, 'CONTOSO pharma'));
      assert.notEqual(key(null, 'Contoso'), key('12345678', 'Contoso'));
    });
  });
});
