import { z } from 'zod';
import { consultantNamed } from '../actions/voucher-schedule.action';
import type { Locale } from '../i18n/messages';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { voucherResultView } from '../views/voucher.view';
import { dateArg, numberArg, voucherByNumber } from './lookup';

/** `schedule <number> [<start> <end> [consultant]]` / `planifier`; without dates, the form. */
export const scheduleArgs = (locale: Locale) =>
  z.union([
    z.tuple([numberArg]).transform(([number]) => ({ number, dates: null })),
    z.tuple([numberArg, dateArg(locale), dateArg(locale)], z.string()).transform(([number, start, end, ...consultant]) => ({
      number,
      dates: { start, end, consultant: consultant.join(' ') || null },
    })),
  ]);

type Args = { number: string; dates: { start: string; end: string; consultant: string | null } | null };

export const scheduleVoucher: Handler<Args> = async (ctx, { number, dates }) => {
  const v = await voucherByNumber(ctx, number);
  if (!dates) return voucherFormView(ctx, 'schedule', v);
  const consultantAadObjectId = await consultantNamed(ctx, dates.consultant);
  return voucherResultView(ctx, await ctx.domain.vouchers.schedule(ctx.actor, { voucherId: String(v._id), start: dates.start, end: dates.end, consultantAadObjectId }));
};
