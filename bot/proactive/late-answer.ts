import { z } from 'zod';
import type { Reply } from '../routing/types';
import type { NewMessage, OutboxStore } from './outbox';
import type { PayloadHandler } from './outbox-worker';

/** The payload kind of a turn's answer that came after Teams' deadline (issue 8; bot/teams/deadline.ts). */
export const LATE_ANSWER = 'turn.late';

const ReplyJson = z.custom<Reply>(
  (v) => typeof v === 'object' && v !== null && ['text', 'card', 'email'].includes(String((v as { kind?: unknown }).kind)),
);
const LateData = z.object({
  /** The turn's own conversation reference: the answer goes where the turn came from (a channel thread too). */
  reference: z.record(z.string(), z.unknown()),
  /** What is left to send, in order: each record sends the first and hands the rest to the next. */
  replies: z.array(ReplyJson).min(1),
  /** The clicked card's message id, to put the answer in its place; null for new messages. */
  updateOf: z.string().nullable(),
  /** Identifies the turn's late answer; each part's outbox key is this and the part's number. */
  key: z.string(),
  part: z.number().int().min(0),
});
export type LateAnswer = z.infer<typeof LateData>;

/** One outbox record of a late answer; the target is the conversation as its reference store knows it. */
export function lateAnswerMessage(conversationId: string, data: LateAnswer): NewMessage {
  return { key: `${LATE_ANSWER}|${data.key}|${data.part}`, target: { kind: 'conversation', conversationId }, kind: LATE_ANSWER, data };
}

/**
 * Late answers: the reply was produced by the turn (the work is done and applied), so sending
 * renders nothing again; several replies go one after the other, in order.
 */
export function lateAnswerHandlers(outbox: Pick<OutboxStore, 'enqueue'>): Record<string, PayloadHandler> {
  return {
    [LATE_ANSWER]: {
      render: async (raw) => {
        const data = LateData.parse(raw);
        const [reply] = data.replies;
        if (!reply) return null;
        return data.updateOf ? { reply, updateOf: data.updateOf, reference: data.reference } : { reply, reference: data.reference };
      },
      async sent(raw, to) {
        const data = LateData.parse(raw);
        const rest = data.replies.slice(1);
        if (rest.length > 0) await outbox.enqueue([lateAnswerMessage(to.conversationId, { ...data, replies: rest, part: data.part + 1 })]);
      },
    },
  };
}
