import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';

/** The cancellation's reason as the domain takes it: the list's code, and the person's words when given. */
export function cancelReasonOf(
  reason: VerbData<'voucher.cancel'>['reason'],
  words: string | undefined,
): { reasonCode: typeof reason; reason: string | undefined } {
  return { reasonCode: reason, reason: words };
}

/** `voucher.cancel`: Cancel reservation with a reason from the list (twin: `cancel`). */
export const cancelVoucherAction: Handler<VerbData<'voucher.cancel'>> = async (ctx, d) =>
  voucherResultView(
    ctx,
    await ctx.domain.vouchers.cancel(ctx.actor, {
      voucherId: d.voucherId,
      expectedState: d.expectedState,
      ...cancelReasonOf(d.reason, d.reasonText),
    }),
  );
