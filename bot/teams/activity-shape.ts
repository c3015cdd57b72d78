import { ActivityTypes } from 'botbuilder';
import { z } from 'zod';

/**
 * The fields of an incoming activity our code or botbuilder reads, with the types the Bot Framework
 * Activity schema gives them. Rule A2003 of that schema: reject an activity whose field has the wrong
 * type (400), rather than crash on it later. Unknown fields are kept (A2005); null counts as absent.
 */
const text = z.string().nullish();
const account = z.looseObject({ id: z.string().min(1), name: text, aadObjectId: text, role: text });
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

export const IncomingActivity = z.looseObject({
  type: z.string().min(1),
  id: text,
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string().min(1), tenantId: text, conversationType: text, isGroup: z.boolean().nullish() }),
  locale: text,
  text,
  textFormat: text,
  name: text,
  action: text,
  replyToId: text,
  timestamp: text,
  localTimestamp: text,
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).nullish(),
  attachments: list(z.looseObject({ contentType: z.string() })),
  entities: list(z.looseObject({ type: z.string() })).transform((entities) => entities?.filter(usableEntity)),
  membersAdded: list(account),
  membersRemoved: list(account),
  channelData: z.looseObject({}).nullish(),
});
export type IncomingActivity = z.infer<typeof IncomingActivity>;

const Mention = z.looseObject({ mentioned: z.looseObject({ id: z.string() }), text: text });

/** Rule A2105: an entity of a known type that cannot be read is ignored (a mention without `mentioned.id` would crash mention removal). */
function usableEntity(entity: { type: string }): boolean {
  return entity.type !== 'mention' || Mention.safeParse(entity).success;
}

/** Types a channel or client sends to a bot; anything else (our own invokeResponse, trace, an invented type) is ignored (rule A2014). */
const INBOUND_TYPES: ReadonlySet<string> = new Set([
  ActivityTypes.Message,
  ActivityTypes.ConversationUpdate,
  ActivityTypes.InstallationUpdate,
  ActivityTypes.Invoke,
  ActivityTypes.Event,
  ActivityTypes.Typing,
  ActivityTypes.EndOfConversation,
  ActivityTypes.MessageReaction,
  ActivityTypes.MessageUpdate,
  ActivityTypes.MessageDelete,
  ActivityTypes.ContactRelationUpdate,
  ActivityTypes.DeleteUserData,
  ActivityTypes.Command,
  ActivityTypes.Handoff,
]);

export function isInboundType(type: string): boolean {
  return INBOUND_TYPES.has(type);
}

/** One sentence naming the first bad field, for the 400 body and the log: never a zod dump. */
export function describeShapeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the body is not a Bot Framework activity';
  const field = issue.path.map(String).join('.');
  if (!field)
    return 'the body is not a Bot Framework activity (a JSON object with "type", "channelId", "serviceUrl", "from", "recipient" and "conversation")';
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  return missing ? `the activity has no "${field}"` : `the activity's "${field}" ${expectation(issue)}`;
}

const KINDS: Record<string, string> = {
  string: 'a string',
  array: 'an array',
  object: 'an object',
  boolean: 'true or false',
  number: 'a number',
};

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return 'must not be empty';
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'must be an http or https URL' : `must be a valid ${issue.format}`;
    default:
      return 'is not valid';
  }
}
