import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ActivityTypes, DeliveryModes, INVOKE_RESPONSE_KEY, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { toMessageData } from '../../cards/message.card';
import { render } from '../../cards/render';
import { deadlineTexts } from '../i18n/deadline';
import type { Logger } from '../log';
import { lateAnswerMessage } from '../proactive/late-answer';
import type { NewMessage } from '../proactive/outbox';
import { commandOf } from '../routing/tables';
import type { Answer, IncomingTurn, Reply } from '../routing/types';
import { captureOf } from './conversation-capture';
import { deliverAnswer } from './deliver';
import { attachedFiles } from './file-turn';
import { toIncoming } from './incoming';
import { referenceOf } from './proactive';

/**
 * Teams' limit (issue 8; TEAMS.md, Platform limits): a click that takes more than a few seconds
 * shows an error and a message not answered within 15 s is delivered again. A turn therefore
 * gets a deadline, counted from the request's arrival (conversation capture included). What it
 * has not answered by then is answered "still working": the HTTP answer goes out at once while
 * the turn runs on to its end in a live context, and its real answer follows through the outbox
 * (bot/proactive/late-answer.ts).
 */
export interface LateAnswers {
  /** The outbox's enqueue. */
  enqueue(messages: readonly NewMessage[]): Promise<void>;
}

/** What the HTTP edge (bot/teams/adapter.ts) gives each turn: its arrival, and a way to answer before the turn ends. */
export interface TurnEdge {
  /** performance.now() when the request arrived. */
  arrivedAt: number;
  /** Sends the HTTP answer now (what CloudAdapter would answer at the end of the turn); the turn goes on. */
  answerNow(response: InvokeResponse | undefined): void;
}

const EDGE = Symbol('turn edge');
const SLOT = Symbol('turn deadline');

export function withEdge(logic: (context: TurnContext) => Promise<void>, edge: TurnEdge) {
  return (context: TurnContext): Promise<void> => {
    context.turnState.set(EDGE, edge);
    return logic(context);
  };
}

export function arrivalOf(context: TurnContext): number {
  const edge = context.turnState.get(EDGE) as TurnEdge | undefined;
  return edge?.arrivedAt ?? performance.now();
}

/** One guarded turn: who answers it, the turn in time or the deadline. */
export interface TurnSlot {
  endsAt: number;
  /** A duplicate stops waiting for the first delivery's answer this long before the deadline, to say so in time. */
  marginMs: number;
  state: 'open' | 'answering' | 'late';
  /** When the "still working" answer went out, and whether it could be sent. */
  answeredAt: number | null;
  told: boolean;
}

export const slotOf = (context: TurnContext): TurnSlot | undefined => context.turnState.get(SLOT) as TurnSlot | undefined;

/** The turn's answer is ready: true when it can still go in the HTTP answer (it is then the turn's), false when late. */
export function claimAnswer(slot: TurnSlot): boolean {
  if (slot.state === 'late') return false;
  slot.state = 'answering';
  return true;
}

/** The Date.now() time until which a duplicate may wait for the first delivery's answer. */
export const waitUntilOf = (slot: TurnSlot): number => Date.now() + (slot.endsAt - performance.now()) - slot.marginMs;

/** The turns bot/teams/turn.ts answers: an email has its own turn, and a message with files is answered at once by the file turn. */
const answeredByTurn = (activity: Activity): boolean => activity.channelId !== 'email' && attachedFiles(activity).length === 0;

/** The HTTP answer as CloudAdapter would give it at the end of the turn (botbuilder-core's processTurnResults). */
function answerSoFar(context: TurnContext): InvokeResponse | undefined {
  if (context.activity.deliveryMode === DeliveryModes.ExpectReplies)
    return { status: 200, body: { activities: [...context.bufferedReplyActivities] } };
  if (context.activity.type !== ActivityTypes.Invoke) return undefined;
  const sent = context.turnState.get(INVOKE_RESPONSE_KEY) as { value?: InvokeResponse } | undefined;
  return sent?.value ?? { status: 501 };
}

/**
 * The deadline around everything a turn does (bot/app.ts puts it outermost). In time, the turn
 * answers as usual. At the deadline, unless the turn is already answering, the deadline answers
 * "still working" and has the edge send the HTTP answer; the turn goes on (the request stays in
 * flight, so a shutdown waits for it) and sends its answer late.
 */
