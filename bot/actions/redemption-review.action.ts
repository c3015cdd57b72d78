import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { redemptionReviewView } from '../views/redemption.view';

/** `redemption.review`: one review card listing each picked voucher with its facts (twin: `redeem <number>...`). */
export const reviewRedemptionAction: Handler<VerbData<'redemption.review'>> = async (ctx, d) =>
  redemptionReviewView(ctx, await Promise.all(d.voucherIds.map((id) => ctx.domain.vouchers.get(ctx.actor, id))));
