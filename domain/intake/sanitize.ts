import type { SanitizedVoucherFields, VoucherParseResult } from './types';

/**
 * Card-safe text (STYLE.md §5: email text is escaped before it is bound). Email content is
 * hostile by default: control and bidi characters are removed, Markdown that Adaptive Card
 * TextBlocks interpret is backslash-escaped, "${" cannot open a template binding, angle
 * brackets cannot form autolinks or HTML, and length is capped so a card stays small.
 */
export const CARD_TEXT_MAX = 200;

// eslint-disable-next-line no-control-regex -- removing control characters is this pattern's purpose
const UNSAFE_CHARS = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g;
// CommonMark punctuation that can start emphasis, links, code, headings, lists, tables or HTML.
const MARKDOWN = /[\\`*_{}[\]()#+\-.!|<>~$]/g;

export function sanitizeForCard(value: string | null): string | null {
  if (value === null) return null;
  const plain = value.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
  const capped = plain.length > CARD_TEXT_MAX ? `${plain.slice(0, CARD_TEXT_MAX - 1)}…` : plain;
  return capped.replace(MARKDOWN, (ch) => `\\${ch}`);
}

/** The sanitised copy of every text field of a parse result. */
export function sanitizeFields(result: VoucherParseResult): SanitizedVoucherFields {
  return {
    voucherNumber: sanitizeForCard(result.voucherNumber),
    customerName: sanitizeForCard(result.customerName),
    agreementNumber: sanitizeForCard(result.agreementNumber),
    voucherAdminEmail: sanitizeForCard(result.voucherAdminEmail),
  };
}
