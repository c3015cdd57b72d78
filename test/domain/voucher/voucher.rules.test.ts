import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { addDays, addYears, parseIsoDay } from '../../../domain/calendar';
import type { Actor } from '../../../domain/person/person.model';
import { Refusal } from '../../../domain/refusal';
import { claimRule } from '../../../domain/voucher/payment.rules';
import { checkEnrollment } from '../../../domain/voucher/reserve.rules';
import { isAllowedStep, nextState, replayStates, TRANSITIONS, VOUCHER_STATES } from '../../../domain/voucher/voucher.machine';
import type { Voucher } from '../../../domain/voucher/voucher.model';
import { checkEvent, isExpired, ruleTime } from '../../../domain/voucher/voucher.rules';

/** Pure, table-driven: no database, no clock. */
const at = (d: string) => ruleTime(new Date(d));
const staff: Actor = {
  partnerId: new Types.ObjectId(),
  aadObjectId: 's',
  name: 'S',
  roles: ['staff'],
  locationIds: [],
  qualifications: [],
};
const voucher = (over: Partial<Voucher> = {}): Voucher =>
  ({
    _id: new Types.ObjectId(),
    partnerId: staff.partnerId,
    number: 'V1',
    program: 'AZDPS',
    days: 5,
    state: 'assigned',
    version: 1,
    pendingApprovalId: null,
    assignedOn: parseIsoDay('2025-03-01'),
    expiresOn: addDays(parseIsoDay('2025-03-01'), 180),
    engagementCountry: 'FR',
    audit: [],
    deliverables: [],
    ...over,
  }) as Voucher;

describe('domain/voucher rules (pure)', () => {
  describe('state machine', () => {
    const table: [string, string, string | null][] = [
      ['assigned', 'reserve', 'reserved'],
      ['reserved', 'reserve', null],
      ['reserved', 'cancel', 'assigned'],
      ['scheduled', 'cancel', 'assigned'],
      ['completed', 'cancel', null],
      ['reserved', 'schedule', 'scheduled'],
      ['scheduled', 'complete', 'completed'],
      ['reserved', 'complete', null],
      ['completed', 'redeem', 'redeemed'],
      ['scheduled', 'redeem', null],
      ['redeemed', 'claim', 'claimed'],
      ['claimed', 'pay', 'paid'],
      ['completed', 'expire', 'expired'],
      ['redeemed', 'expire', null],
      ['paid', 'expire', null],
      ['expired', 'reserve', null],
    ];
    for (const [from, event, to] of table) {
      it(`${from} --${event}--> ${to ?? 'refused'}`, () => {
        assert.equal(nextState(from as Voucher['state'], event as (typeof TRANSITIONS)[number]['event']), to);
      });
    }
    it('replays an audit trail and rejects a broken one', () => {
      assert.equal(
        replayStates([
          { from: null, to: 'assigned' },
          { from: 'assigned', to: 'reserved' },
          { from: 'reserved', to: 'assigned' },
        ]),
        'assigned',
      );
      assert.equal(
        replayStates([
          { from: null, to: 'assigned' },
          { from: 'assigned', to: 'redeemed' },
        ]),
        null,
      );
      assert.equal(
        replayStates([
          { from: null, to: 'assigned' },
          { from: 'reserved', to: 'scheduled' },
        ]),
        null,
      );
      assert.equal(isAllowedStep('paid', 'expired'), false);
      assert.ok(VOUCHER_STATES.every((s) => isAllowedStep(s, s)));
    });
  });

  describe('boundaries', () => {
    it('expiry: day 180 valid, day 181 expired', () => {
      const v = voucher();
      assert.equal(isExpired(v, at('2025-08-28T23:59:59Z').today), false);
      assert.equal(isExpired(v, at('2025-08-29T00:00:00Z').today), true);
      assert.equal(checkEvent(v, staff, 'reserve', at('2025-08-28T12:00:00Z')), null);
      assert.equal(checkEvent(v, staff, 'reserve', at('2025-08-29T00:00:00Z'))?.code, 'VOUCHER_EXPIRED');
      assert.equal(isExpired(voucher({ state: 'redeemed' }), at('2026-01-01').today), false);
    });
    it('claim: day 60 accepted, day 61 refused', () => {
      const v = voucher({ state: 'redeemed', redemption: { on: parseIsoDay('2025-03-15'), by: 'm', approvalId: new Types.ObjectId() } });
      const ok = claimRule(v, staff, 'C', at('2025-05-14T23:59:59Z'));
      assert.ok(!(ok instanceof Refusal));
      assert.deepEqual(ok.update.$set?.claim, {
        number: 'C',
        amount: 4750,
        currency: 'EUR',
        submittedOn: parseIsoDay('2025-05-14'),
        status: 'submitted',
        paidOn: null,
      });
      const late = claimRule(v, staff, 'C', at('2025-05-15T00:00:00Z'));
      assert.equal(late instanceof Refusal && late.code, 'CLAIM_WINDOW_CLOSED');
    });
    it('enrollment: current on its renew-by day, lapsed the day after; 29 February renews on 28 February', () => {
      const enrollment = { renewBy: addYears(parseIsoDay('2024-06-01'), 1) } as Parameters<typeof checkEnrollment>[1]['enrollment'];
      const eligibility = { status: 'active' } as Parameters<typeof checkEnrollment>[1]['eligibility'];
      assert.equal(checkEnrollment('AZDPS', { enrollment, eligibility }, at('2025-06-01T23:00:00Z')), null);
      assert.equal(checkEnrollment('AZDPS', { enrollment, eligibility }, at('2025-06-02T00:00:00Z'))?.code, 'ENROLLMENT_LAPSED');
      assert.equal(addYears(parseIsoDay('2024-02-29'), 1).toISOString().slice(0, 10), '2025-02-28');
    });
    it('a pending approval blocks conflicting transitions', () => {
      const v = voucher({ state: 'reserved', pendingApprovalId: new Types.ObjectId() });
      assert.equal(checkEvent(v, staff, 'cancel', at('2025-03-03'))?.code, 'APPROVAL_PENDING');
    });
    it('roles come from the transition table; a location step lets any person through to the contact check, never the system', () => {
      const manager = { ...staff, roles: ['manager' as const] };
      assert.equal(checkEvent(voucher(), manager, 'reserve', at('2025-03-03')), null);
      assert.equal(checkEvent(voucher(), manager, 'validate', at('2025-03-03'))?.code, 'NOT_PERMITTED');
      assert.equal(checkEvent(voucher(), { ...staff, roles: ['system' as const] }, 'reserve', at('2025-03-03'))?.code, 'NOT_PERMITTED');
      assert.equal(checkEvent(voucher({ state: 'completed' }), staff, 'redeem', at('2025-03-03'))?.code, 'NOT_PERMITTED');
    });
  });
});
