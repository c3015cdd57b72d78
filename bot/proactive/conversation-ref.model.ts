import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Where the bot can reach someone without being written to first (issue 10, proactive messages):
 * a person's personal chat (by tenant and AAD object id) or a channel or group chat (by its
 * conversation id). The Bot Framework conversation reference is kept as plain JSON text
 * (TEAMS.md: store references as plain JSON), with the language last seen there.
 */
export interface ConversationRef {
  /** `person|<tenant>|<aad object id>` or `conversation|<conversation id>`. */
  _id: string;
  kind: 'person' | 'conversation';
  tenantId: string;
  aadObjectId: string | null;
  conversationId: string;
  /** The conversation reference as JSON text. */
  reference: string;
  locale: string;
  updatedAt: Date;
  version: number;
}

const schema = new Schema<ConversationRef>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['person', 'conversation'], required: true },
    tenantId: { type: String, required: true },
    aadObjectId: { type: String, default: null },
    conversationId: { type: String, required: true },
    reference: { type: String, required: true },
    locale: { type: String, default: 'en' },
    updatedAt: { type: Date, required: true },
    version: { type: Number, default: 1 },
  },
  { autoIndex: false, autoCreate: false, versionKey: false, collection: 'conversation_refs' },
);
schema.index({ conversationId: 1 });

export const personRefKey = (tenantId: string, aadObjectId: string): string => `person|${tenantId}|${aadObjectId}`;
export const conversationRefKey = (conversationId: string): string => `conversation|${conversationId}`;

export function conversationRefModel(connection: Connection): Model<ConversationRef> {
  return (
    (connection.models.ConversationRef as Model<ConversationRef> | undefined) ??
    connection.model<ConversationRef>('ConversationRef', schema)
  );
}
