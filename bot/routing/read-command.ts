import { fold, normaliseText, type NormalisedText } from './normalise';
import type { CommandEntry } from './types';

/**
 * Which command a message names, read the way staff type (STYLE.md §3: the first word names the
 * command): words of politeness or of asking around it ("please", "show me the", "svp", "merci")
 * are no part of the command, and a command may be named by its keyword in either language or by
 * one of its synonyms (the source document's "document" for a voucher, plural forms, ...).
 */
export interface ReadCommand {
  entry: CommandEntry | undefined;
  /** The folded word that named the command, or the first word when none did. */
  keyword: string;
  /** The words after the command's name, as typed (NFC), politeness removed. */
  args: string[];
  text: NormalisedText;
  /** Words were left out before the command's name: the message may as well be a pasted email. */
  wordy: boolean;
}

/**
 * Words that may come before the command's name and say nothing about it. Only removed while
 * the first word is not a keyword, and never more than six of them.
 */
const LEADING = new Set(
  [
    'please',
    'pls',
    'plz',
    'kindly',
    'can',
    'could',
    'would',
    'will',
    'you',
    'u',
    'i',
    'want',
    'to',
    'like',
    'need',
    "i'd",
    'id',
    'show',
    'me',
    'list',
    'display',
    'get',
    'open',
    'see',
    'view',
    'find',
    'give',
    'my',
    'the',
    'a',
    'all',
    'ok',
    'okay',
    'bot',
    'svp',
    'stp',
    'merci',
    'de',
    'pouvez-vous',
    'peux-tu',
    'pourriez-vous',
    'tu',
    'peux',
    'pouvez',
    'vous',
    'je',
    'veux',
    'voudrais',
    'affiche',
    'afficher',
    'affichez',
    'montre',
    'montrer',
    'montrez',
    'moi',
    'montre-moi',
    'montrez-moi',
    'affiche-moi',
    'voir',
    'liste',
    'lister',
    'listez',
    'donne-moi',
    'donnez-moi',
    'mes',
    'les',
    'le',
    'la',
    "l'",
    'un',
    'une',
    'tous',
    'toutes',
    'ouvrir',
    'ouvre',
    'des',
    'what',
    'where',
    'is',
    'are',
    'quels',
    'quelles',
    'quel',
    'quelle',
    'sont',
    'ou',
    'en',
    'est',
  ].map(fold),
);

/** A greeting alone ("hi", "bonjour") is answered with help; before a command it is left out like politeness. */
const GREETINGS = new Set(['hi', 'hello', 'hey', 'hiya', 'bonjour', 'salut', 'coucou', 'bonsoir', 'yo'].map(fold));

/** Questions that ask for help in so many words. */
const HELP_QUESTIONS = new Set(
  [
    'what can i do',
    'what can you do',
    'how does it work',
    'how does this work',
    'how do i start',
    'que puis-je faire',
    'que peux-tu faire',
    'que pouvez-vous faire',
    'comment ca marche',
    'comment ca fonctionne',
    'comment faire',
    'par ou commencer',
  ].map(fold),
);

/** A message of thanks or acknowledgement alone ("thanks!", "merci beaucoup", "ok"): nothing to run. */
const THANKS = new Set(
  [
    'thanks',
    'thank',
    'you',
    'thx',
    'ty',
    'ok',
    'okay',
    'great',
    'perfect',
    'cool',
    'merci',
    'beaucoup',
    'parfait',
    'super',
    'génial',
    'top',
    'a lot',
    'much',
    'so',
    'very',
    '👍',
  ].map(fold),
);
export const isThanks = (text: NormalisedText): boolean =>
  text.tokens.length > 0 && text.tokens.length <= 4 && text.tokens.every((w) => THANKS.has(asKeyword(w)));

/** Words of politeness that may end a message ("reserve DEMO-0001 please", "aide svp", "merci"). */
const TRAILING = [
  ['please'],
  ['pls'],
  ['plz'],
  ['thanks'],
  ['thank', 'you'],
  ['thx'],
  ['svp'],
  ['stp'],
  ['merci'],
  ["s'il", 'vous', 'plait'],
  ["s'il", 'te', 'plait'],
  ['sil', 'vous', 'plait'],
].map((ws) => ws.map(fold));

/** A word as a keyword: folded, without a leading slash ("/help") or closing punctuation ("help:", "reserve,"), typographic apostrophes plain. */
const asKeyword = (word: string): string =>
  fold(word)
    .replace(/^\/+/u, '')
    .replace(/[,:;]+$/u, '')
    .replace(/[’]/gu, "'");

export function findCommand(commands: readonly CommandEntry[], keyword: string): CommandEntry | undefined {
  const k = asKeyword(keyword);
  return commands.find((c) => fold(c.en) === k || fold(c.fr) === k) ?? commands.find((c) => (c.aliases ?? []).some((a) => fold(a) === k));
}

/** A word that may come before a command's name and says nothing about it (politeness, a greeting, "@Bot"). */
export const isIdle = (word: string): boolean => LEADING.has(asKeyword(word)) || GREETINGS.has(asKeyword(word)) || /^@\S/u.test(word);

/** Removes a closing politeness phrase, and the comma before it ("reserve DEMO-0001, please"). */
export function withoutTrailing(words: string[]): string[] {
  const folded = words.map(asKeyword);
  for (const phrase of TRAILING) {
    const start = words.length - phrase.length;
    if (start >= 1 && phrase.every((p, i) => folded[start + i] === p)) {
      const kept = words.slice(0, start);
      const last = kept.at(-1);
      if (last !== undefined) kept[kept.length - 1] = last.replace(/[,;]+$/u, '');
      return withoutTrailing(kept.filter(Boolean));
    }
  }
  return words;
}

export function readCommand(commands: readonly CommandEntry[], raw: string): ReadCommand {
  const text = normaliseText(raw);
  const words = withoutTrailing(text.tokens);
  let skip = 0;
  const idle = isIdle;
  while (skip < 6 && skip < words.length - 1 && !findCommand(commands, words[skip] ?? '') && idle(words[skip] ?? '')) skip += 1;
  const question = HELP_QUESTIONS.has(words.map(asKeyword).join(' ').replace(/[’]/gu, "'"));
  const greeting = question || (words.length > 0 && words.length <= 3 && GREETINGS.has(asKeyword(words[0] ?? '')) && words.every(idle));
  const entry = greeting ? commands.find((c) => c.id === 'help') : findCommand(commands, words[skip] ?? '');
  if (greeting) return { entry, keyword: asKeyword(words[0] ?? ''), args: [], text, wordy: false };
  // No command: the first word after politeness is what "did you mean" looks at ("please reserv X").
  if (!entry)
    return skip > 0
      ? { entry, keyword: asKeyword(words[skip] ?? ''), args: words.slice(skip + 1), text, wordy: false }
      : { entry, keyword: text.keyword, args: text.tokens.slice(1), text, wordy: false };
  return { entry, keyword: asKeyword(words[skip] ?? ''), args: words.slice(skip + 1), text, wordy: skip > 0 };
}
