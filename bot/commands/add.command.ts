import { partnerAdmin } from '../../domain/partner/partner-admin';
import type { Role } from '../../domain/domain';
import { adminTexts } from '../i18n/admin';
import { examples } from '../i18n/examples';
import type { Handler, HandlerContext, Reply } from '../routing/types';
import { personFormView } from '../views/admin.view';
import { refusalView } from '../views/message.view';
import { anyWords, roleNamed, wordsWithoutMentions } from './admin-words';

/** `add <@mention> <role...> [location...]` / `ajouter`: a person found by mention, with roles and locations. */
export const addArgs = anyWords;

/** The mentioned person as Teams knows them in this tenant; a refusal to show otherwise. */
export async function mentionedMember(ctx: HandlerContext): Promise<{ aadObjectId: string; name: string; email: string | null } | Reply> {
  const t = adminTexts[ctx.locale];
  const mention = ctx.turn.mentions?.[0];
  if (!mention) return refusalView(t.mentionSomeone(examples[ctx.locale].add ?? 'add @name staff'), ctx.locale);
  const member = ctx.turn.members ? await ctx.turn.members.get(mention.aadObjectId ?? mention.id) : null;
  if (!member || (member.tenantId && member.tenantId !== ctx.turn.tenantId))
    return refusalView(t.notInTenant(mention.name || '?'), ctx.locale);
  return { aadObjectId: member.aadObjectId, name: member.name || mention.name, email: member.email };
}

export const addPerson: Handler<string[]> = async (ctx, tokens) => {
  const t = adminTexts[ctx.locale];
  const words = wordsWithoutMentions(tokens);
  const roles = [...new Set(words.map(roleNamed).filter((r): r is Role => r !== null))];
  const locationIds = words.filter((w) => roleNamed(w) === null).map((w) => w.toUpperCase());
  const member = await mentionedMember(ctx);
  if ('kind' in member) return member;
  if (roles.length === 0) return refusalView(t.noRoles(examples[ctx.locale].add ?? 'add @name staff'), ctx.locale);
  if (!member.email) return refusalView(t.noEmail(member.name), ctx.locale);
  const { person, added } = await partnerAdmin(ctx.domain.deps).people.addPerson(ctx.actor, {
    ...member,
    email: member.email,
    roles,
    locationIds,
  });
  return personFormView(ctx, person, added ? t.personAdded(person.name) : t.personUpdated(person.name));
};
