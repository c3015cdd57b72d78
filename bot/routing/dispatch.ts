import { isVerb } from '../../cards/verbs';
import type { MessageButton } from '../../cards/message.card';
import type { Domain, Refusal } from '../../domain/domain';
import { reasonOf } from '../../domain/domain';
import { fieldWord } from '../../domain/words';
import type { TurnResponder } from '../teams/turn';
import { messages } from '../i18n/messages';
import { answerFor, invokeAnswer, messageAnswer, text } from './answers';
import { voucherView } from '../views/voucher.view';
import { identify, strangerView } from './identify';
import { apologyView, refusalView, unknownTenantView } from '../views/message.view';
import { welcomeView } from '../views/help.view';
import { routeText } from './route-text';
import { readCommand } from './read-command';
import { routeVerb } from './route-verb';
import { commandOf, type RouterTables } from './tables';
import type { Answer, HandlerContext, IncomingTurn, Reply } from './types';

/** Whether the turn may change something, so that each delivery must be applied once. */
function changes(tables: RouterTables, turn: IncomingTurn): boolean {
  if (turn.invoke) return Boolean(tables.verbs.find((v) => v.verb === turn.invoke?.verb)?.changes);
  if (turn.kind !== 'message') return false;
  // Read as the router reads it (politeness, synonyms), so that a write typed any way is applied once.
  return Boolean(readCommand(tables.commands, turn.text).entry?.changes);
}

/** The welcome names the partner when the tenant has one. */
async function welcome(domain: Domain, turn: IncomingTurn): Promise<Reply> {
  const partner = turn.tenantId ? await domain.partners.byTenant(turn.tenantId) : null;
  return welcomeView(partner?.name ?? null, turn.locale, domain.deps.clock.now());
}

async function respond(domain: Domain, tables: RouterTables, turn: IncomingTurn): Promise<Answer> {
  if (turn.botAdded) return messageAnswer(await welcome(domain, turn), 'welcome');
  const isAction = turn.kind === 'invoke' && turn.invoke?.name === 'adaptiveCard/action';
  if (turn.kind !== 'message' && !isAction) return { replies: [], invoke: null, outcome: 'ignored', command: commandOf(turn) };
  const kind = isAction ? 'invoke' : 'message';
  const first = tables.firstRun ? await tables.firstRun(domain, turn) : null;
  if (first) return first;
  const who = await identify(domain, turn, { fresh: changes(tables, turn) });
  if ('unknownTenant' in who) return answerFor(kind, unknownTenantView(turn.locale), commandOf(turn), 'unknown-tenant');
  const ctx: HandlerContext = { domain, actor: who.actor, partner: who.partner, partnerName: who.partnerName, locale: turn.locale, turn };
  return isAction ? routeVerb(tables, ctx) : routeText(tables, ctx);
}

/**
 * A click on a card whose voucher changed since it was shown: the voucher's current card, with a
 * line saying what changed (the domain's VOUCHER_CHANGED reason), and nothing applied.
 */
async function staleView(domain: Domain, turn: IncomingTurn, line: string): Promise<Reply | null> {
  const data = turn.invoke?.data as { voucherId?: unknown } | undefined;
  const who = await identify(domain, turn);
  if ('unknownTenant' in who || typeof data?.voucherId !== 'string') return null;
  const ctx: HandlerContext = { domain, actor: who.actor, partner: who.partner, partnerName: who.partnerName, locale: turn.locale, turn };
  return voucherView(ctx, data.voucherId, [line]);
}

/** Field names of an INVALID_INPUT refusal become the user's words for them (a card's, else the domain's). */
function refusalText(refusal: Refusal, locale: IncomingTurn['locale']): string {
  if (refusal.code !== 'INVALID_INPUT') return reasonOf(refusal, locale);
  const t = messages[locale];
  const fields = (refusal.params as { fields: string[] }).fields.map((f) => t.fields[f.split('.')[0] ?? ''] ?? fieldWord(f, locale));
  return t.invalidFields([...new Set(fields)]);
}

/**
 * A refused form submission replaces the form for the clicker (Universal Actions): the refusal
 * then offers the form again (its `-form` verb, same voucher and shown state), so what to correct
 * is one click away instead of a command to retype.
 */
function formAgain(tables: RouterTables, turn: IncomingTurn): MessageButton[] {
  const data = turn.invoke?.data as { voucherId?: unknown; expectedState?: unknown } | undefined;
  const form = tables.verbs.find((v) => v.verb === `${turn.invoke?.verb ?? ''}-form`);
  if (!form || typeof data?.voucherId !== 'string' || typeof data.expectedState !== 'string' || !isVerb(form.verb)) return [];
  return [
    {
      title: messages[turn.locale].formAgain,
      verb: form.verb,
      data: { voucherId: data.voucherId, expectedState: data.expectedState },
    } as MessageButton,
  ];
}

/** The router as the turn sees it: answers, and how refusals, failures and waits read. */
export function createResponder(domain: Domain, tables: RouterTables): TurnResponder {
  const kindOf = (turn: IncomingTurn) => (turn.kind === 'invoke' ? 'invoke' : 'message');
  return {
    respond: (turn) => respond(domain, tables, turn),
    async refusal(refusal, turn) {
      if (refusal.code === 'VOUCHER_CHANGED' && turn.kind === 'invoke') {
        const current = await staleView(domain, turn, reasonOf(refusal, turn.locale));
        if (current) return invokeAnswer(current, commandOf(turn), 'stale');
      }
      if (refusal.code === 'PERSON_NOT_FOUND')
        return answerFor(kindOf(turn), await strangerView(domain, turn), commandOf(turn), 'unknown-person');
      return answerFor(
        kindOf(turn),
        refusalView(refusalText(refusal, turn.locale), turn.locale, formAgain(tables, turn)),
        commandOf(turn),
        'refused',
      );
    },
    apology: (reference, turn) => answerFor(kindOf(turn), apologyView(reference, turn.locale), commandOf(turn), 'error'),
    changes: (turn) => changes(tables, turn),
    stillRunning: (turn) => answerFor(kindOf(turn), text(messages[turn.locale].stillRunning), commandOf(turn), 'ok'),
  };
}
