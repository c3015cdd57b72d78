import { isoDay } from '../calendar';
import { refuse } from '../refusal';
import type { Actor } from '../person/person.model';
import { dayRateFor } from '../program/program.catalog';
import type { Voucher } from './voucher.model';
import { checkEvent, claimDeadline, planFor, type RuleResult, type RuleTime } from './voucher.rules';

/**
 * Claim (DOMAIN.md, step 7): within 60 days of redemption (day 60 accepted, day 61 refused);
 * the amount is the days times the day rate of the engagement country.
 */
export function claimRule(v: Voucher, actor: Actor, claimNumber: string, t: RuleTime): RuleResult {
  const refused = checkEvent(v, actor, 'claim', t);
  if (refused) return refused;
  const redeemedOn = v.redemption?.on;
  if (!redeemedOn) return refuse('VOUCHER_WRONG_STATE', { number: v.number, state: v.state, action: 'claim' });
  const deadline = claimDeadline(redeemedOn);
  if (t.today.getTime() > deadline.getTime()) {
    return refuse('CLAIM_WINDOW_CLOSED', { number: v.number, redeemedOn: isoDay(redeemedOn), deadline: isoDay(deadline) });
  }
  const country = v.engagementCountry ?? '';
  const rate = dayRateFor(country);
  if (!rate) return refuse('DAY_RATE_UNKNOWN', { country });
  const claim = { number: claimNumber, amount: rate.amount * (v.days ?? 0), currency: rate.currency, submittedOn: t.today, status: 'submitted', paidOn: null };
  return planFor(v, actor, 'claim', t, { set: { claim }, reason: claimNumber });
}

/** Records Microsoft's payment of a claim; the payment date is not before the claim nor in the future. */
export function payRule(v: Voucher, actor: Actor, paidOn: Date, t: RuleTime): RuleResult {
  const refused = checkEvent(v, actor, 'pay', t);
  if (refused) return refused;
  const submittedOn = v.claim?.submittedOn ?? t.today;
  if (paidOn.getTime() < submittedOn.getTime()) return refuse('PAID_BEFORE_CLAIM', { paidOn: isoDay(paidOn), submittedOn: isoDay(submittedOn) });
  if (paidOn.getTime() > t.today.getTime()) return refuse('PAID_IN_FUTURE', { paidOn: isoDay(paidOn) });
  return planFor(v, actor, 'pay', t, { set: { 'claim.status': 'paid', 'claim.paidOn': paidOn } });
}
