import { daysBetween, isoDay } from '../calendar';
import { refuse } from '../refusal';
import type { Actor } from '../person/person.model';
import { dayRateFor } from '../program/program.catalog';
import { auditFacts } from './audit-facts';
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
  // No day rate on file for the country: the claim is still created in time (a refusal here would let the
  // 60-day window close and the payment be lost); its amount is left unknown, to be confirmed by Microsoft.
  const quote = claimQuote(v, t.today);
  const amount = quote?.amount ?? null;
  const currency = quote?.currency ?? null;
  const claim = { number: claimNumber, amount, currency, submittedOn: t.today, status: 'submitted', paidOn: null };
  const country = v.engagementCountry ?? '';
  const worth =
    amount === null
      ? `no day rate on file for ${country}, amount to be confirmed`
      : `at ${quote?.dayRate ?? ''} ${currency ?? ''} (${country}) = ${amount} ${currency ?? ''}`;
  const reason = `claim ${claimNumber}: ${v.days ?? 0} day(s) ${worth}`;
  const facts = auditFacts('CLAIMED', { claimNumber, days: v.days ?? 0, dayRate: quote?.dayRate ?? null, currency, amount, country });
  return planFor(v, actor, 'claim', t, { set: { claim }, reason, facts });
}

/**
 * What a claim of the voucher is worth and by when it must be created (DOMAIN.md, Engagement and
 * payment facts: Microsoft pays the day rate of the country where the engagement was delivered).
 * The rate card (programs.json) may lack the country: the amount is then unknown (null), never guessed.
 */
export interface ClaimQuote {
  days: number;
  /** The country's day rate, or null when the catalog has none for it. */
  dayRate: number | null;
  currency: string | null;
  /** days x day rate; null without a day rate. */
  amount: number | null;
  /** The last day a claim may be created (redemption + 60 days); null before redemption. */
  deadline: Date | null;
  /** Whole days left until the deadline (0 on the deadline day, negative after it). */
  daysLeft: number | null;
}

/** The amount at the day rate of the engagement country (null without one), and the 60-day deadline once redeemed; null without days. */
export function claimQuote(v: Pick<Voucher, 'days' | 'engagementCountry' | 'redemption'>, today: Date): ClaimQuote | null {
  if (v.days === null) return null;
  const rate = dayRateFor(v.engagementCountry ?? '') ?? null;
  const deadline = v.redemption ? claimDeadline(v.redemption.on) : null;
  const daysLeft = deadline ? daysBetween(today, deadline) : null;
  return {
    days: v.days,
    dayRate: rate?.amount ?? null,
    currency: rate?.currency ?? null,
    amount: rate ? rate.amount * v.days : null,
    deadline,
    daysLeft,
  };
}

/** A day rate is on file for the engagement country (so a claim's amount can be computed). */
export const hasDayRate = (country: string): boolean => dayRateFor(country) !== undefined;

/** Records Microsoft's payment of a claim; the payment date is not before the claim nor in the future. */
export function payRule(v: Voucher, actor: Actor, paidOn: Date, t: RuleTime): RuleResult {
  const refused = checkEvent(v, actor, 'pay', t);
  if (refused) return refused;
  const submittedOn = v.claim?.submittedOn ?? t.today;
  if (paidOn.getTime() < submittedOn.getTime())
    return refuse('PAID_BEFORE_CLAIM', { paidOn: isoDay(paidOn), submittedOn: isoDay(submittedOn) });
  if (paidOn.getTime() > t.today.getTime()) return refuse('PAID_IN_FUTURE', { paidOn: isoDay(paidOn) });
  const facts = auditFacts('PAID', { claimNumber: v.claim?.number ?? '', paidOn: isoDay(paidOn) });
  return planFor(v, actor, 'pay', t, {
    set: { 'claim.status': 'paid', 'claim.paidOn': paidOn },
    reason: `claim ${v.claim?.number ?? ''} paid on ${isoDay(paidOn)}`,
    facts,
  });
}
