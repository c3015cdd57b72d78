import { DAY_MS } from '../calendar';
import { foldKeepLength } from './text';

/**
 * Dates as voucher notices print them: ISO, numeric (slashes, dashes, dots), and long forms in
 * English, French, German and Spanish, with or without a weekday and a time. A numeric date
 * whose day and month could swap (03/04/2026) is returned with both readings; the caller picks
 * one from the template's language and the other dates (see resolveDates).
 */
export interface DateReading {
  /** The reading when the text leaves no doubt. */
  fixed: string | null;
  /** Both readings of an ambiguous numeric date, month-first and day-first. */
  monthFirst: string | null;
  dayFirst: string | null;
  /** Set when an unambiguous numeric date shows the order its template uses. */
  evidence: 'monthFirst' | 'dayFirst' | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  janv: 1,
  janvier: 1,
  januar: 1,
  jaenner: 1,
  janner: 1,
  enero: 1,
  ene: 1,
  february: 2,
  feb: 2,
  fev: 2,
  fevr: 2,
  fevrier: 2,
  februar: 2,
  febr: 2,
  febrero: 2,
  march: 3,
  mar: 3,
  mars: 3,
  marz: 3,
  maerz: 3,
  mrz: 3,
  marzo: 3,
  april: 4,
  apr: 4,
  avr: 4,
  avril: 4,
  abril: 4,
  abr: 4,
  may: 5,
  mai: 5,
  mayo: 5,
  june: 6,
  jun: 6,
  juin: 6,
  juni: 6,
  junio: 6,
  july: 7,
  jul: 7,
  juil: 7,
  juillet: 7,
  juli: 7,
  julio: 7,
  august: 8,
  aug: 8,
  aout: 8,
  ago: 8,
  agosto: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septembre: 9,
  septiembre: 9,
  setiembre: 9,
  set: 9,
  october: 10,
  oct: 10,
  octobre: 10,
  oktober: 10,
  okt: 10,
  octubre: 10,
  november: 11,
  nov: 11,
  novembre: 11,
  noviembre: 11,
  december: 12,
  dec: 12,
  decembre: 12,
  dezember: 12,
  dez: 12,
  diciembre: 12,
  dic: 12,
};

// Years a voucher date can have: the program started long after 2000, and a year past 2099 is a typo or a trap.
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < MIN_YEAR || year > MAX_YEAR) return null;
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return t.toISOString().slice(0, 10);
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

const ISO = /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g;
const NUMERIC = /(?<![\d.,])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/g;
// Month word with a day before it ("4 March 2026", "4. März 2026", "4 de marzo de 2026", "1er mars")
// or after it ("March 4, 2026", "Mar 4th 2026").
const DAY_MONTH_YEAR =
  /(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|e|º|°)?\.?(?:\s*(?:de|of))?[\s-]*([a-z]{3,10})\.?(?:\s*de)?[\s,-]*(\d{4}|\d{2})(?!\d)/g;
const MONTH_DAY_YEAR = /(?<![a-z])([a-z]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(\d{4})(?!\d)/g;

interface Hit {
  at: number;
  reading: DateReading;
}

function fixedReading(iso: string | null): DateReading | null {
  return iso ? { fixed: iso, monthFirst: null, dayFirst: null, evidence: null } : null;
}

function numericReading(m: RegExpExecArray): DateReading | null {
  const [a, sep, b, y] = [Number(m[1]), m[2], Number(m[3]), fullYear(m[4] ?? '')];
  // Dotted dates are day-first in every language that uses them (German, French, Spanish).
  if (sep === '.') return fixedReading(isoOf(y, b, a));
  const monthFirst = isoOf(y, a, b);
  const dayFirst = isoOf(y, b, a);
  if (monthFirst && dayFirst && a !== b) return { fixed: null, monthFirst, dayFirst, evidence: null };
  const only = monthFirst ?? dayFirst;
  if (!only) return null;
  const evidence = a === b ? null : monthFirst ? 'monthFirst' : 'dayFirst';
  return { fixed: only, monthFirst: null, dayFirst: null, evidence };
}

function monthWordReading(day: string, word: string, year: string): DateReading | null {
  const month = MONTHS[word];
  return month ? fixedReading(isoOf(fullYear(year), month, Number(day))) : null;
}

type Reader = (m: RegExpExecArray) => DateReading | null;

const READERS: ReadonlyArray<readonly [RegExp, Reader]> = [
  [ISO, (m) => fixedReading(isoOf(Number(m[1]), Number(m[2]), Number(m[3])))],
  [NUMERIC, numericReading],
  [DAY_MONTH_YEAR, (m) => monthWordReading(m[1] ?? '', m[2] ?? '', m[3] ?? '')],
  [MONTH_DAY_YEAR, (m) => monthWordReading(m[2] ?? '', m[1] ?? '', m[3] ?? '')],
];

/** The first valid reading of each form; a number next to a non-month word is skipped. */
function collectHits(folded: string): Hit[] {
  const hits: Hit[] = [];
  for (const [pattern, read] of READERS) {
    for (const m of folded.matchAll(pattern)) {
      const reading = read(m);
      if (reading) {
        hits.push({ at: m.index, reading });
        break;
      }
    }
  }
  return hits;
}

/** The first date printed in a field's value, or null when the value holds none. */
export function readDate(value: string): DateReading | null {
  const folded = foldKeepLength(value.slice(0, 120));
  const hits = collectHits(folded).sort((x, y) => x.at - y.at);
  return hits[0]?.reading ?? null;
}

/** Adds days to a YYYY-MM-DD date, in UTC so no time zone shifts it. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type DateOrder = 'monthFirst' | 'dayFirst';

export interface ResolvedDates {
  assignedOn: string | null;
  expiresOn: string | null;
  /** True when an ambiguous date was settled only by the template's language. */
  byLanguageOnly: boolean;
}

function pick(reading: DateReading | null, order: DateOrder): string | null {
  if (!reading) return null;
  return reading.fixed ?? (order === 'monthFirst' ? reading.monthFirst : reading.dayFirst);
}

/**
 * Settles ambiguous numeric dates, strongest evidence first: an unambiguous numeric date of the
 * same notice (13/04/2026 shows day-first), then the 180-day validity (DOMAIN.md, Program rules)
 * when exactly one order makes the two dates 180 days apart, then the template's language:
 * month-first for English templates, day-first for French, German and Spanish.
 */
export function resolveDates(assigned: DateReading | null, expires: DateReading | null, languageOrder: DateOrder): ResolvedDates {
  const evidence = assigned?.evidence ?? expires?.evidence ?? null;
  const ambiguous = [assigned, expires].some((r) => r !== null && r.fixed === null);
  let order: DateOrder = evidence ?? languageOrder;
  let byLanguageOnly = ambiguous && evidence === null;
  if (ambiguous && evidence === null && assigned && expires) {
    const fits = (['monthFirst', 'dayFirst'] as const).filter((o) => {
      const a = pick(assigned, o);
      const e = pick(expires, o);
      return a !== null && e !== null && Math.abs(daysBetween(a, e) - 180) <= 1;
    });
    if (fits.length === 1 && fits[0]) {
      order = fits[0];
      byLanguageOnly = false;
    }
  }
  return { assignedOn: pick(assigned, order), expiresOn: pick(expires, order), byLanguageOnly };
}
