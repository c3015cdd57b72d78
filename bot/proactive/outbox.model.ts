import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** Who a proactive message goes to: a person's personal chat, or a conversation (channel, group chat). */
export type OutboxTarget = { kind: 'person'; tenantId: string; aadObjectId: string } | { kind: 'conversation'; conversationId: string };

/** What to send, rendered when it is sent (so a card shows the state of that moment). */
export interface OutboxPayload {
  kind: string;
  /** The payload's parameters as JSON text (ids, never whole entities). */
  data: string;
}

export const OUTBOX_STATES = ['pending', 'sent', 'undeliverable', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * One proactive message (issue 10): sent by whichever instance leases it first, retried with
 * backoff, and kept in MongoDB until it is sent or known undeliverable, so a stopped process
 * loses nothing.
 */
export interface OutboxRecord {
  _id: Types.ObjectId;
  /** Unique: the same message enqueued twice (a replayed turn) is one record. */
  key: string;
  target: OutboxTarget;
  payload: OutboxPayload;
  state: OutboxState;
  attempts: number;
  nextTryAt: Date;
  leaseUntil: Date | null;
  leaseOwner: string | null;
  lastError: string | null;
  /** The Teams message id of a sent message (to update it later). */
  activityId: string | null;
  createdAt: Date;
  doneAt: Date | null;
  version: number;
}

const schema = new Schema<OutboxRecord>(
  {
    key: { type: String, required: true },
    target: { type: Schema.Types.Mixed, required: true },
    payload: { type: new Schema({ kind: String, data: String }, { _id: false }), required: true },
    state: { type: String, enum: OUTBOX_STATES, required: true },
    attempts: { type: Number, default: 0 },
    nextTryAt: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    leaseOwner: { type: String, default: null },
    lastError: { type: String, default: null },
    activityId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
    version: { type: Number, default: 1 },
  },
  { autoIndex: false, autoCreate: false, versionKey: false, collection: 'outbox' },
);
schema.index({ key: 1 }, { unique: true });
schema.index({ state: 1, nextTryAt: 1 });

/** At most 7 sends per second per conversation (TEAMS.md), across instances: the last send times. */
export interface SendWindow {
  _id: string;
  sends: Date[];
  version: number;
}
const windowSchema = new Schema<SendWindow>(
  { _id: { type: String, required: true }, sends: { type: [Date], default: [] }, version: { type: Number, default: 1 } },
  { autoIndex: false, autoCreate: false, versionKey: false, collection: 'outbox_send_windows' },
);

export function outboxModel(connection: Connection): Model<OutboxRecord> {
  return (connection.models.OutboxRecord as Model<OutboxRecord> | undefined) ?? connection.model<OutboxRecord>('OutboxRecord', schema);
}
export function sendWindowModel(connection: Connection): Model<SendWindow> {
  return (connection.models.SendWindow as Model<SendWindow> | undefined) ?? connection.model<SendWindow>('SendWindow', windowSchema);
}
