import { COMPOUND_HEADS, LEXICON, MAX_PHRASE_WORDS, PHRASE_WORDS, type Concept } from './label-lexicon';
import type { TemplateLanguage } from './types';

/**
 * Splits folded text (lower case, no accents, same offsets as the original) into label words:
 * lexicon words and phrases, and German compounds read from their last part backwards
 * ("planungsgutschein" is planning + voucher, "lizenzvertragsnummer" is licence + agreement +
 * number; an unknown first part such as "beratungs" only qualifies the rest). Everything here is
 * linear in the text it looks at, which is capped by the callers.
 */
export interface LabelWord {
  start: number;
  end: number;
  concepts: ReadonlySet<Concept>;
  langs: readonly TemplateLanguage[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

// "n°", "n.º", "#", and runs of letters and digits. Anything else is a gap or ends a label.
const TOKEN = /n\s?\.?\s?[°º]|[#°º]|[a-z0-9ßæœ]+/g;
// What may stand between two words of one label: spaces, slashes ("X / Y"), apostrophes, abbreviation dots, or a
// joining hyphen ("E-Mail", "Gutschein-Nr"); a spaced hyphen separates the label from its value ("Days - 5"), and a
// tab or three spaces is a cell break.
const GAP = /^(?:(?! {3})[ /'’._]){0,5}$|^\.?-$/;
const PHRASE_GAP = /^[\s-]{1,3}$/;
// Linking elements between the parts of a German compound ("Vertrag-s-nummer", "Kunde-n-name").
const LINKS = ['', 's', 'n', 'en', 'es', 'e'];
const MAX_WORDS = 10;

/** Every token of a folded text (running text, where a label phrase may stand anywhere). */
export function tokensOf(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    out.push({ text: m[0].replace(/[\s.]/g, ''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

type Sense = ReadonlySet<Concept>;

const HEAD_ENDINGS: ReadonlySet<string> = new Set(COMPOUND_HEADS.map((h) => h.slice(-2)));

/** The left parts of a compound: a known word (after its linking element), a compound itself, or an unknown qualifier (no part). */
function leftParts(rest: string, depth: number): Sense[] | null {
  for (const link of LINKS) {
    if (link !== '' && !rest.endsWith(link)) continue;
    const stem = rest.slice(0, rest.length - link.length);
    const entry = LEXICON.get(stem);
    if (entry && !entry.concepts.has('filler')) return [entry.concepts];
    const inner = stem.length >= 5 ? decompose(stem, depth + 1) : null;
    if (inner) return inner;
  }
  return rest.length >= 3 ? [] : null;
}

/** The parts of a German compound, each with its concepts, or null when its last part is no known noun. */
function decompose(word: string, depth = 0): Sense[] | null {
  if (depth > 3 || word.length < 5 || !HEAD_ENDINGS.has(word.slice(-2)) || /\d/.test(word)) return null;
  for (const head of COMPOUND_HEADS) {
    if (head.length >= word.length || !word.endsWith(head)) continue;
    const left = leftParts(word.slice(0, word.length - head.length), depth);
    const entry = LEXICON.get(head);
    if (left && entry) return [...left, entry.concepts];
  }
  return null;
}

interface Reading {
  /** One sense per part: a word has one part, a compound one per known part. */
  parts: Sense[];
  langs: readonly TemplateLanguage[];
}

/** The longest phrase or word of the lexicon at token i (a compound gives one label word per part), with how many tokens it spans. */
function wordsAt(folded: string, tokens: readonly Token[], i: number): { words: LabelWord[]; span: number } | null {
  const first = tokens[i];
  if (!first) return null;
  for (let span = Math.min(MAX_PHRASE_WORDS, tokens.length - i); span >= 2; span -= 1) {
    const parts = tokens.slice(i, i + span);
    const joined = parts.every((t, k) => k === 0 || PHRASE_GAP.test(folded.slice(parts[k - 1]?.end ?? 0, t.start)));
    const entry = joined ? LEXICON.get(parts.map((t) => t.text).join(' ')) : undefined;
    if (entry)
      return {
        words: [{ start: first.start, end: parts[span - 1]?.end ?? first.end, concepts: entry.concepts, langs: entry.langs }],
        span,
      };
  }
  const read = readWord(first.text);
  if (!read) return null;
  return { words: read.parts.map((concepts) => ({ start: first.start, end: first.end, concepts, langs: read.langs })), span: 1 };
}

// Inflections a label word may carry: plural and genitive ("Vouchers", "des Gutscheinadministrators").
const ENDINGS = ['s', 'es', 'n', 'en'];

function readWord(text: string): Reading | null {
  const entry = LEXICON.get(text);
  if (entry) return { parts: [entry.concepts], langs: entry.langs };
  const compound = decompose(text);
  if (compound) return { parts: compound, langs: ['de'] };
  for (const ending of ENDINGS) {
    if (text.length < 5 || !text.endsWith(ending)) continue;
    const stem = text.slice(0, text.length - ending.length);
    const inflected = LEXICON.get(stem);
    if (inflected) return { parts: [inflected.concepts], langs: inflected.langs };
    const inner = decompose(stem);
    if (inner) return { parts: inner, langs: ['de'] };
  }
  return null;
}

/** A word joined to digits ("SA-4455", "ID2026") belongs to a code, not to a label. */
function startsCode(folded: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t) return false;
  if (/\d/.test(t.text) && t.text.length > 1) return true;
  return next !== undefined && next.start - t.end <= 1 && /^-?$/.test(folded.slice(t.end, next.start)) && /\d/.test(next.text);
}

/** The run of label words that starts at token `from` and continues while words are known and close together. */
export function runAt(folded: string, tokens: readonly Token[], from: number): LabelWord[] {
  const words: LabelWord[] = [];
  let i = from;
  let lastEnd = tokens[from]?.start ?? 0;
  while (i < tokens.length && words.length < MAX_WORDS) {
    const t = tokens[i];
    if (!t || !GAP.test(folded.slice(lastEnd, t.start)) || startsCode(folded, tokens, i)) break;
    const found = wordsAt(folded, tokens, i);
    const last = found?.words[found.words.length - 1];
    if (!found || !last) break;
    words.push(...found.words);
    lastEnd = last.end;
    i += found.span;
  }
  return words;
}

// One token and the gap before it, read at a position: the cell is tokenised only as far as its label goes.
const TOKEN_AT = /^([^a-z0-9ßæœ#°º]{0,6}?)(n\s?\.?\s?[°º]|[#°º]|[a-z0-9ßæœ]+)/;

/** The first tokens of a cell, stopping after the first one that cannot be a label word. */
function leadingTokens(head: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (tokens.length < MAX_WORDS + MAX_PHRASE_WORDS) {
    const m = TOKEN_AT.exec(head.slice(pos, pos + 80));
    if (!m) break;
    const raw = m[2] ?? '';
    const start = pos + (m[1] ?? '').length;
    const text = raw.replace(/[\s.]/g, '');
    const known = readWord(text) !== null || PHRASE_WORDS.has(text);
    // Most lines of a thread start with no label word: they end here, before anything else is read.
    if (!known && tokens.length === 0) return [];
    tokens.push({ text, start, end: start + raw.length });
    pos = start + raw.length;
    if (!known) break;
  }
  return tokens;
}

/** The label words a cell starts with (none when it starts with anything else). */
export function leadingRun(folded: string): LabelWord[] {
  const head = folded.slice(0, 160);
  const lead = head.length - head.trimStart().length;
  const tokens = leadingTokens(head);
  if (tokens[0]?.start !== lead) return [];
  return runAt(head, tokens, 0);
}
