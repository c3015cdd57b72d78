import { format, isValid, parse } from 'date-fns';
import type { Locale } from '../i18n/messages';

/**
 * Calendar dates as users type them: `YYYY-MM-DD` everywhere, else the locale's numeric form
 * (`15/03/2026` in French, `3/15/2026` in English US). Returns `YYYY-MM-DD` or null.
 */
const FORMATS: Record<Locale, string[]> = {
  en: ['yyyy-MM-dd', 'yyyy/MM/dd', 'M/d/yyyy', 'M-d-yyyy', 'M/d/yy'],
  fr: ['yyyy-MM-dd', 'yyyy/MM/dd', 'd/M/yyyy', 'd.M.yyyy', 'd-M-yyyy', 'd/M/yy'],
};
/** What each pattern accepts, typed exactly (date-fns alone is lenient: "2026-3-5" for yyyy-MM-dd). */
const SHAPES: Record<string, RegExp> = {
  'yyyy-MM-dd': /^\d{4}-\d{2}-\d{2}$/,
  'yyyy/MM/dd': /^\d{4}\/\d{1,2}\/\d{1,2}$/,
  'M/d/yyyy': /^\d{1,2}\/\d{1,2}\/\d{4}$/,
  'd/M/yyyy': /^\d{1,2}\/\d{1,2}\/\d{4}$/,
  'd.M.yyyy': /^\d{1,2}\.\d{1,2}\.\d{4}$/,
  'M-d-yyyy': /^\d{1,2}-\d{1,2}-\d{4}$/,
  'd-M-yyyy': /^\d{1,2}-\d{1,2}-\d{4}$/,
  'M/d/yy': /^\d{1,2}\/\d{1,2}\/\d{2}$/,
  'd/M/yy': /^\d{1,2}\/\d{1,2}\/\d{2}$/,
};
const REFERENCE = new Date(2000, 0, 1);

export function parseUserDate(text: string, locale: Locale): string | null {
  const trimmed = text.trim();
  // The locale's order first; the other order only when the locale's cannot read the date at all
  // ("15/03/2026" from an en-GB client that sends English, "3/15/2026" in French), so never a different day.
  for (const pattern of [...FORMATS[locale], ...FORMATS[locale === 'fr' ? 'en' : 'fr']]) {
    const d = parse(trimmed, pattern, REFERENCE);
    // date-fns accepts "2026-3-5" for "yyyy-MM-dd"; strict round trip keeps only what was meant.
    if (isValid(d) && d.getFullYear() >= 2000 && d.getFullYear() < 2100 && matchesPattern(trimmed, pattern)) return format(d, 'yyyy-MM-dd');
  }
  return null;
}

function matchesPattern(text: string, pattern: string): boolean {
  return SHAPES[pattern]?.test(text) ?? false;
}
