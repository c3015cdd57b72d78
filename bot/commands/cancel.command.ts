import { z } from 'zod';
import type { CancelReason } from '../../cards/verbs';
import { cancelReasonOf } from '../actions/voucher-cancel.action';
import { TYPED_CANCEL_REASONS } from '../i18n/cancel-reasons';
import { fold } from '../routing/normalise';
import type { Handler } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';
import { numberArg, voucherByNumber } from './lookup';

/** `cancel <number> <reason>` / `annuler`: a reason from the list (English code or French words), or free words. */
export const cancelArgs = () =>
  z.tuple([numberArg, z.string()], z.string()).transform(([number, ...words]) => {
    const reason = words[0] === undefined ? undefined : TYPED_CANCEL_REASONS.get(fold(words[0]));
    return { number, reason: reason ?? 'other', reasonText: reason ? words.slice(1).join(' ') || undefined : words.join(' ') };
  });

export const cancelVoucher: Handler<{ number: string; reason: CancelReason; reasonText: string | undefined }> = async (ctx, args) => {
  const v = await voucherByNumber(ctx, args.number);
  return voucherResultView(
    ctx,
    await ctx.domain.vouchers.cancel(ctx.actor, { voucherId: String(v._id), ...cancelReasonOf(args.reason, args.reasonText) }),
  );
};