export function withTurnDeadline(logic: (context: TurnContext) => Promise<void>, options: { ms: number; log: Logger }) {
  return async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const edge = context.turnState.get(EDGE) as TurnEdge | undefined;
    if (!edge || !answeredByTurn(activity)) return logic(context);
    const slot: TurnSlot = {
      endsAt: edge.arrivedAt + options.ms,
      marginMs: Math.min(500, options.ms / 4),
      state: 'open',
      answeredAt: null,
      told: false,
    };
    context.turnState.set(SLOT, slot);
    const work = logic(context);
    if (await beforeDeadline(work, slot.endsAt)) return work;
    // A message's HTTP answer carries nothing (its replies are posted to the connector): it goes now, whoever answers.
    const inBody = activity.deliveryMode === DeliveryModes.ExpectReplies || activity.type === ActivityTypes.Invoke;
    if (!inBody) edge.answerNow(undefined);
    if (slot.state !== 'open') return work;
    slot.state = 'late';
    slot.answeredAt = performance.now();
    const turn = toIncoming(activity, '');
    try {
      await deliverAnswer(context, turn, stillWorkingAnswer(turn, activity.deliveryMode === DeliveryModes.ExpectReplies));
      slot.told = true;
    } catch (error) {
      options.log.error({ err: error, activityId: activity.id }, 'the "still working" answer could not be sent');
    }
    if (inBody) edge.answerNow(answerSoFar(context));
    return work;
  };
}

/** The work's value when it settles before `endsAt` (a performance.now() time); null when the deadline came first. */
export async function beforeDeadline<T>(work: Promise<T>, endsAt: number): Promise<{ value: T } | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, endsAt - performance.now()))));
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

const card = (title: string, text: string, locale: IncomingTurn['locale']): Reply => ({
  kind: 'card',
  card: render('message', toMessageData({ title, text }, locale)),
});

/**
 * The answer at the deadline. A click gets a card that stands in for the clicked one until it is
 * updated; a message gets a sentence, its answer following; with expectReplies nothing can follow,
 * so the sentence says the work will finish and be applied once, and how to look again. A refresh
 * (trigger automatic) gets an empty answer: Teams keeps the card it shows and refreshes it later.
 */
export function stillWorkingAnswer(turn: IncomingTurn, expectReplies: boolean): Answer {
  const t = deadlineTexts[turn.locale];
  const none: Answer = { replies: [], invoke: null, outcome: 'ok', command: commandOf(turn) };
  if (turn.kind === 'message') return { ...none, replies: [{ kind: 'text', text: expectReplies ? t.lookAgain : t.answerFollows }] };
  if (turn.invoke?.name !== 'adaptiveCard/action' || turn.invoke.trigger === 'automatic') return none;
  return { ...none, invoke: card(t.workingTitle, expectReplies ? t.lookAgain : t.cardWillUpdate, turn.locale) };
}

/**
 * The outbox records of a late answer: the clicked card (activity.replyToId) replaced by the
 * click's answer, and the messages sent in order, in the conversation (and thread) of the turn.
 * None where the bot keeps no conversation reference (channels other than Teams).
 */
export function lateMessages(activity: Activity, turn: IncomingTurn, answer: Answer): NewMessage[] {
  const capture = captureOf(activity);
  if (!capture || !('remember' in capture)) return [];
  const conversationId = capture.remember.conversationId;
  const reference = referenceOf(activity);
  delete reference.activityId;
  const key = `${turn.channelId}|${turn.conversationId}|${turn.activityId || randomUUID()}`;
  const messages: NewMessage[] = [];
  const click = turn.invoke?.name === 'adaptiveCard/action' && turn.invoke.trigger !== 'automatic';
  if (click && answer.invoke && activity.replyToId) {
    const t = deadlineTexts[turn.locale];
    const reply = answer.invoke.kind === 'text' ? card(t.lateTitle, answer.invoke.text, turn.locale) : answer.invoke;
    messages.push(
      lateAnswerMessage(conversationId, { reference, replies: [reply], updateOf: activity.replyToId, key: `${key}|card`, part: 0 }),
    );
  }
  if (answer.replies.length > 0)
    messages.push(lateAnswerMessage(conversationId, { reference, replies: answer.replies, updateOf: null, key, part: 0 }));
  return messages;
}
