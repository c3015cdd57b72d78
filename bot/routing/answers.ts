import type { Answer, Outcome, Reply } from './types';

/** Small constructors so handlers and the dispatcher build answers the same way. */
export const text = (value: string): Reply => ({ kind: 'text', text: value });

export function messageAnswer(reply: Reply, command: string, outcome: Outcome = 'ok'): Answer {
  return { replies: [reply], invoke: null, outcome, command };
}

export function invokeAnswer(reply: Reply, command: string, outcome: Outcome = 'ok'): Answer {
  return { replies: [], invoke: reply, outcome, command };
}

/** The same reply as a message, or as the card that replaces a clicked one. */
export function answerFor(kind: 'message' | 'invoke', reply: Reply, command: string, outcome: Outcome = 'ok'): Answer {
  return kind === 'invoke' ? invokeAnswer(reply, command, outcome) : messageAnswer(reply, command, outcome);
}
