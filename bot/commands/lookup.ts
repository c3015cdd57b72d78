import { z } from 'zod';
import type { Voucher } from '../../domain/domain';
import { parseUserDate } from '../routing/dates';
import type { HandlerContext } from '../routing/types';
import type { Locale } from '../i18n/messages';

/** The voucher a user names by number, in the acting person's partner (VOUCHER_NOT_FOUND otherwise). */
export const voucherByNumber = (ctx: HandlerContext, number: string): Promise<Voucher> => ctx.domain.vouchers.findByNumber(ctx.actor, number);

/** Argument pieces: a voucher number as typed, a date in the user's form. */
export const numberArg = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/);
export const dateArg = (locale: Locale) =>
  z.string().transform((s, ctx) => {
    const day = parseUserDate(s, locale);
    if (!day) ctx.addIssue({ code: 'custom', message: 'date expected' });
    return day ?? '';
  });
