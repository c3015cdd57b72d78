import { parseVoucherText } from '../../domain/intake/parse-voucher-email';
import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import { messages } from '../i18n/messages';
import { messageAnswer, text } from './answers';
import { labelsFor } from '../../cards/locale';
import { noticeView, notUnderstoodView, refusalView, suggestView } from '../views/message.view';
import { allowed, commandOf, type RouterTables } from './tables';
import { oneEditAway } from './normalise';
import { parseUserDate } from './dates';
import { cleanNumberWord, withNumbers } from './numbers';
import { isThanks, readCommand } from './read-command';
import { usageAnswerText } from './usage';
import type { Answer, CommandEntry, HandlerContext, IncomingTurn } from './types';

/** The best reading of a pasted email among the message text and its HTML attachments. */
function readEmail(turn: IncomingTurn): VoucherEmailAnalysis | null {
  const candidates = [turn.text, ...turn.htmlTexts].filter((s) => s.trim() !== '');
  const readings = candidates.map((s) => parseVoucherText(s));
  const score = (a: VoucherEmailAnalysis) =>
    (a.verdict === 'planning_voucher' ? 100 : 0) + (a.verdict !== 'no_voucher_number' ? 10 : 0) + (8 - a.result.missing.length);
  return readings.sort((a, b) => score(b) - score(a))[0] ?? null;
}

/**
 * Keywords one edit from a typed word, in the user's language first; a slip on the other
 * language's keyword ("reserv" from a French user) is suggested as the user's own keyword.
 */
function suggestions(commands: readonly CommandEntry[], typed: string, locale: HandlerContext['locale']): string[] {
  const own = (c: CommandEntry) => (locale === 'fr' ? c.fr : c.en);
  // The other language's keyword and the synonyms ("documnet" for document) come after the user's own keywords.
  const others = (c: CommandEntry) => [locale === 'fr' ? c.en : c.fr, ...(c.aliases ?? [])];
  const near = (pick: (c: CommandEntry) => string[]) => commands.filter((c) => oneEditAway(typed, pick(c)).length > 0);
  return [...new Set([...near((c) => [own(c)]), ...near(others)].map(own))];
}

/** A command's argument schema per locale, built once: building a zod schema costs more than parsing with it. */
const schemas = new WeakMap<CommandEntry, Map<HandlerContext['locale'], ReturnType<CommandEntry['args']>>>();
export function argsSchema(entry: CommandEntry, locale: HandlerContext['locale']): ReturnType<CommandEntry['args']> {
  const byLocale = schemas.get(entry) ?? new Map<HandlerContext['locale'], ReturnType<CommandEntry['args']>>();
  schemas.set(entry, byLocale);
  const schema = byLocale.get(locale) ?? entry.args(locale);
  byLocale.set(locale, schema);
  return schema;
}

/** A command this person's roles do not allow: which roles do, in their language; null when allowed. */
export function notPermitted(
  entry: CommandEntry,
  roles: HandlerContext['actor']['roles'],
  locale: HandlerContext['locale'],
): Answer | null {
  if (allowed(entry.roles, roles)) return null;
  const t = messages[locale];
  const named = t.notPermitted(
    locale === 'fr' ? entry.fr : entry.en,
    entry.roles.map((r) => t.roles[r] ?? r),
  );
  return messageAnswer(refusalView(named, locale), entry.id, 'refused');
}

async function runCommand(entry: CommandEntry, ctx: HandlerContext, args: string[]): Promise<Answer> {
  const refused = notPermitted(entry, ctx.actor.roles, ctx.locale);
  if (refused) return refused;
  const words = await withNumbers(entry, ctx, args);
  const parsed = argsSchema(entry, ctx.locale).safeParse(words);
  if (!parsed.success)
    return messageAnswer(refusalView(usageAnswerText(entry, ctx.locale, words, parsed.error), ctx.locale), entry.id, 'refused');
  return messageAnswer(await entry.handler(ctx, parsed.data), entry.id);
}

/**
 * A message: a keyword runs its command; a pasted voucher email shows the Voucher found card; a
 * word one edit from a keyword gets "did you mean"; anything else is told what was expected.
 */
export async function routeText(tables: RouterTables, ctx: HandlerContext): Promise<Answer> {
  const t = messages[ctx.locale];
  const read = readCommand(tables.commands, ctx.turn.text);
  const { entry, text: n } = read;
  const multiline = ctx.turn.htmlTexts.length > 0 || n.original.split('\n').length >= 3;
  const email = !entry || multiline || read.wordy ? readEmail(ctx.turn) : null;
  if (email?.verdict === 'planning_voucher') {
    if (!allowed(tables.email.roles, ctx.actor.roles))
      return messageAnswer(
        refusalView(
          t.notPermitted(
            ctx.locale === 'fr' ? 'e-mail de bon' : 'voucher email',
            tables.email.roles.map((r) => t.roles[r] ?? r),
          ),
          ctx.locale,
        ),
        'email',
        'refused',
      );
    return messageAnswer(await tables.email.handler(ctx, email), 'email');
  }
  // A pasted notice that is not a Planning Services voucher (training, cancelled...) is told so,
  // even when its first word happens to be a keyword ("Voucher Number: ...").
  if (email && email.verdict !== 'no_voucher_number' && (multiline || !entry || read.wordy)) {
    return messageAnswer(
      noticeView(labelsFor(ctx.locale).message.notVoucherTitle, t.notAVoucher(t.verdicts[email.verdict]), ctx.locale),
      'email',
      'unrecognised',
    );
  }
  if (entry) return runCommand(entry, ctx, read.args);
  if (isThanks(n)) return messageAnswer(text(t.thanks), 'thanks');
  const [suggestion] = n.tokens.length <= 8 ? suggestions(tables.commands, read.keyword, ctx.locale) : [];
  if (suggestion)
    return messageAnswer(suggestView(ctx, read.keyword, [suggestion, ...read.args].join(' ')), 'did-you-mean', 'unrecognised');
  // A voucher number alone ("DEMO-0001", "demo 0001") is read as `voucher <number>`: its card, or that no such voucher was found.
  const shown = tables.commands.find((c) => c.id === 'voucher');
  if (shown && looksLikeNumber(n.tokens, ctx.locale)) return runCommand(shown, ctx, n.tokens);
  return messageAnswer(notUnderstoodView(ctx.locale), commandOf(ctx.turn), 'unrecognised');
}

/** One to four pieces of letters, digits and hyphens, with a digit and not a date: what a voucher number typed alone looks like. */
function looksLikeNumber(tokens: readonly string[], locale: HandlerContext['locale']): boolean {
  const pieces = tokens.map(cleanNumberWord);
  const whole = pieces.join('');
  return (
    pieces.length >= 1 &&
    pieces.length <= 4 &&
    pieces.every((p) => /^[A-Za-z0-9][A-Za-z0-9-]*$/u.test(p)) &&
    /\d/u.test(whole) &&
    whole.length >= 5 &&
    !pieces.some((p) => parseUserDate(p, locale))
  );
}
