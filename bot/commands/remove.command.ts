import { partnerAdmin } from '../../domain/partner/partner-admin';
import { adminTexts } from '../i18n/admin';
import { examples } from '../i18n/examples';
import type { Handler, HandlerContext, Reply } from '../routing/types';
import { peopleView } from '../views/admin.view';
import { refusalView } from '../views/message.view';
import { anyWords } from './admin-words';

/** `remove <@mention>` / `retirer`: the person leaves the partner; their audit entries stay. */
export const removeArgs = anyWords;

/** Removes by AAD object id and answers with the people card (shared with the card's Remove). */
export async function removeAndList(ctx: HandlerContext, aadObjectId: string): Promise<Reply> {
  const person = await partnerAdmin(ctx.domain.deps).people.removePerson(ctx.actor, { aadObjectId });
  return peopleView(ctx, adminTexts[ctx.locale].personRemoved(person.name));
}

export const removePerson: Handler<string[]> = async (ctx) => {
  const t = adminTexts[ctx.locale];
  const mention = ctx.turn.mentions?.[0];
  if (!mention) return refusalView(t.mentionSomeone(examples[ctx.locale].remove ?? 'remove @name'), ctx.locale);
  // Someone who left the tenant is no longer on Teams' roster: the mention's own AAD id still names them.
  const aadObjectId = mention.aadObjectId ?? (ctx.turn.members ? (await ctx.turn.members.get(mention.id))?.aadObjectId : undefined);
  const known = aadObjectId ? await partnerAdmin(ctx.domain.deps).people.findPerson(ctx.actor, aadObjectId) : null;
  if (!known) return refusalView(t.personUnknown, ctx.locale);
  return removeAndList(ctx, known.aadObjectId);
};
