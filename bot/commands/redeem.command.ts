import { z } from 'zod';
import type { Handler } from '../routing/types';
import { labelsFor } from '../../cards/locale';
import { messages } from '../i18n/messages';
import { redemptionPickView, redemptionReviewView } from '../views/redemption.view';
import { voucherView } from '../views/voucher.view';
import { numberArg, voucherByNumber } from './lookup';

/** `redeem [<number>...]` / `échanger`: without numbers the pick card, with numbers the review card. */
export const redeemArgs = () =>
  z
    .array(numberArg)
    .max(50)
    .transform((numbers) => ({ numbers }));

export const redeemVouchers: Handler<{ numbers: string[] }> = async (ctx, { numbers }) => {
  if (numbers.length === 0) {
    const completed = await ctx.domain.queries.byState(ctx.actor, ['completed'], { limit: 50 });
    return redemptionPickView(
      ctx,
      completed.filter((v) => !v.pendingApprovalId),
    );
  }
  const vouchers = await Promise.all(numbers.map((n) => voucherByNumber(ctx, n)));
  // The review ends in "Yes, redeem": a voucher the domain would refuse is named now, on its own card.
  for (const v of vouchers) {
    const { actions } = await ctx.domain.queries.details(ctx.actor, String(v._id));
    if (!actions.includes('requestRedemption'))
      return voucherView(ctx, String(v._id), [
        messages[ctx.locale].notNow(ctx.locale === 'fr' ? 'échanger' : 'redeem', v.number, labelsFor(ctx.locale).state[v.state]),
      ]);
  }
  return redemptionReviewView(ctx, vouchers);
};
