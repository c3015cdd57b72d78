import { parseVoucherText } from '../../domain/intake/parse-voucher-email';
import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import { messages } from '../i18n/messages';
import { examples } from '../i18n/examples';
import { messageAnswer } from './answers';
import { labelsFor } from '../../cards/locale';
import { noticeView, notUnderstoodView, refusalView, suggestView } from '../views/message.view';
import { allowed, commandOf, type RouterTables } from './tables';
import { fold, normaliseText, oneEditAway } from './normalise';
import type { Answer, CommandEntry, HandlerContext, IncomingTurn } from './types';

/** The best reading of a pasted email among the message text and its HTML attachments. */
function readEmail(turn: IncomingTurn): VoucherEmailAnalysis | null {
  const candidates = [turn.text, ...turn.htmlTexts].filter((s) => s.trim() !== '');
  const readings = candidates.map((s) => parseVoucherText(s));
  const score = (a: VoucherEmailAnalysis) => (a.verdict === 'planning_voucher' ? 100 : 0) + (a.verdict !== 'no_voucher_number' ? 10 : 0) + (8 - a.result.missing.length);
  return readings.sort((a, b) => score(b) - score(a))[0] ?? null;
}

export function findCommand(commands: readonly CommandEntry[], keyword: string): CommandEntry | undefined {
  return commands.find((c) => fold(c.en) === keyword || fold(c.fr) === keyword);
}

async function runCommand(entry: CommandEntry, ctx: HandlerContext, args: string[]): Promise<Answer> {
  const t = messages[ctx.locale];
  if (!allowed(entry.roles, ctx.actor.roles)) {
    return messageAnswer(refusalView(t.notPermitted(ctx.locale === 'fr' ? entry.fr : entry.en, entry.roles.map((r) => t.roles[r] ?? r)), ctx.locale), entry.id, 'refused');
  }
  const parsed = entry.args(ctx.locale).safeParse(args);
  if (!parsed.success) return messageAnswer(refusalView(t.usage(examples[ctx.locale][entry.id] ?? entry.en), ctx.locale), entry.id, 'refused');
  return messageAnswer(await entry.handler(ctx, parsed.data), entry.id);
}

/**
 * A message: a keyword runs its command; a pasted voucher email shows the Voucher found card; a
 * word one edit from a keyword gets "did you mean"; anything else is told what was expected.
 */
export async function routeText(tables: RouterTables, ctx: HandlerContext): Promise<Answer> {
  const t = messages[ctx.locale];
  const n = normaliseText(ctx.turn.text);
  const entry = findCommand(tables.commands, n.keyword);
  const multiline = ctx.turn.htmlTexts.length > 0 || n.original.split('\n').length >= 3;
  const email = !entry || multiline ? readEmail(ctx.turn) : null;
  if (email?.verdict === 'planning_voucher') {
    if (!allowed(tables.email.roles, ctx.actor.roles)) return messageAnswer(refusalView(t.notPermitted(ctx.locale === 'fr' ? 'e-mail de bon' : 'voucher email', tables.email.roles.map((r) => t.roles[r] ?? r)), ctx.locale), 'email', 'refused');
    return messageAnswer(await tables.email.handler(ctx, email), 'email');
  }
  // A pasted notice that is not a Planning Services voucher (training, cancelled...) is told so,
  // even when its first word happens to be a keyword ("Voucher Number: ...").
  if (email && email.verdict !== 'no_voucher_number' && (multiline || !entry)) {
    return messageAnswer(noticeView(labelsFor(ctx.locale).message.notVoucherTitle, t.notAVoucher(t.verdicts[email.verdict]), ctx.locale), 'email', 'unrecognised');
  }
  if (entry) return runCommand(entry, ctx, n.tokens.slice(1));
  const keywords = tables.commands.map((c) => (ctx.locale === 'fr' ? c.fr : c.en));
  const [suggestion] = n.tokens.length <= 8 ? oneEditAway(n.keyword, keywords) : [];
  if (suggestion) return messageAnswer(suggestView(ctx, n.tokens[0] ?? '', [suggestion, ...n.tokens.slice(1)].join(' ')), 'did-you-mean', 'unrecognised');
  return messageAnswer(notUnderstoodView(ctx.locale), commandOf(ctx.turn), 'unrecognised');
}
