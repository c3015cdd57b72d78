import { toMessageData, type MessageButton } from '../../cards/message.card';
import { fill, labelsFor } from '../../cards/locale';
import { render } from '../../cards/render';
import type { HandlerContext, Reply } from '../routing/types';

export interface HelpRow {
  id: string;
  keyword: string;
  text: string;
  example: string;
}

/** Help: the person's roles, then one line per command they may run with an example, and paste. */
export async function helpView(ctx: HandlerContext, rows: HelpRow[]): Promise<Reply> {
  const l = labelsFor(ctx.locale);
  const roles = ctx.actor.roles.map((r) => (l.help.role as Record<string, string>)[r] ?? r).join(', ');
  const facts = rows.map((r) => ({ title: r.keyword, value: `${r.text} ${fill(l.help.example, { example: r.example })}` }));
  const buttons: MessageButton[] = rows.filter((r) => r.id === 'vouchers' || r.id === 'approvals').map((r) => ({ title: r.keyword, verb: 'help.suggest', data: { text: r.keyword } }));
  const canPaste = ctx.actor.roles.some((r) => r === 'admin' || r === 'staff');
  const data = toMessageData({ title: l.help.title, text: [fill(l.help.roles, { roles }), canPaste ? l.help.paste : ''].filter(Boolean).join('\n\n'), facts, buttons }, ctx.locale);
  return { kind: 'card', card: render('message', data) };
}
