import type { Domain } from '../../domain/domain';
import { messages } from '../i18n/messages';
import { refusalView } from '../views/message.view';
import { messageAnswer } from './answers';
import { identify } from './identify';
import { fold, normaliseText } from './normalise';
import { isIdle, withoutTrailing } from './read-command';
import { argsSchema, notPermitted } from './route-text';
import type { Answer, CommandEntry, HandlerContext, IncomingTurn } from './types';

type PreRoute = (domain: Domain, turn: IncomingTurn) => Promise<Answer | null>;

/**
 * The entry whose English or French words open the message ("approvals channel here"), and the
 * words after them; politeness before or after is no part of it, as for one-word commands.
 */
function matchPhrase(entries: readonly CommandEntry[], text: string): { entry: CommandEntry; rest: string[] } | null {
  const tokens = withoutTrailing(normaliseText(text).tokens);
  for (let skip = 0; skip <= 4 && skip < tokens.length; skip += 1) {
    const words = tokens.slice(skip).map((w) => fold(w).replace(/[,:;]+$/u, ''));
    for (const entry of entries) {
      for (const phrase of [entry.en, entry.fr]) {
        const keys = fold(phrase).split(' ');
        if (keys.every((k, i) => words[i] === k)) return { entry, rest: tokens.slice(skip + keys.length) };
      }
    }
    if (!isIdle(tokens[skip] ?? '')) break;
  }
  return null;
}

/**
 * Commands named by several words, whose first word is another command's keyword ("approvals
 * channel here" next to "approvals"): matched on the whole phrase before the one-word keywords,
 * with the same role check and argument parsing as every command.
 */
export function phraseRoute(entries: readonly CommandEntry[]): PreRoute {
  return async (domain, turn) => {
    if (turn.kind !== 'message') return null;
    const match = matchPhrase(entries, turn.text);
    if (!match) return null;
    const { entry, rest } = match;
    const who = await identify(domain, turn);
    if ('unknownTenant' in who) return null;
    const refused = notPermitted(entry, who.actor.roles, turn.locale);
    if (refused) return refused;
    const t = messages[turn.locale];
    const parsed = argsSchema(entry, turn.locale).safeParse(rest);
    if (!parsed.success)
      return messageAnswer(refusalView(t.usage(turn.locale === 'fr' ? entry.fr : entry.en), turn.locale), entry.id, 'refused');
    const ctx: HandlerContext = { domain, actor: who.actor, partner: who.partner, partnerName: who.partnerName, locale: turn.locale, turn };
    return messageAnswer(await entry.handler(ctx, parsed.data), entry.id);
  };
}

/** Runs pre-routes in order; the first that answers wins. */
export function firstAnswer(...routes: ReadonlyArray<PreRoute | undefined>): PreRoute {
  return async (domain, turn) => {
    for (const route of routes) {
      const answer = route ? await route(domain, turn) : null;
      if (answer) return answer;
    }
    return null;
  };
}
