import { classifyLabel, type LabelField } from './label-rules';
import { leadingRun, type LabelWord } from './label-tokens';
import type { TemplateLanguage } from './types';
import { foldKeepLength } from './text';

/**
 * Field labels of voucher notices: a cell that starts with a run of label words (label-tokens.ts)
 * whose meaning is one field (label-rules.ts), followed by a separator. Matching is by words,
 * not by exact strings: case and accents are folded, words may be joined by spaces, hyphens or
 * slashes ("Voucher ID / Document ID"), German compounds are read from their parts, and each
 * language brings its synonyms and the seed's own vocabulary (label-lexicon.ts).
 */
export type { LabelField } from './label-rules';

export type Separator = 'colon' | 'end' | 'space';

export interface LabelMatch {
  field: LabelField;
  lang: TemplateLanguage;
  /** The text after the label and its separator, from the original (unfolded) cell. */
  value: string;
  separator: Separator;
  /** The label used the seed's weak word "document" for the voucher. */
  weak: boolean;
}

const CONNECTOR = /^\s+(?:is|are|est|sont|lautet|lauten|ist|es|son)(?![a-z0-9])/;
const PAREN = /^\s*\([^)\n]{0,40}\)/;
// "Label:", "Label -", "Label =", "Label >", and dotted leaders "Label.......:".
const COLON = /^\s*(?:\.{2,}\s*:?|[:：=|>\-–—]+)\s*/;

/** Reads the separator after a label: "Label: v", "Label (email) - v", "Label is v", "Label". */
function readSeparator(folded: string, at: number): { sep: Separator; start: number } | null {
  let pos = at;
  // The dot of an abbreviation that ends the label ("Nr.", "No.") when a separator or a space follows it.
  if (folded[pos] === '.' && !/[a-z0-9]/.test(folded[pos + 1] ?? '')) pos += 1;
  pos += PAREN.exec(folded.slice(pos))?.[0].length ?? 0;
  pos += CONNECTOR.exec(folded.slice(pos))?.[0].length ?? 0;
  const rest = folded.slice(pos);
  const colon = COLON.exec(rest);
  if (colon) return { sep: 'colon', start: pos + colon[0].length };
  if (rest.trim() === '') return { sep: 'end', start: folded.length };
  if (/^\s/.test(rest)) return { sep: 'space', start: pos + (rest.length - rest.trimStart().length) };
  return null;
}

function isFiller(word: LabelWord | undefined): boolean {
  return word !== undefined && word.concepts.size === 1 && word.concepts.has('filler');
}

// "Voucher number / Référence Microsoft :", "Voucher code / PIN:": synonyms separated by slashes, then a colon.
const SLASHED_HEAD = /^([^:：\n]{1,100}?\/[^:：\n]{1,100}?)\s*\.*\s*[:：]\s*/;
const MAX_UNKNOWN_WORDS = 3;

/**
 * A label made of synonyms separated by slashes ("Voucher code / PIN:"): the known synonyms must
 * all name the same field, and an unknown one of a few words is read as another name for it.
 * Synonyms that name different fields ("Customer / Program:") make no label at all ('conflict').
 */
function matchSlashedLabel(cell: string, folded: string): LabelMatch | 'conflict' | null {
  const head = SLASHED_HEAD.exec(folded);
  if (!head?.[1]) return null;
  const meanings = head[1].split('/').map((part) => {
    const words = leadingRun(part);
    const last = words[words.length - 1];
    const whole = last !== undefined && part.slice(last.end).trim().replace(/^\.$/, '') === '';
    return { meaning: whole ? classifyLabel(words) : null, size: part.trim().split(/\s+/).length };
  });
  const known = meanings.flatMap((m) => (m.meaning ? [m.meaning] : []));
  if (known.some((m) => m.field !== known[0]?.field)) return 'conflict';
  const first = meanings[0]?.meaning;
  if (!first || first.bare || meanings.some((m) => !m.meaning && m.size > MAX_UNKNOWN_WORDS)) return null;
  return {
    field: first.field,
    lang: first.lang,
    value: cell.slice(head[0].length).trim(),
    separator: 'colon',
    weak: meanings.every((m) => !m.meaning || m.meaning.weak),
  };
}

/** The label a cell starts with, with the value that follows it; null when the cell starts with no label. */
export function matchLabel(cell: string): LabelMatch | null {
  const folded = foldKeepLength(cell.slice(0, 200));
  if (folded.includes('/')) {
    const slashed = matchSlashedLabel(cell, folded);
    if (slashed === 'conflict') return null;
    if (slashed) return slashed;
  }
  const words = leadingRun(folded);
  const meaning = classifyLabel(words);
  if (!meaning) return null;
  let sep = readSeparator(folded, words[words.length - 1]?.end ?? 0);
  // Before a value with no separator, a trailing article belongs to the value: "Créé le 3 mars", "Gutschein-Nr. DE 4477".
  if (sep?.sep === 'space') {
    const kept = [...words];
    while (kept.length > 1 && isFiller(kept[kept.length - 1])) kept.pop();
    sep = readSeparator(folded, kept[kept.length - 1]?.end ?? 0) ?? sep;
  }
  if (!sep || (meaning.bare && sep.sep === 'space')) return null;
  return { field: meaning.field, lang: meaning.lang, value: cell.slice(sep.start).trim(), separator: sep.sep, weak: meaning.weak };
}
