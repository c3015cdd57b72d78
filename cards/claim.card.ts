import { md, mdLines } from './escape';
import { daysUntil, fill, formatAmount, formatDay, isoDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import { daysText, type Fact, type VoucherView } from './voucher-facts';

/**
 * The claim card (issue 8, step 8): for a redeemed voucher, the 60-day deadline and the amount at
 * the country's day rate, with the claim number to record; for a claimed one, the payment date.
 */
export interface ClaimData {
  l: Labels;
  title: string;
  notice: string;
  facts: Fact[];
  deadlineLine: string;
  late: boolean;
  mode: 'claim' | 'pay';
  today: string;
  ref: VerbInput<'voucher.claim-form'>;
}

export interface ClaimContext {
  /** The last day to claim, from the domain's rule (60 days after redemption). */
  deadline: Date | null;
  /** The day rate of the engagement country, when the catalog has one. */
  dayRate: { amount: number; currency: string } | null;
  notice?: string | null;
}

function amountLine(v: Pick<VoucherView, 'days' | 'engagementCountry' | 'claim'>, c: ClaimContext, l: Labels, ctx: CardContext): string {
  // A claim made with no day rate on file has no amount: it is to be confirmed, never shown as 0.
  if (v.claim && v.claim.amount !== null && v.claim.currency !== null) return formatAmount(v.claim.amount, v.claim.currency, ctx.locale);
  if (v.claim) return fill(l.claim.amountToConfirm, { country: md(v.engagementCountry, 8, '?') });
  if (!c.dayRate || v.days === null) return fill(l.claim.noRate, { country: md(v.engagementCountry, 8, '?') });
  const rate = formatAmount(c.dayRate.amount, c.dayRate.currency, ctx.locale);
  return fill(l.claim.amount, {
    days: daysText(v.days, l),
    rate,
    amount: formatAmount(c.dayRate.amount * v.days, c.dayRate.currency, ctx.locale),
  });
}

export function toClaimData(
  v: Pick<VoucherView, '_id' | 'number' | 'state' | 'days' | 'engagementCountry' | 'redemption' | 'claim'>,
  c: ClaimContext,
  ctx: CardContext,
): ClaimData {
  const l = labelsFor(ctx.locale);
  const mode = v.state === 'claimed' ? 'pay' : 'claim';
  const left = c.deadline ? daysUntil(c.deadline, ctx.now) : null;
  const deadline = c.deadline ? formatDay(c.deadline, ctx.locale) : l.common.unknown;
  const facts: Fact[] = [
    { title: l.field.redeemedOn, value: v.redemption ? formatDay(v.redemption.on, ctx.locale) : l.common.none },
    { title: l.field.amount, value: amountLine(v, c, l, ctx) },
  ];
  if (v.claim)
    facts.push({
      title: l.field.claim,
      value: fill(l.claim.submitted, { number: md(v.claim.number, 64), on: formatDay(v.claim.submittedOn, ctx.locale) }),
    });
  return {
    l,
    title: fill(mode === 'pay' ? l.claim.payTitle : l.claim.title, { number: md(v.number, 64) }),
    notice: mdLines(c.notice, 800),
    facts,
    deadlineLine:
      left !== null && left < 0 ? fill(l.claim.deadlinePassed, { deadline }) : fill(l.claim.deadline, { deadline, days: left ?? '?' }),
    late: left !== null && left < 0,
    mode,
    today: isoDay(ctx.now),
    ref: { voucherId: String(v._id), expectedState: v.state },
  };
}
