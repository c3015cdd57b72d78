import { z } from 'zod';
import type { Locale } from '../i18n/messages';
import type { Handler } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';
import { dateArg, numberArg, voucherByNumber } from './lookup';

/** `paid <number> <date>` / `payé`: Microsoft paid the claim on that day. */
export const paidArgs = (locale: Locale) => z.tuple([numberArg, dateArg(locale)]).transform(([number, paidOn]) => ({ number, paidOn }));

export const markPaid: Handler<{ number: string; paidOn: string }> = async (ctx, { number, paidOn }) => {
  const v = await voucherByNumber(ctx, number);
  return voucherResultView(ctx, await ctx.domain.vouchers.markPaid(ctx.actor, { voucherId: String(v._id), paidOn }));
};
