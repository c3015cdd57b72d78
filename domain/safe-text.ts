/**
 * Card-safe text: the one function for text that comes from users or emails before a card shows
 * it (STYLE.md §5, issue 8 "Teams' limits"). Pure and import-free so that both domain/intake and
 * cards/ may use it. It removes control, bidi and zero-width characters (they can reorder or hide
 * what a reader sees), caps the length (a card must stay small), makes `${` unable to open an
 * Adaptive Card template binding, and, for text that a TextBlock or FactSet renders as Markdown,
 * backslash-escapes what the Adaptive Card Markdown subset would act on.
 */
export interface SafeTextOptions {
  /** Longest text kept, counted before escaping; longer text ends with "…". */
  max: number;
  /** True where the text is rendered as Markdown (TextBlock, Fact value); false for input values and titles. */
  markdown: boolean;
  /** Keep line breaks (at most one blank line in a row); otherwise all whitespace becomes one space. */
  multiline?: boolean;
}

// eslint-disable-next-line no-control-regex -- removing control characters is this pattern's purpose
const UNSAFE_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g;
// Characters that open emphasis, links, autolinks, HTML, entities, code or a binding anywhere in a line.
const INLINE_MARKDOWN = /[\\`*_{}[\]()<>$~!|&]/g;
// At the start of a line: a heading, quote, list, thematic break or setext underline ("---", "===").
const LINE_START_MARKDOWN = /^([-+=#>])/gm;
// "1. " and "2) " start an ordered list; a backslash before a digit is literal, so escape the punctuation.
const ORDERED_LIST = /^(\d+)([.)])(?=\s|$)/gm;
const DOLLAR_BRACE = /\$\{/g;

function normaliseWhitespace(text: string, multiline: boolean): string {
  if (!multiline) return text.replace(/\s+/g, ' ').trim();
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function cap(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : text;
}

export function safeText(value: string, options: SafeTextOptions): string {
  const plain = cap(normaliseWhitespace(value.replace(UNSAFE_CHARS, ' '), options.multiline ?? false), options.max);
  if (!options.markdown) return plain.replace(DOLLAR_BRACE, '\uFF04{');
  return plain
    .replace(INLINE_MARKDOWN, (ch) => `\\${ch}`)
    .replace(LINE_START_MARKDOWN, '\\$1')
    .replace(ORDERED_LIST, '$1\\$2');
}
