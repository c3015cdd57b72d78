import { safeText } from '../safe-text';
import type { SanitizedVoucherFields, VoucherParseResult } from './types';

/**
 * Card-safe text (STYLE.md §5: email text is escaped before it is bound). Email content is
 * hostile by default; the one card-safe text function (domain/safe-text.ts) removes control and
 * bidi characters, escapes Markdown, neutralises "${" and caps the length.
 */
export const CARD_TEXT_MAX = 200;

export function sanitizeForCard(value: string | null): string | null {
  return value === null ? null : safeText(value, { max: CARD_TEXT_MAX, markdown: true });
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
