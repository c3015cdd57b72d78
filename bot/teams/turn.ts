import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { TurnContext, type Activity } from 'botbuilder';
import { isRefusal, type Refusal } from '../../domain/domain';
import type { Logger } from '../log';
import type { Answer, IncomingTurn } from '../routing/types';
import type { OnceKey, ProcessedActivityStore } from '../store/processed-activity.store';
import { arrivalOf, claimAnswer, lateMessages, slotOf, waitUntilOf, type LateAnswers } from './deadline';
import { deliverAnswer } from './deliver';
import { toIncoming } from './incoming';
import { teamsMembers } from './members';
import { DAY_MS } from '../../domain/calendar';

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

/** A double click arrives within seconds; a later identical click is a new request. */
const CLICK_MS = 120_000;

/**
 * For a turn that may change something: the delivery's identity, and for a card click also the
 * click's (same card, verb and data), kept only when the click applied something, so that the same
 * click after a refusal runs again. A turn that only reads needs none: answering it again changes nothing.
 */
function onceKeys(activity: Activity, turn: IncomingTurn, changes: boolean): OnceKey[] {
  // Teams tells an install twice (conversationUpdate and installationUpdate): one welcome per conversation.
  if (turn.botAdded) return [{ id: `welcome|${turn.channelId}|${turn.conversationId}`, ttlMs: DAY_MS }];
  if (!changes) return [];
  const keys: OnceKey[] = turn.activityId
    ? [{ id: `activity|${turn.channelId}|${turn.conversationId}|${turn.activityId}`, ttlMs: DAY_MS }]
    : [];
  if (turn.invoke) {
    const click = [
      turn.conversationId,
      activity.replyToId ?? '',
      turn.userAadObjectId ?? '',
      turn.invoke.verb,
      stableJson(turn.invoke.data),
    ];
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

type TurnResult = { answer: Answer; replayed: boolean; reference: string | undefined };

/**
 * The turn's answer: a refusal is an answer; anything else is logged once and answered with an
 * apology. A duplicate waits for the first delivery's answer until `waitUntil` (Date.now() time).
 */
async function answerOf(
  turn: IncomingTurn,
  activity: Activity,
  responder: TurnResponder,
  log: Logger,
  once: ProcessedActivityStore | undefined,
  waitUntil: number,
): Promise<TurnResult> {
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
    const result =
      once && keys.length > 0
        ? await once.run(keys, produce, () => responder.stillRunning(turn), waitUntil)
        : { ...(await produce()), replayed: false };
    return { ...result, reference: undefined };
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    log.error({ err: error, activityId: activity.id, reference }, 'turn failed');
    return { answer: responder.apology(reference, turn), replayed: false, reference };
  }
}

/** Sends an answer; a failure to send is logged (once, here) and makes the outcome 'error'. */
async function deliver(
  context: TurnContext,
  turn: IncomingTurn,
  answer: Answer,
  log: Logger,
  reference: string | undefined,
): Promise<boolean> {
  try {
    await deliverAnswer(context, turn, answer);
    return true;
  } catch (sendError) {
    log.error({ err: sendError, activityId: context.activity.id, reference }, 'the answer could not be sent');
    return false;
  }
}

/**
 * Where a late answer goes. A replayed one was (or will be) answered by the first delivery; with
 * expectReplies the HTTP answer was all there could be (the work is applied, and stored for a
 * redelivery); otherwise the outbox sends it.
 */
async function sendLate(activity: Activity, turn: IncomingTurn, result: TurnResult, late: LateAnswers | undefined): Promise<string> {
  if (result.replayed) return 'replayed';
  if (activity.deliveryMode === 'expectReplies') return 'kept';
  const messages = lateMessages(activity, turn, result.answer);
  if (messages.length === 0) return 'nothing to send';
  if (!late) return 'no outbox';
  await late.enqueue(messages);
  return 'queued';
}

/**
 * Runs one turn: the one place that catches (STYLE.md §6). A refusal becomes the user's answer;
 * anything else is logged once with a reference the user sees in an apology. A turn that may
 * change something is applied once (processed activity ids in MongoDB). A turn whose deadline
 * answered "still working" (bot/teams/deadline.ts, issue 8) sends its answer through the outbox
 * (`late`) instead: the HTTP answer has gone. Logs one line per turn with the real outcome:
 * `late` for a turn answered at its deadline.
 */
export function createTurnLogic(log: Logger, responder: TurnResponder, once?: ProcessedActivityStore, late?: LateAnswers) {
  return async (context: TurnContext): Promise<void> => {
    const arrived = arrivalOf(context);
    const slot = slotOf(context);
    const activity = context.activity;
    const turn = toIncoming(activity, TurnContext.removeRecipientMention(activity) ?? '', teamsMembers(context));
    const result = await answerOf(turn, activity, responder, log, once, slot ? waitUntilOf(slot) : Infinity);
    const line = (outcome: string, extra: Record<string, unknown> = {}) => {
      const durationMs = performance.now() - arrived;
      const { channelId: channel, conversationId, userAadObjectId } = turn;
      const { answer, replayed, reference } = result;
      log.info(
        {
          activityId: activity.id,
          channel,
          conversationId,
          userAadObjectId,
          command: answer.command,
          durationMs,
          outcome,
          replayed,
          reference,
          ...extra,
        },
        'turn',
      );
    };
    if (!slot || claimAnswer(slot)) {
      const { answer, replayed, reference } = result;
      // The conversation was welcomed already (or is being): a second welcome says nothing new.
      const sent = replayed && turn.botAdded ? true : await deliver(context, turn, answer, log, reference);
      return line(sent ? answer.outcome : 'error');
    }
    const delivery = await sendLate(activity, turn, result, late).catch((error: unknown) => {
      log.error({ err: error, activityId: activity.id, reference: result.reference }, 'the late answer could not be recorded for sending');
      return 'failed';
    });
    const answeredMs = (slot.answeredAt ?? performance.now()) - arrived;
    line('late', { answer: result.answer.outcome, answeredMs, told: slot.told, delivery });
  };
}
