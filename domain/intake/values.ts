import { VOUCHER_DAYS } from './types';
import { foldWords } from './text';

/**
 * Readers for field values, each strict enough that a label found in prose yields nothing
 * rather than a wrong value (DOMAIN.md: unknown fields are null, never guessed).
 */

// A group is letters and digits; a group of letters alone must be upper case ("ABCD 1234 EFGH"),
// so that "1234 was cancelled" stops after the number.
function isCodeGroup(group: string): boolean {
  return /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-?$/.test(group) && (/\d/.test(group) || /^[A-Z-]+$/.test(group));
}

function leadingCode(value: string, minLength: number): string | null {
  const cleaned = value.replace(/^[\s"'“”«»([#:]+/, '').slice(0, 80);
  const groups: string[] = [];
  for (const group of cleaned.split(/\s+/)) {
    const bare = group.replace(/[.,;:)\]"'“”»]+$/, '');
    if (!isCodeGroup(bare)) break;
    groups.push(bare.replace(/-$/, ''));
    if (bare !== group) break;
  }
  const code = groups.join('');
  if (code.length < minLength || code.length > 40 || !/\d/.test(code)) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(code)) return null;
  return code;
}

/** Longest voucher number taken (VLSC prints 12 to 20 characters); a longer code is something else. */
export const MAX_VOUCHER_NUMBER = 32;
/** Longest agreement or enrollment number taken (Microsoft prints 8 or 9 characters). */
export const MAX_AGREEMENT_NUMBER = 20;

/** Voucher number: upper case, internal spaces removed, hyphens kept (DOMAIN.md, Contract). */
export function readVoucherNumber(value: string): string | null {
  const code = leadingCode(value, 6);
  return code !== null && code.length <= MAX_VOUCHER_NUMBER ? code.toUpperCase() : null;
}

/**
 * Agreement number: spaces removed (DOMAIN.md, Contract); otherwise as printed. Letters, digits
 * and at most three hyphens, 4 to 20 characters: anything longer or odder is not taken (null),
 * so that a voucher is never stored with a number nobody could correct.
 */
export function readAgreementNumber(value: string): string | null {
  const code = leadingCode(value, 4);
  if (code === null || code.length > MAX_AGREEMENT_NUMBER || (code.match(/-/g)?.length ?? 0) > 3) return null;
  return /^[A-Za-z0-9]/.test(code) ? code : null;
}

const EMAIL_RE = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}/;

/** The first email address in a value, lower case (DOMAIN.md, Contract). */
export function readEmail(value: string): string | null {
  const m = EMAIL_RE.exec(value.slice(0, 400));
  return m ? m[0].replace(/^[.'-]+/, '').toLowerCase() : null;
}

/** A customer name as printed: one line, trimmed, without surrounding quotes or trailing separators. */
export function readCustomerName(value: string): string | null {
  const name = value
    .slice(0, 300)
    .replace(/\s+/g, ' ')
    .replace(/^["'“”«»\s]+|["'“”«»,;:\s]+$/g, '')
    .replace(/^([_*~]+)(.+?)\1$/, '$2')
    .trim();
  if (name.length < 2 || name.length > 200 || !/\p{L}/u.test(name)) return null;
  if (EMAIL_RE.test(name) && name.replace(EMAIL_RE, '').trim().length < 2) return null;
  return name;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  un: 1,
  une: 1,
  eins: 1,
  ein: 1,
  einen: 1,
  uno: 1,
  una: 1,
  three: 3,
  trois: 3,
  drei: 3,
  tres: 3,
  five: 5,
  cinq: 5,
  funf: 5,
  fuenf: 5,
  cinco: 5,
  ten: 10,
  dix: 10,
  zehn: 10,
  diez: 10,
  fifteen: 15,
  quinze: 15,
  funfzehn: 15,
  fuenfzehn: 15,
  quince: 15,
  two: 2,
  deux: 2,
  zwei: 2,
  dos: 2,
  four: 4,
  quatre: 4,
  vier: 4,
  cuatro: 4,
  twenty: 20,
  vingt: 20,
  zwanzig: 20,
  veinte: 20,
};

export interface DaysReading {
  days: number | null;
  /** A number was printed but is not 1, 3, 5, 10 or 15: reported as not found. */
  outOfCatalog: boolean;
}

/**
 * Days as "5", "5 days", "5 jours", "fünf (5) Tage", "cinco días". A printed figure other than
 * 1, 3, 5, 10 or 15 is not a planning voucher's length (DOMAIN.md, Program catalog), so it is
 * reported as not found and staff enter the days.
 */
export function readDays(value: string): DaysReading {
  const folded = foldWords(value.slice(0, 120));
  const digits = /(?<![\d.])(\d{1,3})(?:[.,]0+)?(?![\d.]*\d)/.exec(folded);
  let n: number | null = digits ? Number(digits[1]) : null;
  if (n === null) {
    const word = folded.split(' ').find((t) => NUMBER_WORDS[t] !== undefined);
    n = word ? (NUMBER_WORDS[word] ?? null) : null;
  }
  if (n === null) return { days: null, outOfCatalog: false };
  const valid = (VOUCHER_DAYS as readonly number[]).includes(n);
  return { days: valid ? n : null, outOfCatalog: !valid };
}

const DAYS_IN_TEXT = /(?<![\d.])(\d{1,2})\s*(?:-\s*)?(?:planning\s+)?(days?|jours?|tage?n?|dias?|planungstage)(?![a-z])/;

/** Days mentioned beside a program or voucher value: "Azure DPS (5 days)". */
export function findDaysInText(value: string): number | null {
  const m = DAYS_IN_TEXT.exec(foldWords(value.slice(0, 300)));
  const n = m ? Number(m[1]) : null;
  return n !== null && (VOUCHER_DAYS as readonly number[]).includes(n) ? n : null;
}
