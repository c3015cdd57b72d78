import { randomUUID } from 'node:crypto';
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { receiveEmail, type EmailIntakeDeps, type EmailOutcome } from '../email/email-intake';
import type { OutgoingEmail } from '../email/i18n/email-texts';
import type { InboundEmail } from '../email/inbound-email';
import type { Logger } from '../log';
import type { ProcessedActivityStore } from '../store/processed-activity.store';
import { DAY_MS } from '../../domain/calendar';

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Headers as the channel may pass them: an object, or Graph's `[{ name, value }]` list. */
function headersOf(channelData: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record(channelData.headers))) if (typeof value === 'string') out[name.toLowerCase()] = value;
  const list = channelData.internetMessageHeaders;
  if (Array.isArray(list)) for (const h of list.map(record)) if (str(h.name)) out[str(h.name).toLowerCase()] = str(h.value);
  return out;
}

/** Recipients listed in channelData (`toRecipients`: "a@x; b@y") besides the bot's own address. */
function recipientsOf(activity: Activity, channelData: Record<string, unknown>): string[] {
  const listed = str(channelData.toRecipients).split(/[;,]/);
  return [activity.recipient?.id ?? '', ...listed].map((a) => a.trim().toLowerCase()).filter((a) => a.includes('@'));
}

/** The Email channel's activity as plain data (TEAMS.md: `text`, `channelData.htmlBody`, `channelData.subject`). */
export function toInboundEmail(activity: Activity): InboundEmail {
  const cd = record(activity.channelData);
  return {
    activityId: activity.id ?? '',
    conversationId: activity.conversation?.id ?? '',
    from: (activity.from?.id ?? '').trim().toLowerCase(),
    fromName: activity.from?.name ?? '',
    to: recipientsOf(activity, cd),
    subject: str(cd.subject),
    text: str(activity.text),
    html: str(cd.htmlBody),
    headers: headersOf(cd),
  };
}

/** An email as an activity: the subject and HTML body go in channelData (TEAMS.md, Email channel). */
export function emailActivity(email: OutgoingEmail): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: email.text,
    textFormat: 'plain',
    channelData: { subject: email.subject, htmlBody: email.html },
  };
}

export interface EmailTurnDeps {
  intake: EmailIntakeDeps;
  once: ProcessedActivityStore;
  log: Logger;
  /** Keeps the email conversation's reference, to write to the customer later through the outbox. */
  remember: (seen: {
    tenantId: string;
    aadObjectId: null;
    conversationId: string;
    reference: Record<string, unknown>;
    locale: string;
  }) => Promise<void>;
}

/**
 * One Email channel activity, applied once: a redelivery (the channel retries after 15 s) neither
 * records nor replies again. A failure is logged with a reference and never mailed to the sender.
 */
export function createEmailTurn(deps: EmailTurnDeps) {
  return async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return;
    const email = toInboundEmail(activity);
    let outcome: EmailOutcome | null = null;
    const produce = async () => {
      outcome = await receiveEmail(deps.intake, email);
      if (outcome.voucherId) {
        const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
        await deps.remember({
          tenantId: `email|${outcome.partnerId ?? ''}`,
          aadObjectId: null,
          conversationId: email.conversationId,
          reference,
          locale: outcome.language,
        });
      }
      if (outcome.reply) await context.sendActivity(emailActivity(outcome.reply));
      return { answer: { replies: [], invoke: null, outcome: 'ok' as const, command: `email:${outcome.outcome}` }, keep: true };
    };
    try {
      const key = { id: `activity|email|${email.conversationId}|${email.activityId || randomUUID()}`, ttlMs: DAY_MS };
      const result = await deps.once.run([key], produce, () => ({ replies: [], invoke: null, outcome: 'ok', command: 'email:running' }));
      const done = outcome as EmailOutcome | null;
      deps.log.info(
        {
          activityId: email.activityId,
          channel: 'email',
          outcome: done?.outcome ?? 'replayed',
          replied: Boolean(done?.reply),
          replayed: result.replayed,
        },
        'email',
      );
    } catch (error) {
      const reference = randomUUID().slice(0, 8);
      deps.log.error({ err: error, activityId: email.activityId, reference }, 'email turn failed; the channel may deliver it again');
    }
  };
}

/** Email channel activities go to the email turn, everything else to the Teams turn. */
export function byChannel(email: (context: TurnContext) => Promise<void>, teams: (context: TurnContext) => Promise<void>) {
  return (context: TurnContext): Promise<void> => (context.activity.channelId === 'email' ? email(context) : teams(context));
}
