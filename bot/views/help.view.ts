import { toHelpData, toWelcomeData, type HelpCommand } from '../../cards/help.card';
import { labelsFor } from '../../cards/locale';
import { render } from '../../cards/render';
import type { Role } from '../../domain/domain';
import type { Locale } from '../i18n/messages';
import type { HandlerContext, Reply } from '../routing/types';

/** Help: the person's roles, then the commands they may run, each with an example. */
export async function helpView(ctx: HandlerContext, commandIds: readonly string[]): Promise<Reply> {
  const known = Object.keys(labelsFor(ctx.locale).help.commands);
  const commands = commandIds.filter((id): id is HelpCommand => known.includes(id));
  const roles = ctx.actor.roles.filter((r): r is Role => r !== 'system');
  return { kind: 'card', card: render('help', toHelpData(roles, commands, { locale: ctx.locale, now: ctx.domain.deps.clock.now() })) };
}

/** The welcome card on install or when the bot is added to a team. */
export function welcomeView(partnerName: string | null, locale: Locale, now: Date): Reply {
  return { kind: 'card', card: render('welcome', toWelcomeData(partnerName, { locale, now })) };
}
