import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';

/** `voucher.claim`: the payment request, within 60 days of redemption (twin: `claim`). */
export const claimVoucherAction: Handler<VerbData<'voucher.claim'>> = async (ctx, d) =>
  voucherResultView(
    ctx,
    await ctx.domain.vouchers.claim(ctx.actor, { voucherId: d.voucherId, expectedState: d.expectedState, claimNumber: d.claimNumber }),
  );
