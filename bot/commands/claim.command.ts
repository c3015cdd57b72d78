import { z } from 'zod';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { voucherResultView } from '../views/voucher.view';
import { numberArg, voucherByNumber } from './lookup';

/** `claim <number> [claim number]` / `réclamer`: the claim form (deadline, amount), or the claim itself. */
export const claimArgs = () =>
  z.tuple([numberArg], z.string().max(64)).refine((a) => a.length <= 2).transform(([number, claimNumber]) => ({ number, claimNumber: claimNumber ?? null }));

export const claimVoucher: Handler<{ number: string; claimNumber: string | null }> = async (ctx, { number, claimNumber }) => {
  const v = await voucherByNumber(ctx, number);
  if (!claimNumber) return voucherFormView(ctx, 'claim', v);
  return voucherResultView(ctx, await ctx.domain.vouchers.claim(ctx.actor, { voucherId: String(v._id), claimNumber }));
};
