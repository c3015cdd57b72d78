import { messages } from '../i18n/messages';
import { invokeAnswer } from './answers';
import { refusalView } from '../views/message.view';
import { allowed, type RouterTables } from './tables';
import type { Answer, HandlerContext } from './types';
import { parseInput } from '../../domain/refusal';

/**
 * A card click (`adaptiveCard/action`): parse the data with the verb's schema (a failure is a
 * refusal), check the role, run the handler. The handler passes the state the card showed to the
 * domain, which refuses VOUCHER_CHANGED when it moved (the turn then shows the current card).
 */
export async function routeVerb(tables: RouterTables, ctx: HandlerContext): Promise<Answer> {
  const t = messages[ctx.locale];
  const verb = ctx.turn.invoke?.verb ?? '';
  const entry = tables.verbs.find((v) => v.verb === verb);
  if (!entry) return invokeAnswer(refusalView(t.unknownVerb, ctx.locale), verb || 'invoke', 'refused');
  if (!allowed(entry.roles, ctx.actor.roles)) {
    const twin = tables.commands.find((c) => c.id === entry.twin);
    const name = twin ? (ctx.locale === 'fr' ? twin.fr : twin.en) : verb;
    return invokeAnswer(
      refusalView(
        t.notPermitted(
          name,
          entry.roles.map((r) => t.roles[r] ?? r),
        ),
        ctx.locale,
      ),
      verb,
      'refused',
    );
  }
  return invokeAnswer(await entry.handler(ctx, parseInput(entry.data, ctx.turn.invoke?.data)), verb);
}
