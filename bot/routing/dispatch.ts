import type { Domain, Refusal } from '../../domain/domain';
import { reasonOf } from '../../domain/domain';
import type { TurnResponder } from '../teams/turn';
import { messages } from '../i18n/messages';
import { answerFor, messageAnswer, text } from './answers';
import { identify, strangerMessage } from './identify';
import { routeText } from './route-text';
import { routeVerb } from './route-verb';
import { commandOf, type RouterTables } from './tables';
import type { Answer, HandlerContext, IncomingTurn } from './types';

async function respond(domain: Domain, tables: RouterTables, turn: IncomingTurn): Promise<Answer> {
  if (turn.botAdded) return messageAnswer(tables.welcome(turn.locale), 'welcome');
  const isAction = turn.kind === 'invoke' && turn.invoke?.name === 'adaptiveCard/action';
  if (turn.kind !== 'message' && !isAction) return { replies: [], invoke: null, outcome: 'ignored', command: commandOf(turn) };
  const kind = isAction ? 'invoke' : 'message';
  const who = await identify(domain, turn);
  if ('unknownTenant' in who) return answerFor(kind, text(who.unknownTenant), commandOf(turn), 'unknown-tenant');
  const ctx: HandlerContext = { domain, actor: who.actor, partnerName: who.partnerName, locale: turn.locale, turn };
  return isAction ? routeVerb(tables, ctx) : routeText(tables, ctx);
}

/** Field names of an INVALID_INPUT refusal become the user's words for them. */
function refusalText(refusal: Refusal, locale: IncomingTurn['locale']): string {
  if (refusal.code !== 'INVALID_INPUT') return reasonOf(refusal, locale);
  const t = messages[locale];
  const fields = (refusal.params as { fields: string[] }).fields.map((f) => t.fields[f.split('.')[0] ?? ''] ?? t.fields.text ?? f);
  return t.invalidFields([...new Set(fields)]);
}

/** The router as the turn sees it: answers, and how refusals, failures and waits read. */
export function createResponder(domain: Domain, tables: RouterTables): TurnResponder {
  const kindOf = (turn: IncomingTurn) => (turn.kind === 'invoke' ? 'invoke' : 'message');
  return {
    respond: (turn) => respond(domain, tables, turn),
    async refusal(refusal, turn) {
      if (refusal.code === 'PERSON_NOT_FOUND') return answerFor(kindOf(turn), text(await strangerMessage(domain, turn)), commandOf(turn), 'unknown-person');
      return answerFor(kindOf(turn), text(refusalText(refusal, turn.locale)), commandOf(turn), 'refused');
    },
    apology: (reference, turn) => ({ ...answerFor(kindOf(turn), text(messages[turn.locale].apology(reference)), commandOf(turn)), outcome: 'error' }),
    stillRunning: (turn) => answerFor(kindOf(turn), text(messages[turn.locale].stillRunning), commandOf(turn), 'ok'),
  };
}
