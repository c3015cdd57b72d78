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

/** Longer links are shown as their name alone, so a card of links stays under Teams' size limit. */
const MAX_LINK = 500;

/**
 * A Markdown link to an https URL with a card-safe name, or the name alone when the URL is not
 * https or too long. Characters that could end the link or open a binding are percent-encoded.
 */
export function linkMd(name: string, url: string | null | undefined): string {
  const label = md(name, 80, 'link');
  if (!url) return label;
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return label;
  }
  if (!href.startsWith('https://') || href.length > MAX_LINK) return label;
  const encoded = href.replace(/[()<>$\s\\[\]{}`]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${encoded})`;
}
