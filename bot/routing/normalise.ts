import { distance } from 'fastest-levenshtein';

/**
 * Text as the router reads it (STYLE.md §3): normalised once. `folded` is for matching keywords
 * (lower case, accents folded); `tokens` keep what the user typed (NFC) for arguments such as a
 * reason or a consultant's name.
 */
export interface NormalisedText {
  original: string;
  folded: string;
  tokens: string[];
  keyword: string;
}

/** Lower case without diacritics: "Réserver" and "reserver" match the same keyword. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

export function normaliseText(raw: string): NormalisedText {
  // People end a command like a sentence ("help.", "voucher DEMO-0001?"): the punctuation is no part of it.
  // Invisible characters Teams clients insert, and a mention of the bot the client left in the
  // text (a channel message), are no part of it either; nor a leading slash ("/help").
  const original = raw
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/gu, '')
    .replace(/^\s*(?:<at>[^<]{0,200}<\/at>\s*)+/iu, '')
    .trim()
    .replace(/\s*[.!?…]+$/u, '');
  const tokens = original.split(/\s+/u).filter(Boolean);
  return {
    original,
    folded: fold(original),
    tokens,
    keyword: fold(tokens[0] ?? '')
      .replace(/^\/+/u, '')
      .replace(/[,:;]+$/u, ''),
  };
}

/** Two neighbouring letters swapped ("resreve"): one slip of the fingers, so one edit. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** The keywords one edit away from what was typed (insertion, deletion, substitution or swap). */
export function oneEditAway(word: string, keywords: readonly string[]): string[] {
  if (word.length < 2) return [];
  return keywords.filter((k) => distance(word, fold(k)) === 1 || isTransposition(word, fold(k)));
}
