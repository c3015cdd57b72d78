import { z } from 'zod';
import { CANCEL_REASONS } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherView } from '../views/voucher.view';
import { numberArg, voucherByNumber } from './lookup';
import { cancelReasonText } from '../actions/voucher-cancel.action';

/** `cancel <number> <reason>` / `annuler`: a reason from the list, or free words. */
export const cancelArgs = () =>
  z.tuple([numberArg, z.string()], z.string()).transform(([number, ...words]) => {
    const reason = CANCEL_REASONS.find((r) => r === words[0]?.toLowerCase());
    return { number, reason: reason ?? 'other', reasonText: reason ? words.slice(1).join(' ') || undefined : words.join(' ') };
  });

export const cancelVoucher: Handler<{ number: string; reason: (typeof CANCEL_REASONS)[number]; reasonText: string | undefined }> = async (ctx, args) => {
  const v = await voucherByNumber(ctx, args.number);
  const cancelled = await ctx.domain.vouchers.cancel(ctx.actor, { voucherId: String(v._id), reason: cancelReasonText(args.reason, args.reasonText) });
  return voucherView(ctx, cancelled, null);
};
