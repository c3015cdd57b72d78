import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { Answer, IncomingTurn, Reply } from '../routing/types';
import { emailActivity } from './email-turn';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/**
 * The body of an `adaptiveCard/action` answer: always statusCode 200, a refusal too, because
 * botbuilder copies a non-200 statusCode into the HTTP status and Teams then shows an error
 * (TEAMS.md, Universal Actions).
 */
function invokeBody(reply: Reply) {
  if (reply.kind === 'card') return { statusCode: 200, type: CARD, value: reply.card };
  return { statusCode: 200, type: MESSAGE, value: reply.kind === 'text' ? reply.text : reply.email.text };
}

/** Sends the answer: messages with sendActivity, the invoke response as an `invokeResponse` activity. */
export async function deliverAnswer(context: TurnContext, turn: IncomingTurn, answer: Answer): Promise<void> {
  for (const reply of answer.replies) {
    if (reply.kind === 'text') await context.sendActivity(reply.text);
    else if (reply.kind === 'email') await context.sendActivity(emailActivity(reply.email));
    else await context.sendActivity({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(reply.card)] });
  }
  if (turn.kind !== 'invoke') return;
  const body = answer.invoke
    ? invokeBody(answer.invoke)
    : turn.invoke?.name === 'adaptiveCard/action'
      ? invokeBody({ kind: 'text', text: '' })
      : undefined;
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}
