import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';

/** `voucher.pay`: Mark paid (twin: `paid`). */
export const payVoucherAction: Handler<VerbData<'voucher.pay'>> = async (ctx, d) =>
  voucherResultView(
    ctx,
    await ctx.domain.vouchers.markPaid(ctx.actor, { voucherId: d.voucherId, expectedState: d.expectedState, paidOn: d.paidOn }),
  );
