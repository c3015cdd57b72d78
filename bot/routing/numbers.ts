import { compactNumber } from '../../domain/voucher/voucher.store';
import { parseUserDate } from './dates';
import type { CommandEntry, HandlerContext } from './types';

/**
 * Voucher numbers as staff type them: in pieces ("DEMO 0001", as VLSC prints some), with a '#',
 * in quotes or brackets, with a typographic dash, followed by a comma. The domain finds a voucher
 * whatever the case and separators (voucher.store.ts `findByTypedNumber`); here the words that
 * make one number are put back together, so that the words after it (a location, dates, a
 * consultant, a reason) stay what they are.
 */

/** Longest number taken in pieces: VLSC prints three or four groups. */
const MAX_PIECES = 4;

/** A word without what may surround a number: '#', quotes, brackets, closing punctuation; dashes as hyphens. */
export function cleanNumberWord(word: string): string {
  return word
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/^[#"'“”«»‘’([{<]+/u, '')
    .replace(/[)\]}>"'“”«»‘’,;:.]+$/u, '');
}

const plain = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();

/** Words that may name what follows before a number ("reserve voucher DEMO-0001", "annuler la réservation du bon n° DEMO-0004"). */
const BEFORE_NUMBER = new Set(
  [
    'voucher',
    'number',
    'no',
    'nr',
    'num',
    'the',
    'reservation',
    'of',
    'for',
    'bon',
    'document',
    'numéro',
    'n°',
    'n',
    'le',
    'la',
    'du',
    'de',
    'réservation',
    'sur',
    'id',
    'request',
    'demande',
    'approval',
    'approbation',
    'redemption',
    'échange',
  ].map(plain),
);
const fillerBeforeNumber = (word: string): boolean => BEFORE_NUMBER.has(plain(word).replace(/[.:]+$/u, ''));

const isPiece = (word: string): boolean => /^[A-Za-z0-9][A-Za-z0-9-]*$/u.test(word);
const hasDigit = (word: string): boolean => /\d/u.test(word);
/** Marks standing alone ("« DEMO-0001 »"): no argument. */
const isMark = (word: string): boolean => /^[#"'“”«»‘’()[\]{}<>]+$/u.test(word);

/**
 * The first argument put back together: the longest run of up to four leading pieces whose letters
 * and digits are a voucher of the partner ("DEMO 0001 FR-PAR" is DEMO-0001 then FR-PAR). When none
 * is, a first word that cannot be a number alone (no digit) takes the next piece, so that the
 * answer names the whole number typed. Dates never join a number; words naming the number before
 * it ("voucher", "le bon", "n°") are left out.
 */
export async function joinFirstNumber(ctx: HandlerContext, typed: readonly string[]): Promise<string[]> {
  const marks = typed.filter((w) => !isMark(w));
  let lead = 0;
  while (lead < 4 && lead < marks.length - 1 && fillerBeforeNumber(marks[lead] ?? '')) lead += 1;
  const args = marks.slice(lead);
  const [first, ...rest] = args;
  if (first === undefined) return [];
  const words = [cleanNumberWord(first), ...rest];
  const pieces = [words[0] ?? ''];
  for (const word of rest.slice(0, MAX_PIECES - 1)) {
    const w = cleanNumberWord(word);
    if (!isPiece(w) || parseUserDate(w, ctx.locale)) break;
    pieces.push(w);
  }
  if (pieces.length < 2 || !isPiece(pieces[0] ?? '')) return words;
  const candidates = pieces.map((_, k) => pieces.slice(0, k + 1).join(' '));
  const stored = await ctx.domain.queries.numbersLike(ctx.actor, candidates.slice(1));
  for (let k = pieces.length - 1; k >= 1; k -= 1) {
    const hit = stored.find((s) => compactNumber(s) === compactNumber(candidates[k] ?? ''));
    if (hit) return [hit, ...words.slice(k + 1)];
  }
  if (!hasDigit(pieces[0] ?? '') && hasDigit(pieces[1] ?? '')) return [candidates[1] ?? '', ...words.slice(2)];
  return words;
}

/** Words that join numbers in a list ("DEMO-0006, DEMO-0008 and DEMO-0009"). */
const JOINERS = new Set(['and', 'et', '&', '+', ',', ';']);

/**
 * Every argument a number ("redeem DEMO-0006, DEMO-0008 et DEMO 0009"): split at commas, the
 * joining words left out, and a word without digits joined to the next (a number typed in two pieces).
 */
export function splitNumbers(args: readonly string[]): string[] {
  const words = args
    .flatMap((a) => a.split(/[,;]+/u))
    .map(cleanNumberWord)
    .filter((w) => w !== '' && !JOINERS.has(w.toLowerCase()) && !fillerBeforeNumber(w));
  const numbers: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    if (!hasDigit(w) && next !== undefined && isPiece(w) && isPiece(next) && hasDigit(next)) {
      numbers.push(`${w} ${next}`);
      i += 1;
    } else numbers.push(w);
  }
  return numbers;
}

/** A command's arguments with its voucher numbers put back together (CommandEntry.numbers). */
export async function withNumbers(entry: CommandEntry, ctx: HandlerContext, args: readonly string[]): Promise<string[]> {
  if (entry.numbers === 'each') return splitNumbers(args);
  if (entry.numbers === 'first') return joinFirstNumber(ctx, args);
  return [...args];
}
