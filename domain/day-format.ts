/**
 * Dates as a person reads them, in English or French: the one formatter of calendar days and
 * instants for refusals, notices and cards (cards/locale.ts re-exports it). Pure and import-free,
 * like safe-text.ts, so that both domain/ and cards/ may use it. Calendar days are stored at UTC
 * midnight and travel in refusal parameters as `YYYY-MM-DD`; both forms are accepted.
 */
export type DayLocale = 'en' | 'fr';

// Intl formatters are immutable and costly to build: one per locale, built once.
const DAY_FORMAT: Readonly<Record<DayLocale, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }),
};
const INSTANT_FORMAT: Readonly<Record<DayLocale, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A Date, or the Date of a `YYYY-MM-DD` (UTC midnight) or ISO instant string; null for anything else. */
function dateOf(value: Date | string, pattern: RegExp): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const text = value.trim();
  if (!pattern.test(text)) return null;
  const d = new Date(ISO_DAY.test(text) ? `${text}T00:00:00.000Z` : text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A calendar day in the locale's medium form: "Mar 15, 2026" / "15 mars 2026". A string that is
 * not a date is returned as it is (a value typed by a person is never lost).
 */
export function formatDay(day: Date | string, locale: DayLocale): string {
  const d = dateOf(day, ISO_DAY);
  return d ? DAY_FORMAT[locale].format(d) : String(day);
}

/** An instant, in UTC and labelled so (neither a card nor a chat message knows the reader's time zone). */
export function formatInstant(at: Date | string, locale: DayLocale): string {
  const d = dateOf(at, ISO_INSTANT);
  return d ? `${INSTANT_FORMAT[locale].format(d)} UTC` : String(at);
}
