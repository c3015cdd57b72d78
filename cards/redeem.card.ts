import { md, plain } from './escape';
import { fill, formatDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import { daysText, programLabel, type Fact, type ProgramName, type VoucherRowView, type VoucherView } from './voucher-facts';

/**
 * Redemption (issue 8, step 7; DOMAIN.md step 6): pick completed vouchers with checkboxes, then
 * review each one's facts before "Yes, redeem" asks the manager's approval.
 */
export interface RedeemPickData {
  l: Labels;
  empty: boolean;
  choices: { title: string; value: string }[];
}

export interface RedeemReviewData {
  l: Labels;
  intro: string;
  vouchers: { heading: string; facts: Fact[] }[];
  confirm: VerbInput<'redemption.confirm'>;
}

/** The completed vouchers this person may redeem (the domain's query), at most 50. */
export function toRedeemPickData(vouchers: readonly VoucherRowView[], ctx: CardContext): RedeemPickData {
  const l = labelsFor(ctx.locale);
  return {
    l,
    empty: vouchers.length === 0,
    choices: vouchers.slice(0, 50).map((v) => ({
      title: plain(`${v.number} · ${v.customerName ?? l.common.unknown} · ${v.program ?? '?'} · ${daysText(v.days, l)}`, 160),
      value: String(v._id),
    })),
  };
}

function reviewFacts(v: VoucherView, programs: readonly ProgramName[], l: Labels, ctx: CardContext): Fact[] {
  const f = l.field;
  return [
    { title: f.program, value: programLabel(v.program, programs, ctx.locale, l) },
    { title: f.days, value: daysText(v.days, l) },
    { title: f.location, value: md(v.locationId, 64, l.common.none) },
    { title: f.engagement, value: v.schedule ? fill(l.common.to, { start: formatDay(v.schedule.start, ctx.locale), end: formatDay(v.schedule.end, ctx.locale) }) : l.common.none },
    { title: f.deliveredOn, value: v.completion ? formatDay(v.completion.deliveredOn, ctx.locale) : l.common.none },
    { title: l.details.deliverables, value: fill(l.redeem.deliverablesCount, { count: v.deliverables.length }) },
    { title: f.expiresOn, value: formatDay(v.expiresOn, ctx.locale) },
  ];
}

export function toRedeemReviewData(vouchers: readonly VoucherView[], programs: readonly ProgramName[], ctx: CardContext): RedeemReviewData {
  const l = labelsFor(ctx.locale);
  const shown = vouchers.slice(0, 20);
  return {
    l,
    intro: fill(l.redeem.reviewIntro, { count: shown.length }),
    vouchers: shown.map((v) => ({ heading: `${md(v.number, 64)} · ${md(v.customerName, 120, l.common.unknown)}`, facts: reviewFacts(v, programs, l, ctx) })),
    confirm: { voucherIds: shown.map((v) => String(v._id)) },
  };
}
