import { z } from 'zod';
import type { Locale } from '../i18n/messages';
import { parseUserDate } from '../routing/dates';
import type { Handler } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';
import { numberArg, voucherByNumber, wordIssue, wordReader, wordSet } from './lookup';

const BEFORE_DATE = wordSet(['on', 'the', 'le', 'paid', 'payé', 'date', 'du']);

/** `paid <number> <date>` / `payé`: Microsoft paid the claim on that day ("on"/"le" before the date are read too). */
export const paidArgs = (locale: Locale) =>
  z.tuple([numberArg], z.string()).transform(([number, ...words], ctx) => {
    const w = wordReader(words).next(BEFORE_DATE);
    const paidOn = w ? parseUserDate(w.word, locale) : null;
    if (!paidOn) wordIssue(ctx, 1, w ? w.at + 1 : undefined);
    return { number, paidOn: paidOn ?? '' };
  });

export const markPaid: Handler<{ number: string; paidOn: string }> = async (ctx, { number, paidOn }) => {
  const v = await voucherByNumber(ctx, number);
  return voucherResultView(ctx, await ctx.domain.vouchers.markPaid(ctx.actor, { voucherId: String(v._id), paidOn }));
};
