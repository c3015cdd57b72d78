import { safeText } from '../domain/safe-text';

/**
 * Card-side use of the one card-safe text function (domain/safe-text.ts): `md` for text a
 * TextBlock or Fact renders as Markdown, `plain` for input values, choice titles and button
 * titles, which Teams shows as typed. Absent values become the given fallback.
 */
export function md(value: string | null | undefined, max = 200, fallback = ''): string {
  return value == null || value === '' ? fallback : safeText(value, { max, markdown: true });
}

export function mdLines(value: string | null | undefined, max = 1000, fallback = ''): string {
  return value == null || value === '' ? fallback : safeText(value, { max, markdown: true, multiline: true });
}

export function plain(value: string | null | undefined, max = 200, fallback = ''): string {
  return value == null || value === '' ? fallback : safeText(value, { max, markdown: false });
}
