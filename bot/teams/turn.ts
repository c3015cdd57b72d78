import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { localeOf, messages, type Locale } from '../i18n/messages';

/** What a handler sees of a turn: no botbuilder types leave bot/teams/. */
export interface IncomingTurn {
  kind: 'message' | 'invoke' | 'conversationUpdate' | 'other';
  text: string;
  locale: Locale;
  userAadObjectId: string | undefined;
  conversationId: string;
  channelId: string;
}

export type Reply = { type: 'text'; text: string };

export type TurnResponder = (turn: IncomingTurn) => Promise<Reply[]>;

/** The foundation's responder: a welcome in the user's language until the router takes over. */
export const welcomeResponder: TurnResponder = async (turn) =>
  turn.kind === 'message' ? [{ type: 'text', text: messages[turn.locale].welcome }] : [];

function toIncoming(context: TurnContext): IncomingTurn {
  const activity = context.activity;
  const kinds: Record<string, IncomingTurn['kind']> = {
    [ActivityTypes.Message]: 'message',
    [ActivityTypes.Invoke]: 'invoke',
    [ActivityTypes.ConversationUpdate]: 'conversationUpdate',
  };
  return {
    kind: kinds[activity.type] ?? 'other',
    text: typeof activity.text === 'string' ? activity.text : '',
    locale: localeOf(activity.locale),
    userAadObjectId: activity.from?.aadObjectId,
    conversationId: activity.conversation?.id ?? '',
    channelId: activity.channelId ?? '',
  };
}

/** First word of a message, for the log line; never the whole text (it may hold customer data). */
function commandOf(turn: IncomingTurn): string {
  if (turn.kind !== 'message') return turn.kind;
  return turn.text.trim().split(/\s+/, 1)[0]?.toLowerCase().slice(0, 32) ?? '';
}

/**
 * Runs one turn: the one place that catches (STYLE.md §6). Logs exactly one line per turn with
 * activity id, channel, conversation, user, command, duration and outcome.
 */
export function createTurnLogic(log: Logger, respond: TurnResponder) {
  return async (context: TurnContext): Promise<void> => {
    const started = process.hrtime.bigint();
    const turn = toIncoming(context);
    let outcome: 'ok' | 'error' = 'ok';
    let reference: string | undefined;
    try {
      for (const reply of await respond(turn)) await context.sendActivity(reply.text);
    } catch (error) {
      outcome = 'error';
      reference = randomUUID().slice(0, 8);
      log.error({ err: error, activityId: context.activity.id, reference }, 'turn failed');
      await context.sendActivity(messages[turn.locale].apology(reference)).catch((sendError: unknown) => {
        log.error({ err: sendError, activityId: context.activity.id, reference }, 'apology could not be sent');
      });
    } finally {
      log.info(
        {
          activityId: context.activity.id,
          channel: turn.channelId,
          conversationId: turn.conversationId,
          userAadObjectId: turn.userAadObjectId,
          command: commandOf(turn),
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          outcome,
          reference,
        },
        'turn',
      );
    }
  };
}
