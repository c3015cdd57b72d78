import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { localeOf } from '../i18n/messages';
import type { Logger } from '../log';
import type { ConversationRefStore, SeenConversation } from '../proactive/conversation-ref.store';
import { referenceOf } from './proactive';

type Capture = { remember: SeenConversation } | { forget: string[] } | null;

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function tenantOf(activity: Activity): string | null {
  const tenant = record(record(activity.channelData).tenant).id;
  return typeof tenant === 'string' && tenant ? tenant : activity.conversation?.tenantId || null;
}

/** A channel is addressed by the channel's id, not the thread a message was in (`;messageid=`). */
function conversationIdOf(activity: Activity): string {
  const channel = record(record(activity.channelData).channel).id;
  if (activity.conversation?.conversationType === 'channel' && typeof channel === 'string' && channel) return channel;
  return (activity.conversation?.id ?? '').split(';')[0] ?? '';
}

function removed(activity: Activity): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return activity.action === 'remove' || activity.action === 'remove-upgrade';
  const botId = activity.recipient?.id;
  return activity.type === ActivityTypes.ConversationUpdate && Boolean(botId && activity.membersRemoved?.some((m) => m.id === botId));
}

/**
 * What an activity teaches about reaching people later (issue 10): installation and every message
 * store the conversation reference, per person for a personal chat, per channel or group chat
 * otherwise; uninstalling removes it. Only Teams conversations: an email is answered by email.
 */
export function captureOf(activity: Activity): Capture {
  const tenantId = tenantOf(activity);
  const conversationId = conversationIdOf(activity);
  if (activity.channelId !== 'msteams' || !tenantId || !conversationId) return null;
  if (removed(activity)) return { forget: [...new Set([conversationId, activity.conversation?.id ?? conversationId])] };
  const personal = activity.conversation?.conversationType === 'personal';
  const aadObjectId = personal ? (activity.from?.aadObjectId ?? null) : null;
  if (personal && !aadObjectId) return null;
  const reference = referenceOf(activity);
  // Without the message id and (in a shared conversation) the sender, the reference changes only when the conversation does.
  delete reference.activityId;
  if (!personal) delete reference.user;
  reference.conversation = { ...record(reference.conversation), id: conversationId };
  return { remember: { tenantId, aadObjectId, conversationId, reference, locale: localeOf(activity.locale) } };
}

/** The turn, after the conversation reference is stored; a failure to store it is logged and the turn still runs. */
export function withConversationRefs(logic: (context: TurnContext) => Promise<void>, refs: ConversationRefStore, log: Logger) {
  return async (context: TurnContext): Promise<void> => {
    const capture = captureOf(context.activity);
    try {
      // A message or a click repeats what an earlier one stored; an install or an update is stored whatever this instance remembers.
      const repeat = context.activity.type === ActivityTypes.Message || context.activity.type === ActivityTypes.Invoke;
      if (capture && 'remember' in capture) await refs.remember(capture.remember, { repeat });
      if (capture && 'forget' in capture) for (const id of capture.forget) await refs.forget(id);
    } catch (error) {
      log.warn(
        { err: error, activityId: context.activity.id },
        'the conversation reference could not be stored; the next message tries again',
      );
    }
    await logic(context);
  };
}
