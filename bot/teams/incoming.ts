import { ActivityTypes, type Activity } from 'botbuilder';
import { CARD_LANG } from '../../cards/verbs';
import { localeOf } from '../i18n/messages';
import type { IncomingTurn, MemberDirectory } from '../routing/types';

const KINDS: Record<string, IncomingTurn['kind']> = {
  [ActivityTypes.Message]: 'message',
  [ActivityTypes.Invoke]: 'invoke',
  [ActivityTypes.ConversationUpdate]: 'conversationUpdate',
  [ActivityTypes.InstallationUpdate]: 'installationUpdate',
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `adaptiveCard/action` carries `{ action: { verb, data }, trigger }` (TEAMS.md, Universal Actions). */
function invokeOf(activity: Activity): IncomingTurn['invoke'] {
  if (activity.type !== ActivityTypes.Invoke) return null;
  const value = record(activity.value);
  const action = record(value.action);
  return {
    name: activity.name ?? '',
    verb: typeof action.verb === 'string' ? action.verb : '',
    data: action.data ?? {},
    trigger: typeof value.trigger === 'string' ? value.trigger : 'manual',
  };
}

/**
 * A click is answered in the language of the card clicked (render() puts it in every
 * Action.Execute's data as `lang`), whatever locale the client reports: the Agents Playground
 * sends en-US for every click, and a Teams client's language may differ from the card's. A
 * refresh (trigger automatic) builds the viewer's own card, so it follows the viewer's locale.
 */
function localeOfTurn(activity: Activity, invoke: IncomingTurn['invoke']): IncomingTurn['locale'] {
  const lang = invoke && invoke.trigger !== 'automatic' ? record(invoke.data)[CARD_LANG] : undefined;
  return localeOf(lang === 'en' || lang === 'fr' ? lang : activity.locale);
}

/** Teams puts the tenant in channelData; other clients in the conversation. */
function tenantOf(activity: Activity): string | undefined {
  const tenant = record(record(activity.channelData).tenant).id;
  if (typeof tenant === 'string' && tenant) return tenant;
  return activity.conversation?.tenantId || undefined;
}

function botAdded(activity: Activity): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return activity.action === 'add' || activity.action === 'add-upgrade';
  const botId = activity.recipient?.id;
  return Boolean(botId && activity.membersAdded?.some((m) => m.id === botId));
}

/** The people @mentioned in a message, the bot itself excepted. */
function mentionsOf(activity: Activity): NonNullable<IncomingTurn['mentions']> {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).flatMap((e) => {
    const m = record(record(e).mentioned);
    if (e.type !== 'mention' || typeof m.id !== 'string' || m.id === botId) return [];
    return [
      { id: m.id, name: typeof m.name === 'string' ? m.name : '', aadObjectId: typeof m.aadObjectId === 'string' ? m.aadObjectId : null },
    ];
  });
}

/** The activity as the router reads it; `text` is the message with the bot's mention removed. */
export function toIncoming(activity: Activity, textWithoutMention: string, members?: MemberDirectory): IncomingTurn {
  const htmlTexts = (activity.attachments ?? [])
    .filter((a) => a.contentType === 'text/html' && typeof a.content === 'string')
    .map((a) => a.content as string);
  const invoke = invokeOf(activity);
  return {
    kind: KINDS[activity.type] ?? 'other',
    activityId: activity.id ?? '',
    text: typeof activity.text === 'string' ? textWithoutMention : '',
    htmlTexts,
    locale: localeOfTurn(activity, invoke),
    userAadObjectId: activity.from?.aadObjectId,
    userName: activity.from?.name,
    tenantId: tenantOf(activity),
    conversationId: activity.conversation?.id ?? '',
    channelId: activity.channelId ?? '',
    invoke,
    botAdded: botAdded(activity),
    mentions: mentionsOf(activity),
    members,
  };
}
