import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';

/** The reason as recorded on the voucher's audit: the list's code, and the words when given. */
export function cancelReasonText(reason: string, words: string | undefined): string {
  return words ? `${reason}: ${words}` : reason;
}

/** `voucher.cancel`: Cancel reservation with a reason from the list (twin: `cancel`). */
export const cancelVoucherAction: Handler<VerbData<'voucher.cancel'>> = async (ctx, d) =>
  voucherResultView(ctx, await ctx.domain.vouchers.cancel(ctx.actor, { voucherId: d.voucherId, expectedState: d.expectedState, reason: cancelReasonText(d.reason, d.reasonText) }));
