import { md, mdLines } from './escape';
import { fill, labelsFor, type CardContext, type Labels } from './locale';
import { CANCEL_REASONS, type VerbInput } from './verbs';
import type { VoucherView } from './voucher-facts';

/** The cancellation form (issue 8, step 4): a reason from the list, and text for "other". */
export interface CancelData {
  l: Labels;
  title: string;
  notice: string;
  reasons: { title: string; value: string }[];
  ref: VerbInput<'voucher.cancel-form'>;
}

export function toCancelData(v: Pick<VoucherView, '_id' | 'number' | 'state'>, ctx: CardContext, notice: string | null = null): CancelData {
  const l = labelsFor(ctx.locale);
  return {
    l,
    title: fill(l.cancel.title, { number: md(v.number, 64) }),
    notice: mdLines(notice, 800),
    reasons: CANCEL_REASONS.map((value) => ({ title: l.cancel.reason[value], value })),
    ref: { voucherId: String(v._id), expectedState: v.state },
  };
}
