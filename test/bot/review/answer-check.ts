import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../../cards/render';
import { assertValidCard } from '../../cards/card-check';
import type { TurnResult } from '../../helpers/turn-driver';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** Every Adaptive Card of an answer: message attachments and the card an invoke response carries. */
export function cardsOf(r: TurnResult): AdaptiveCard[] {
  const cards: AdaptiveCard[] = [];
  for (const a of r.activities) {
    for (const att of a.attachments ?? []) if (att.contentType === CARD) cards.push(att.content as AdaptiveCard);
  }
  if (r.invoke?.type === CARD) cards.push(r.invoke.value as AdaptiveCard);
  return cards;
}

/** Words that only one of the two languages uses, to catch a French user answered in English and back. */
const ENGLISH = /\b(the|please|your|you|was|were|which|cannot|could not|is not|does not)\b/i;
const FRENCH = /\b(vous|votre|veuillez|est|les|des|aucun|aucune|pas)\b/i;

/**
 * What a user must never read, and what every answer must be: an answer at all, in their
 * language, with no internal name (SCREAMING_CODE, camelCase field), no undefined/null/[object
 * Object], no stack; every card valid Adaptive Card 1.5 under 25 KB.
 */
export function assertGoodAnswer(r: TurnResult, locale: 'en' | 'fr', label: string): void {
  assert.equal(r.status, 200, `${label}: HTTP ${r.status}`);
  assert.ok(r.readable.trim().length > 0, `${label}: no answer at all`);
  const text = r.readable;
  assert.doesNotMatch(text, /\b[A-Z]{2,}_[A-Z0-9_]{2,}\b/, `${label}: an internal code in ${text}`);
  assert.doesNotMatch(text, /\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/, `${label}: a camelCase name in ${text}`);
  assert.doesNotMatch(text, /\bundefined\b|\bnull\b|\[object Object\]|NaN/, `${label}: undefined/null in ${text}`);
  assert.doesNotMatch(text, /\n\s+at .+\(.+:\d+:\d+\)|Error:|ZodError|MongoServerError|E11000/, `${label}: a stack or error in ${text}`);
  // Audit lines ("12 nov. 2026, 10:00 UTC : validé par … : <what happened>") are in the answer's
  // language too (audit facts, cards/voucher-history.ts), so they are checked like everything else.
  if (locale === 'fr') assert.doesNotMatch(text, ENGLISH, `${label}: English in a French answer: ${text}`);
  else assert.doesNotMatch(text, FRENCH, `${label}: French in an English answer: ${text}`);
  for (const [i, card] of cardsOf(r).entries()) assertValidCard(card, `${label} card ${i}`);
}
