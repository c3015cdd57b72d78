/**
 * Text normalisation shared by the intake modules. Everything here is linear in the input and
 * regex-light, because emails can be 2 MB with 10,000-character lines.
 */

/** Longest text the extractor looks at; a voucher notice is a few KB, the rest is quoted history. */
export const MAX_TEXT_CHARS = 4_000_000;
/** Only the start of a line can hold a label; values never need more than this. */
export const MAX_LINE_CHARS = 600;

const NON_ASCII = /[\u0080-\uFFFF]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
// Hyphen look-alikes that Word and HTML entities put inside voucher numbers.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
// Everything normalizeText rewrites, in one pass so a 2 MB email is copied once, not five times:
// line ends, the three classes above, and (as spaces) C0/C1 controls except tab and newline,
// bidi overrides that can disguise text, and replacement characters left by undecodable bytes.
const REWRITE =
  // eslint-disable-next-line no-control-regex -- removing control characters is this pattern's purpose
  /\r\n?|[\u200B-\u200D\u2060\uFEFF\u00AD]|[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]|[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]/g;

function rewrite(ch: string): string {
  if (ch === '\r' || ch === '\r\n') return '\n';
  if (INVISIBLE.test(ch)) return '';
  if (ODD_SPACES.test(ch)) return ' ';
  if (DASHES.test(ch)) return '-';
  return ' ';
}

/** One canonical form: LF line ends, plain spaces, no invisible or control characters, NFC. */
export function normalizeText(raw: string): string {
  const cut = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
  const plain = cut.replace(REWRITE, rewrite);
  return (NON_ASCII.test(plain) ? plain.normalize('NFC') : plain).trim();
}

/**
 * Lower case without accents, keeping one UTF-16 unit per unit so that an offset found in the
 * folded string is the same offset in the original (values are sliced from the original).
 */
export function foldKeepLength(s: string): string {
  // Most lines are ASCII; lower-casing them keeps the length and needs no per-character work.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < s.length; i += 1) {
    const ch = s.charAt(i);
    const base = ch.charCodeAt(0) < 128 ? ch.toLowerCase() : (ch.normalize('NFD')[0] ?? ch).toLowerCase();
    out.push(base.length === 1 ? base : ch);
  }
  return out.join('');
}

/** Folded form for comparing names: no accents, lower case, punctuation to single spaces. */
export function foldWords(s: string): string {
  return foldKeepLength(s.normalize('NFC'))
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9@.+]+/g, ' ')
    .replace(/(?<![a-z0-9])\.|\.(?![a-z0-9])/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits into lines, cutting each to the part a label or value can use. */
export function toLines(text: string): string[] {
  return text.split('\n').map((line) => (line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line));
}

/** Removes "> " quoting, list bullets and Markdown emphasis that pasted and forwarded text carries. */
export function stripLineDecorations(line: string): string {
  return line
    .replace(/^(?:\s*>)+/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*(?:[*•·▪◦‣\-–]\s+)/, '')
    .replace(/^\s*\*/, '')
    .trim();
}

/** Escapes a literal for use inside a RegExp built from data tables. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
