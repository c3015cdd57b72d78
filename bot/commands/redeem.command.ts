import { z } from 'zod';
import type { Handler } from '../routing/types';
import { redemptionPickView, redemptionReviewView } from '../views/redemption.view';
import { numberArg, voucherByNumber } from './lookup';

/** `redeem [<number>...]` / `échanger`: without numbers the pick card, with numbers the review card. */
export const redeemArgs = () => z.array(numberArg).max(50).transform((numbers) => ({ numbers }));

export const redeemVouchers: Handler<{ numbers: string[] }> = async (ctx, { numbers }) => {
  if (numbers.length === 0) {
    const completed = await ctx.domain.queries.byState(ctx.actor, ['completed'], { limit: 50 });
    return redemptionPickView(ctx, completed.filter((v) => !v.pendingApprovalId));
  }
  const vouchers = await Promise.all(numbers.map((n) => voucherByNumber(ctx, n)));
  return redemptionReviewView(ctx, vouchers);
};
