import { md, plain } from './escape';
import { fill, fillCount, formatDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import { daysText, type VoucherRowView, type VoucherView } from './voucher-facts';

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
  onlyFirst: string;
  vouchers: { heading: string; line: string }[];
  confirm: VerbInput<'redemption.confirm'>;
}

/** The completed vouchers this person may redeem (the domain's query), at most 50. */
export function toRedeemPickData(vouchers: readonly VoucherRowView[], ctx: CardContext): RedeemPickData {
  const l = labelsFor(ctx.locale);
  return {
    l,
    empty: vouchers.length === 0,
    choices: vouchers.slice(0, MAX_REVIEWED).map((v) => ({
      title: plain(`${v.number} · ${v.customerName ?? l.common.unknown} · ${v.program ?? '?'} · ${daysText(v.days, l)}`, 160),
      value: String(v._id),
    })),
  };
}

/** At most this many vouchers are reviewed and redeemed at once, so the review card stays small. */
export const MAX_REVIEWED = 20;

function reviewLine(v: VoucherView, l: Labels, ctx: CardContext): string {
  return fill(l.redeem.reviewLine, {
    program: md(v.program, 16, l.common.unknown),
    days: daysText(v.days, l),
    delivered: v.completion ? formatDay(v.completion.deliveredOn, ctx.locale) : l.common.none,
    deliverables: fillCount(l.redeem.deliverablesCount, v.deliverables.length, ctx.locale),
    expires: formatDay(v.expiresOn, ctx.locale),
  });
}

export function toRedeemReviewData(vouchers: readonly VoucherView[], ctx: CardContext): RedeemReviewData {
  const l = labelsFor(ctx.locale);
  const shown = vouchers.slice(0, MAX_REVIEWED);
  return {
    l,
    intro: fillCount(l.redeem.reviewIntro, shown.length, ctx.locale),
    onlyFirst: vouchers.length > MAX_REVIEWED ? fill(l.redeem.onlyFirst, { count: MAX_REVIEWED }) : '',
    vouchers: shown.map((v) => ({
      heading: `${md(v.number, 64)} · ${md(v.customerName, 80, l.common.unknown)}`,
      line: reviewLine(v, l, ctx),
    })),
    confirm: { voucherIds: shown.map((v) => String(v._id)) },
  };
}
