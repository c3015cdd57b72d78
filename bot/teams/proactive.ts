import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import type { Logger } from '../log';
import type { Reply } from '../routing/types';
import { emailActivity } from './email-turn';

/** Why a send failed, as the outbox needs it: the HTTP status (null: no answer) and Retry-After. */
export class SendFailure extends Error {
  constructor(
    readonly status: number | null,
    readonly retryAfterMs: number | null,
    readonly code: string,
  ) {
    super(`proactive send failed: ${status ?? 'no answer'} ${code}`);
  }
}

/** Proactive sending (issue 10): a new message in a stored conversation, or an update of one the bot sent. */
export interface ProactiveSender {
  /** Returns the Teams message id of the new message (null when the channel gave none). */
  send(reference: Record<string, unknown>, reply: Reply): Promise<string | null>;
  update(reference: Record<string, unknown>, activityId: string, reply: Reply): Promise<void>;
}

export interface ProactiveCredentials {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType: string;
}

function activityOf(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') return { type: ActivityTypes.Message, text: reply.text };
  if (reply.kind === 'email') return emailActivity(reply.email);
  return { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(reply.card)] };
}

function retryAfterOf(error: Record<string, unknown>): number | null {
  const response = error.response as { headers?: { get?(name: string): unknown } } | undefined;
  const header = response?.headers?.get?.('retry-after');
  const seconds = typeof header === 'string' ? Number(header) : NaN;
  return Number.isFinite(seconds) ? seconds * 1_000 : null;
}

/** The connector's error as a SendFailure; never its message text, which nobody should read in chat. */
function failureOf(error: unknown): SendFailure {
  const e = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const status = typeof e.statusCode === 'number' ? e.statusCode : null;
  const code = typeof e.code === 'string' ? e.code : error instanceof Error ? error.name : 'unknown';
  return new SendFailure(status, retryAfterOf(e), code.slice(0, 80));
}

/**
 * Sends through botbuilder's `continueConversationAsync`. The callback catches everything itself:
 * an error thrown inside it would reach `onTurnError`, whose usual handler posts the error text
 * into the other person's chat (TEAMS.md, botbuilder behaviour). The connector client already
 * retries a 429/503 with Retry-After and 5xx answers a few times; what still fails is thrown as a
 * SendFailure for the outbox to retry or record.
 */
export function createProactiveSender(credentials: ProactiveCredentials, log: Logger): ProactiveSender {
  // Only what is set: an empty app id means no authentication (local runs and tests), as for incoming turns.
  const settings = Object.fromEntries(Object.entries(credentials).filter(([, v]) => typeof v === 'string' && v !== ''));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, conversationId: context.activity?.conversation?.id }, 'proactive turn error outside a send');
  };
  const appId = credentials.MicrosoftAppId ?? '';

  async function within<T>(reference: Record<string, unknown>, work: (context: TurnContext) => Promise<T>): Promise<T> {
    const result: { done: boolean; value?: T; error?: unknown } = { done: false, error: new Error('the proactive turn did not run') };
    try {
      await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
        try {
          result.value = await work(context);
          result.done = true;
        } catch (error) {
          result.error = error;
        }
      });
    } catch (error) {
      result.error = error;
    }
    if (!result.done) throw failureOf(result.error);
    return result.value as T;
  }

  return {
    send: (reference, reply) => within(reference, async (context) => (await context.sendActivity(activityOf(reply)))?.id ?? null),
    update: (reference, activityId, reply) =>
      within(reference, async (context) => {
        await context.updateActivity({ ...activityOf(reply), id: activityId, conversation: context.activity.conversation });
      }),
  };
}

/** The conversation reference of an incoming activity, as plain JSON to store (TEAMS.md). */
export function referenceOf(activity: Activity): Record<string, unknown> {
  return JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
}
