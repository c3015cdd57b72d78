import { messages } from '../i18n/messages';
import { invokeAnswer, text } from './answers';
import { allowed, type RouterTables } from './tables';
import type { Answer, HandlerContext } from './types';
import { parseInput } from '../../domain/refusal';

/** What the card showed, when it names a voucher and its state. */
function shownState(data: unknown): { voucherId: string; expectedState: string } | null {
  if (!data || typeof data !== 'object') return null;
  const { voucherId, expectedState } = data as Record<string, unknown>;
  return typeof voucherId === 'string' && typeof expectedState === 'string' ? { voucherId, expectedState } : null;
}

/**
 * A card click (`adaptiveCard/action`): parse the data with the verb's schema (a failure is a
 * refusal), check the role, and when the voucher's state moved since the card was shown, answer
 * with the current card and a line saying what changed, without applying anything.
 */
export async function routeVerb(tables: RouterTables, ctx: HandlerContext): Promise<Answer> {
  const t = messages[ctx.locale];
  const verb = ctx.turn.invoke?.verb ?? '';
  const entry = tables.verbs.find((v) => v.verb === verb);
  if (!entry) return invokeAnswer(text(t.unknownVerb), verb || 'invoke', 'refused');
  if (!allowed(entry.roles, ctx.actor.roles)) {
    const twin = tables.commands.find((c) => c.id === entry.twin);
    const name = twin ? (ctx.locale === 'fr' ? twin.fr : twin.en) : verb;
    return invokeAnswer(text(t.notPermitted(name, entry.roles.map((r) => t.roles[r] ?? r))), verb, 'refused');
  }
  const data = parseInput(entry.data, ctx.turn.invoke?.data);
  const shown = shownState(data);
  if (shown) {
    const v = await ctx.domain.vouchers.get(ctx.actor, shown.voucherId);
    if (v.state !== shown.expectedState) {
      const notice = t.stale(v.number, t.states[shown.expectedState] ?? shown.expectedState, t.states[v.state] ?? v.state);
      return invokeAnswer(await tables.voucherView(ctx, v, notice), verb, 'stale');
    }
  }
  return invokeAnswer(await entry.handler(ctx, data), verb);
}
