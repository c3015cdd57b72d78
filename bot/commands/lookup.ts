import { z } from 'zod';
import type { Voucher } from '../../domain/domain';
import { parseUserDate } from '../routing/dates';
import { fold } from '../routing/normalise';
import type { HandlerContext } from '../routing/types';
import type { Locale } from '../i18n/messages';

/** The voucher a user names by number, in the acting person's partner (VOUCHER_NOT_FOUND otherwise). */
export const voucherByNumber = (ctx: HandlerContext, number: string): Promise<Voucher> =>
  ctx.domain.vouchers.findByNumber(ctx.actor, number);

/**
 * Argument pieces: a voucher number as typed (a number typed in pieces arrives joined by a space,
 * bot/routing/numbers.ts; the domain reads it whatever its case and separators), a date in the user's form.
 */
export const numberArg = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,63}$/);
export const dateArg = (locale: Locale) =>
  z.string().transform((s, ctx) => {
    const day = parseUserDate(s, locale);
    if (!day) ctx.addIssue({ code: 'custom', message: 'date expected' });
    return day ?? '';
  });

/**
 * For schemas that read their words themselves: the word at `word` could not be read as the
 * usage line's placeholder at `placeholder` (or, without `word`, that placeholder is missing).
 * bot/routing/usage.ts turns it into the answer.
 */
export function wordIssue(ctx: z.RefinementCtx, placeholder: number, word?: number): void {
  ctx.addIssue({
    code: 'custom',
    message: word === undefined ? 'missing' : 'unreadable',
    params: word === undefined ? { placeholder } : { placeholder, word },
  });
}

/** Reads words in order, leaving out the connecting ones ("from", "to", "du", "au", "le", "on"...). */
export function wordReader(words: readonly string[]) {
  let i = 0;
  const skipped = (skip: ReadonlySet<string>) => skip.has(fold(words[i] ?? '').replace(/[,;:]+$/u, ''));
  return {
    /** The next word that is not one of `skip`, with its position; null at the end. */
    next(skip: ReadonlySet<string>): { word: string; at: number } | null {
      while (i < words.length && skipped(skip)) i += 1;
      if (i >= words.length) return null;
      const at = i;
      i += 1;
      return { word: (words[at] ?? '').replace(/[,;]+$/u, ''), at };
    },
    /** The words not read yet, without the leading `skip` ones. */
    rest(skip: ReadonlySet<string>): string[] {
      while (i < words.length && skipped(skip)) i += 1;
      return words.slice(i);
    },
  };
}

export const wordSet = (words: readonly string[]): ReadonlySet<string> => new Set(words.map(fold));
