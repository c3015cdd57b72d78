import { z } from 'zod';
import type { Voucher } from '../../domain/domain';
import { refuse } from '../../domain/refusal';
import { parseUserDate } from '../routing/dates';
import type { HandlerContext } from '../routing/types';
import type { Locale } from '../i18n/messages';

/** The voucher a user names by number, in the acting person's partner; VOUCHER_NOT_FOUND otherwise. */
export async function voucherByNumber(ctx: HandlerContext, number: string): Promise<Voucher> {
  const v = await ctx.domain.queries.byNumber(ctx.actor.partnerId, number);
  if (!v) throw refuse('VOUCHER_NOT_FOUND', { voucher: number.toUpperCase() });
  return v;
}

/** Argument pieces: a voucher number as typed, a date in the user's form, free text. */
export const numberArg = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/);
export const dateArg = (locale: Locale) =>
  z.string().transform((s, ctx) => {
    const day = parseUserDate(s, locale);
    if (!day) ctx.addIssue({ code: 'custom', message: 'date expected' });
    return day ?? '';
  });
export const restText = (words: string[]): string | null => (words.length > 0 ? words.join(' ') : null);
