import type { z } from 'zod';
import { labelsFor } from '../../cards/locale';
import { examples } from '../i18n/examples';
import { messages, type Locale } from '../i18n/messages';
import type { CommandEntry } from './types';

/** The argument names of a command's usage line ("schedule <number> <start> <end> [consultant]"), required ones flagged. */
function placeholders(usage: string): Array<{ name: string; required: boolean }> {
  return [...usage.matchAll(/(\[)?<([^>]+)>|\[([^\]<]+)\]/gu)].map((m) => ({
    name: `<${m[2] ?? m[3] ?? ''}>`,
    required: !m[1] && m[2] !== undefined,
  }));
}

/** Placeholders that hold a date, in both languages' usage lines. */
const DATE_NAMES = /^<(date|start|end|début|fin)>$/u;

/** The usage line of a command from the help labels (cards/i18n), if it has one. */
function usageOf(entry: CommandEntry, locale: Locale): string | undefined {
  const commands = labelsFor(locale).help.commands as Record<string, { usage: string } | undefined>;
  return commands[entry.id]?.usage;
}

/**
 * What a schema that reads its words itself (connecting words left out: "from … to …") says went
 * wrong: the typed word it could not read as which placeholder (`word`, `placeholder`), or a
 * placeholder missing (`placeholder` alone). See `wordIssue` in bot/commands/lookup.ts.
 */
function placedIssue(error: z.ZodError): { word?: number; placeholder: number } | undefined {
  for (const issue of error.issues) {
    const params = (issue as { params?: { word?: unknown; placeholder?: unknown } }).params;
    if (typeof params?.placeholder === 'number')
      return { placeholder: params.placeholder, ...(typeof params.word === 'number' ? { word: params.word } : {}) };
  }
  return undefined;
}

/** Which typed word the schema could not read: the first issue that points at a position. */
function badPosition(error: z.ZodError, count: number): number | undefined {
  for (const issue of error.issues) {
    const [index] = issue.path;
    if (typeof index === 'number' && index < count) return index;
  }
  return undefined;
}

/** "I could not read <typed> as <what>", with the date forms when <what> is a date. */
function unreadable(t: (typeof messages)[Locale], typed: string, what: string, usage: string, example: string): string {
  const text = t.usageUnreadable(typed.length > 40 ? `${typed.slice(0, 40)}…` : typed, what, usage, example);
  return DATE_NAMES.test(what) ? `${text}\n\n${t.dateHint}` : text;
}

/**
 * What a user who typed a command with missing or unreadable words reads: which argument is
 * missing (or which word could not be read, and how dates are written), the usage line and an
 * example, in their language. A command with no usage line gets the example alone.
 */
export function usageAnswerText(entry: CommandEntry, locale: Locale, args: readonly string[], error: z.ZodError): string {
  const t = messages[locale];
  const example = examples[locale][entry.id] ?? (locale === 'fr' ? entry.fr : entry.en);
  const usage = usageOf(entry, locale);
  if (!usage) return t.usage(example);
  const wanted = placeholders(usage);
  const placed = placedIssue(error);
  const placedName = placed ? wanted[placed.placeholder]?.name : undefined;
  if (placed && placedName) {
    if (placed.word !== undefined && args[placed.word] !== undefined)
      return unreadable(t, args[placed.word] ?? '', placedName, usage, example);
    return t.usageMissing(placedName, usage, example);
  }
  // A word that cannot be read is named first ("schedule X tomorrow" is about "tomorrow", then the end).
  const bad = badPosition(error, args.length);
  const what = bad === undefined ? undefined : wanted[bad]?.name;
  if (bad !== undefined && what) return unreadable(t, args[bad] ?? '', what, usage, example);
  const missing = wanted
    .slice(args.length)
    .filter((p) => p.required)
    .map((p) => p.name);
  if (missing.length > 0) return t.usageMissing(missing.join(' '), usage, example);
  return t.usageCheck(usage, example);
}
