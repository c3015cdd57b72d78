import type { VerbData } from '../../cards/verbs';
import { routeText } from '../routing/route-text';
import type { RouterTables } from '../routing/tables';
import { text } from '../routing/answers';
import type { HandlerContext, Reply } from '../routing/types';

/** `help.suggest`: the "did you mean" button runs the suggested command as if typed (twin: `help`). */
export async function suggestAction(tables: RouterTables, ctx: HandlerContext, d: VerbData<'help.suggest'>): Promise<Reply> {
  const answer = await routeText(tables, { ...ctx, turn: { ...ctx.turn, text: d.text, htmlTexts: [], invoke: null, kind: 'message' } });
  return answer.replies[0] ?? text('');
}
