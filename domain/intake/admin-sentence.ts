import type { Concept } from './label-lexicon';
import { classifyLabel } from './label-rules';
import { runAt, tokensOf, type LabelWord } from './label-tokens';
import { foldKeepLength, stripLineDecorations } from './text';
import { readEmail } from './values';

/**
 * The voucher administrator named in a sentence (DOMAIN.md, Contract: the administrator comes
 * only from a labelled field or an explicit sentence naming the voucher administrator):
 * "Your voucher administrator, Jane Doe (jane@contoso.com), assigned…", "Votre administrateur
 * des bons, Jeanne Dupont <jeanne@…>, a attribué…", "Ihr Gutscheinadministrator, Hans Müller
 * (hans@…), hat…", "Su administrador de vales, Juan Pérez (juan@…), ha asignado…".
 *
 * The address counts only when nothing but a name stands between it and the phrase (capitalised
 * words, "is", "your organization's"…), so "If you are not the voucher administrator, contact
 * support@…" or a signature below the sentence never gives an address. A bare "administrator"
 * (an IT or partner admin) is no voucher administrator.
 */
const EMAILS = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}/g;
const MAX_GAP = 90;
// Lower-case words that may stand inside an apposition: copulas, articles, possessives, "of/for the organization".
const LINK_WORDS: ReadonlySet<string> = new Set([
  'is',
  'est',
  'ist',
  'es',
  'lautet',
  'namely',
  'for',
  'of',
  'the',
  'your',
  'our',
  'at',
  'pour',
  'de',
  'du',
  'des',
  'la',
  'le',
  'votre',
  'notre',
  'chez',
  'c',
  'l',
  'd',
  'fur',
  'für',
  'der',
  'die',
  'das',
  'ihr',
  'ihre',
  'ihres',
  'ihrer',
  'von',
  'van',
  'bei',
  'para',
  'del',
  'el',
  'su',
  'sus',
  'nuestro',
  'nuestra',
  'y',
  'organization',
  'organisation',
  'organización',
  'company',
  'société',
  'entreprise',
  'empresa',
  'account',
  'compte',
  'cuenta',
]);
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
// Titles and initials end with a dot that ends no sentence: "Dr. Eva Roth", "Jane Q. Doe".
const TITLES = /(?<![\p{L}])(?:Dr|Prof|Mr|Mrs|Ms|Mme|Mlle|Sr|Sra|Srta|Hr|Fr|Ing|Dipl)\.(?=\s)/gu;

/** Nothing but a name, a copula or an article between a phrase and an address. */
export function isApposition(gap: string): boolean {
  if (gap.length > MAX_GAP || gap.includes('@')) return false;
  const text = gap.replace(TITLES, ' ').replace(/(?<![\p{L}])\p{Lu}\.(?=\s)/gu, ' ');
  if (/[.!?;](\s|$)/.test(text)) return false;
  const words = text.split(/[\s,:()<>[\]"'«»“”’–—/-]+/).filter((w) => w !== '');
  return words.length <= 10 && words.every((w) => NAME_WORD.test(w) || LINK_WORDS.has(w.toLowerCase()));
}

/** The address at the start of a value after an apposition ("Jane Doe <jane@contoso.com>"). */
export function appositiveEmail(value: string): string | null {
  const m = new RegExp(EMAILS.source).exec(value.slice(0, 300));
  if (!m || !isApposition(value.slice(0, m.index))) return null;
  return readEmail(m[0]);
}

interface Span {
  start: number;
  end: number;
}

/** Phrases that name the voucher administrator: the longest part of each run of label words that means it. */
function adminPhrases(folded: string): Span[] {
  const tokens = tokensOf(folded);
  const out: Span[] = [];
  for (let j = 0; j < tokens.length; j += 1) {
    const run = runAt(folded, tokens, j);
    if (run.length === 0) continue;
    const phrase = longestAdminPart(run);
    if (phrase) out.push(phrase);
    const end = run[run.length - 1]?.end ?? 0;
    while (j + 1 < tokens.length && (tokens[j + 1]?.start ?? 0) < end) j += 1;
  }
  return out;
}

// In running text the administrator must be called the voucher's (or the benefits' or Software Assurance's) one.
const NAMING: readonly Concept[] = ['voucher', 'document', 'benefit', 'planning'];

function longestAdminPart(run: readonly LabelWord[]): Span | null {
  for (let size = run.length; size >= 1; size -= 1) {
    for (let s = 0; s + size <= run.length; s += 1) {
      const words = run.slice(s, s + size);
      const meaning = classifyLabel(words);
      const named = words.some((w) => NAMING.some((c) => w.concepts.has(c)));
      if (meaning?.field === 'voucherAdminEmail' && named) return { start: words[0]?.start ?? 0, end: words[size - 1]?.end ?? 0 };
    }
  }
  return null;
}

/** The address a sentence gives the voucher administrator, preferring one after the phrase. */
function adminInText(text: string): string | null {
  const phrases = adminPhrases(foldKeepLength(text));
  if (phrases.length === 0) return null;
  const emails = [...text.matchAll(EMAILS)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: m[0] }));
  for (const p of phrases) {
    const after = emails.find((e) => e.start >= p.end && isApposition(text.slice(p.end, e.start)));
    if (after) return readEmail(after.value);
    const before = emails.filter((e) => e.end <= p.start).pop();
    if (before && isApposition(text.slice(before.end, p.start))) return readEmail(before.value);
  }
  return null;
}

// A line this long was probably wrapped inside a sentence; a shorter one (a signature line) is read on its own.
const WRAPPED = 50;

/** Searches lines [from, to) for a sentence naming the voucher administrator with an address; wrapped lines are joined. */
export function findAdminInSentences(lines: readonly string[], from: number, to: number, skip: ReadonlySet<number>): string | null {
  const end = Math.min(to, from + 400);
  const at = (i: number): string => (i >= from && i < end && !skip.has(i) ? stripLineDecorations(lines[i] ?? '') : '');
  for (let i = from; i < end; i += 1) {
    if (skip.has(i) || !(lines[i] ?? '').includes('@')) continue;
    const before = at(i - 1);
    const own = at(i);
    const after = at(i + 1);
    const parts = [before.length >= WRAPPED ? before : '', own, own.length >= WRAPPED ? after : ''];
    const found = adminInText(parts.join(' '));
    if (found) return found;
  }
  return null;
}
