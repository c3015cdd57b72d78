import { randomUUID } from 'node:crypto';
import { TurnContext, type Activity } from 'botbuilder';
import { isRefusal, type Refusal } from '../../domain/domain';
import type { Logger } from '../log';
import { messages } from '../i18n/messages';
import type { Answer, IncomingTurn } from '../routing/types';
import type { OnceKey, ProcessedActivityStore } from '../store/processed-activity.store';
import { deliverAnswer } from './deliver';
import { toIncoming } from './incoming';
import { teamsMembers } from './members';

export type { IncomingTurn, Reply } from '../routing/types';

/** What the router gives a turn: the answer, and how to present a refusal, a failure, a wait. */
export interface TurnResponder {
  respond(turn: IncomingTurn): Promise<Answer>;
  refusal(refusal: Refusal, turn: IncomingTurn): Promise<Answer>;
  apology(reference: string, turn: IncomingTurn): Answer;
  stillRunning(turn: IncomingTurn): Answer;
  /** Whether a click changes something, so an identical second click must get the first answer. */
  changes(turn: IncomingTurn): boolean;
}

const DAY_MS = 86_400_000;
/** A double click arrives within seconds; a later identical click is a new request. */
const CLICK_MS = 120_000;

/**
 * For a turn that may change something: the delivery's identity, and for a card click also the
 * click's (same card, verb and data), kept only when the click applied something, so that the same
 * click after a refusal runs again. A turn that only reads needs none: answering it again changes nothing.
 */
function onceKeys(activity: Activity, turn: IncomingTurn, changes: boolean): OnceKey[] {
  if (!changes) return [];
  const keys: OnceKey[] = turn.activityId ? [{ id: `activity|${turn.channelId}|${turn.conversationId}|${turn.activityId}`, ttlMs: DAY_MS }] : [];
  if (turn.invoke) {
    const click = [turn.conversationId, activity.replyToId ?? '', turn.userAadObjectId ?? '', turn.invoke.verb, stableJson(turn.invoke.data)];
    keys.push({ id: `click|${click.join('|')}`, ttlMs: CLICK_MS, onlyWhenApplied: true });
  }
  return keys;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs one turn: the one place that catches (STYLE.md §6). A refusal becomes the user's answer;
 * anything else is logged once with a reference the user sees in an apology. Each delivery is
 * applied once (processed activity ids in MongoDB). Logs one line per turn with the real outcome.
 */
export function createTurnLogic(log: Logger, responder: TurnResponder, once?: ProcessedActivityStore) {
  return async (context: TurnContext): Promise<void> => {
    const started = process.hrtime.bigint();
    const activity = context.activity;
    const turn = toIncoming(activity, TurnContext.removeRecipientMention(activity) ?? '', teamsMembers(context));
    let answer: Answer;
    let replayed = false;
    let reference: string | undefined;
    const produce = async () => {
      try {
        return { answer: await responder.respond(turn), keep: true };
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return { answer: await responder.refusal(error, turn), keep: true, applied: false };
      }
    };
    try {
      const keys = onceKeys(activity, turn, responder.changes(turn));
      const result = once && keys.length > 0 ? await once.run(keys, produce, () => responder.stillRunning(turn)) : { ...(await produce()), replayed: false };
      ({ answer, replayed } = result);
    } catch (error) {
      reference = randomUUID().slice(0, 8);
      log.error({ err: error, activityId: activity.id, reference }, 'turn failed');
      answer = responder.apology(reference, turn);
    }
    let outcome: string = answer.outcome;
    try {
      await deliverAnswer(context, turn, answer);
    } catch (sendError) {
      outcome = 'error';
      log.error({ err: sendError, activityId: activity.id, reference }, 'the answer could not be sent');
    }
    log.info(
      {
        activityId: activity.id,
        channel: turn.channelId,
        conversationId: turn.conversationId,
        userAadObjectId: turn.userAadObjectId,
        command: answer.command,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        outcome,
        replayed,
        reference,
      },
      'turn',
    );
  };
}

/** The foundation's responder (a welcome in the user's language), kept for callers not yet on the router. */
export const welcomeResponder: TurnResponder = {
  respond: async (turn) => ({ replies: turn.kind === 'message' ? [{ kind: 'text', text: messages[turn.locale].welcome }] : [], invoke: null, outcome: 'ok', command: turn.kind }),
  refusal: async (_refusal, turn) => ({ replies: [], invoke: null, outcome: 'refused', command: turn.kind }),
  apology: (reference, turn) => ({ replies: [{ kind: 'text', text: messages[turn.locale].apology(reference) }], invoke: null, outcome: 'error', command: turn.kind }),
  stillRunning: (turn) => ({ replies: [], invoke: null, outcome: 'ok', command: turn.kind }),
  changes: () => false,
};
