import { z } from 'zod';
import { CANCEL_REASONS, type CancelReason } from '../../cards/verbs';
import { cancelReasonOf } from '../actions/voucher-cancel.action';
import type { Handler } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';
import { numberArg, voucherByNumber } from './lookup';

/** `cancel <number> <reason>` / `annuler`: a reason from the list, or free words. */
export const cancelArgs = () =>
  z.tuple([numberArg, z.string()], z.string()).transform(([number, ...words]) => {
    const reason = CANCEL_REASONS.find((r) => r === words[0]?.toLowerCase());
    return { number, reason: reason ?? 'other', reasonText: reason ? words.slice(1).join(' ') || undefined : words.join(' ') };
  });

export const cancelVoucher: Handler<{ number: string; reason: CancelReason; reasonText: string | undefined }> = async (ctx, args) => {
  const v = await voucherByNumber(ctx, args.number);
  return voucherResultView(ctx, await ctx.domain.vouchers.cancel(ctx.actor, { voucherId: String(v._id), ...cancelReasonOf(args.reason, args.reasonText) }));
};
