import type { Connection, Types } from 'mongoose';
import { systemClock, type Clock } from '../../domain/clock';
import { storeHandle, type StoreHandle } from '../../domain/store';
import { removeVersioned, upsertOne, type WriteDeps } from '../../domain/write';
import { conversationRefKey, conversationRefModel, personRefKey, type ConversationRef } from './conversation-ref.model';

/** What the bot learns from one activity: where it came from, as botbuilder's conversation reference. */
export interface SeenConversation {
  tenantId: string;
  /** Set for a personal chat: the person it belongs to. */
  aadObjectId: string | null;
  conversationId: string;
  reference: Record<string, unknown>;
  locale: string;
}

/**
 * Conversation references in MongoDB, shared by every instance (STYLE.md §9: never in memory).
 * Each is written through the one write path (domain/write.ts), and only when it changed, so a
 * message costs one read.
 */
export function conversationRefStore(connection: Connection, options: { clock?: Clock; store?: StoreHandle } = {}) {
  const model = conversationRefModel(connection);
  const deps: WriteDeps = { connection, clock: options.clock ?? systemClock, store: options.store ?? storeHandle(connection) };

  async function put(key: string, seen: SeenConversation): Promise<void> {
    const reference = JSON.stringify(seen.reference);
    const fields = { tenantId: seen.tenantId, aadObjectId: seen.aadObjectId, conversationId: seen.conversationId, reference, locale: seen.locale };
    const now = deps.clock.now();
    await upsertOne(deps, {
      model,
      filter: { _id: key },
      insert: () => ({ _id: key, kind: seen.aadObjectId ? ('person' as const) : ('conversation' as const), ...fields, updatedAt: now }),
      change: (cur: ConversationRef) =>
        cur.reference === reference && cur.locale === seen.locale && cur.conversationId === seen.conversationId ? null : { $set: { ...fields, updatedAt: now } },
    });
  }

  return {
    model,
    ensureIndexes: async () => {
      await model.createCollection().catch((e: unknown) => {
        if (!(typeof e === 'object' && e !== null && 'codeName' in e && e.codeName === 'NamespaceExists')) throw e;
      });
      await model.createIndexes();
    },
    /** A personal chat is the person's; a channel or group chat is kept by its conversation id. */
    remember: (seen: SeenConversation): Promise<void> =>
      put(seen.aadObjectId ? personRefKey(seen.tenantId, seen.aadObjectId) : conversationRefKey(seen.conversationId), seen),
    /** The bot was uninstalled or removed: every reference to that conversation goes. */
    async forget(conversationId: string): Promise<number> {
      const refs = await model.find({ conversationId }, { _id: 1, version: 1 }).lean<Pick<ConversationRef, '_id' | 'version'>[]>();
      let removed = 0;
      // The write path names documents by ObjectId; these are keyed by a string, which it only passes through.
      for (const r of refs) if (await removeVersioned(deps, { model, id: r._id as unknown as Types.ObjectId, version: r.version, filter: {} })) removed++;
      return removed;
    },
    person: (tenantId: string, aadObjectId: string) => model.findById(personRefKey(tenantId, aadObjectId)).lean<ConversationRef>(),
    conversation: (conversationId: string) => model.findOne({ conversationId }).lean<ConversationRef>(),
    /** Which of these people the bot can reach in their personal chat. */
    async reachable(tenantId: string, aadObjectIds: readonly string[]): Promise<Set<string>> {
      const keys = aadObjectIds.map((id) => personRefKey(tenantId, id));
      const found = await model.find({ _id: { $in: keys } }, { aadObjectId: 1 }).lean<Pick<ConversationRef, 'aadObjectId'>[]>();
      return new Set(found.flatMap((r) => (r.aadObjectId ? [r.aadObjectId] : [])));
    },
  };
}
export type ConversationRefStore = ReturnType<typeof conversationRefStore>;
