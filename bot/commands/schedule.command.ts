import { z } from 'zod';
import { consultantNamed } from '../actions/voucher-schedule.action';
import type { Locale } from '../i18n/messages';
import { parseUserDate } from '../routing/dates';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { voucherResultView } from '../views/voucher.view';
import { numberArg, voucherByNumber, wordIssue, wordReader, wordSet } from './lookup';

/** Words around the dates and the consultant that say nothing ("from … to … with …", "du … au … avec …"). */
const BEFORE_START = wordSet(['from', 'on', 'starting', 'start', 'du', 'le', 'de', 'début']);
const BEFORE_END = wordSet([
  'to',
  'until',
  'till',
  'through',
  'thru',
  'and',
  '-',
  '–',
  '—',
  'au',
  'à',
  'a',
  'et',
  'jusqu’au',
  "jusqu'au",
  'end',
  'fin',
  'le',
]);
const BEFORE_CONSULTANT = wordSet(['with', 'by', 'consultant', 'avec', 'par', 'led', 'mené', ':']);

type Args = { number: string; dates: { start: string; end: string; consultant: string | null } | null };

/** `schedule <number> [<start> <end> [consultant]]` / `planifier`; without dates, the form. */
export const scheduleArgs = (locale: Locale) =>
  z.tuple([numberArg], z.string()).transform(([number, ...words], ctx): Args => {
    if (words.length === 0) return { number, dates: null };
    const read = wordReader(words);
    const day = (placeholder: number, skip: ReadonlySet<string>): string | null => {
      const w = read.next(skip);
      const parsed = w ? parseUserDate(w.word, locale) : null;
      if (!parsed) wordIssue(ctx, placeholder, w ? w.at + 1 : undefined);
      return parsed;
    };
    const start = day(1, BEFORE_START);
    const end = start ? day(2, BEFORE_END) : null;
    if (!start || !end) return { number, dates: null };
    return { number, dates: { start, end, consultant: read.rest(BEFORE_CONSULTANT).join(' ') || null } };
  });

export const scheduleVoucher: Handler<Args> = async (ctx, { number, dates }) => {
  const v = await voucherByNumber(ctx, number);
  if (!dates) return voucherFormView(ctx, 'schedule', v);
  const consultantAadObjectId = await consultantNamed(ctx, dates.consultant);
  return voucherResultView(
    ctx,
    await ctx.domain.vouchers.schedule(ctx.actor, { voucherId: String(v._id), start: dates.start, end: dates.end, consultantAadObjectId }),
  );
};
