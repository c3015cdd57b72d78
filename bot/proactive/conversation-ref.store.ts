import type { Connection, Types } from 'mongoose';
import { systemClock, type Clock } from '../../domain/clock';
import { storeHandle, type StoreHandle } from '../../domain/store';
import { removeVersioned, upsertOne, type WriteDeps } from '../../domain/write';
import { conversationRefKey, conversationRefModel, personRefKey, type ConversationRef } from './conversation-ref.model';

/** How long, and for how many conversations, an instance remembers what it stored. */
const MEMO_MS = 60_000;
const MEMO_MAX = 2_000;

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
  /**
   * What this instance stored last for each key, and when: a message from the same conversation
   * within MEMO_MS costs no read. Only a saving: a reference another instance changed or removed
   * meanwhile (another locale, an uninstall, a 403) is stored again by the install that must come
   * before the next message, or by the first message after MEMO_MS (a minute).
   */
  const memo = new Map<string, { stored: string; at: number }>();
  const fingerprint = (seen: SeenConversation) => `${seen.conversationId}|${seen.locale}|${JSON.stringify(seen.reference)}`;

  async function put(key: string, seen: SeenConversation): Promise<void> {
    const reference = JSON.stringify(seen.reference);
    const fields = {
      tenantId: seen.tenantId,
      aadObjectId: seen.aadObjectId,
      conversationId: seen.conversationId,
      reference,
      locale: seen.locale,
    };
    const now = deps.clock.now();
    await upsertOne(deps, {
      model,
      filter: { _id: key },
      insert: () => ({ _id: key, kind: seen.aadObjectId ? ('person' as const) : ('conversation' as const), ...fields, updatedAt: now }),
      change: (cur: ConversationRef) =>
        cur.reference === reference && cur.locale === seen.locale && cur.conversationId === seen.conversationId
          ? null
          : { $set: { ...fields, updatedAt: now } },
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
    async remember(seen: SeenConversation, options: { repeat?: boolean } = {}): Promise<void> {
      const key = seen.aadObjectId ? personRefKey(seen.tenantId, seen.aadObjectId) : conversationRefKey(seen.conversationId);
      const stored = fingerprint(seen);
      const now = Date.now();
      const last = memo.get(key);
      if (options.repeat && last?.stored === stored && now - last.at < MEMO_MS) return;
      // Forgotten before the write: a write that fails leaves nothing that would skip the next one.
      memo.delete(key);
      await put(key, seen);
      memo.delete(key);
      memo.set(key, { stored, at: now });
      if (memo.size > MEMO_MAX) memo.delete(memo.keys().next().value ?? key);
    },
    /** The bot was uninstalled or removed: every reference to that conversation goes. */
    async forget(conversationId: string): Promise<number> {
      const unmemo = () => {
        for (const [key, m] of memo) if (m.stored.startsWith(`${conversationId}|`)) memo.delete(key);
      };
      unmemo();
      const refs = await model.find({ conversationId }, { _id: 1, version: 1 }).lean<Pick<ConversationRef, '_id' | 'version'>[]>();
      let removed = 0;
      // The write path names documents by ObjectId; these are keyed by a string, which it only passes through.
      for (const r of refs)
        if (await removeVersioned(deps, { model, id: r._id as unknown as Types.ObjectId, version: r.version, filter: {} })) removed++;
      // Again after: a store that was under way when the removal started must not be taken as current.
      unmemo();
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
