import assert from 'node:assert/strict';
import * as AC from 'adaptivecards';
import type { AdaptiveCard } from '../../cards/render';
import { isVerb } from '../../cards/verbs';

/**
 * Offline validation of a rendered card against Adaptive Cards 1.5 with Microsoft's own object
 * model (the `adaptivecards` package, the parser its renderers use): no parse or validation
 * event at target version 1.5, and no property lost on a parse/serialise round trip (which is
 * how a misspelt or unknown property shows). Plus the house rules: version 1.5, Action.Execute
 * only, declared verbs, no unbound `${`, under 25 KB.
 */
export const MAX_CARD_BYTES = 25 * 1024;

function lostProperties(original: unknown, kept: unknown, path: string, out: string[]): void {
  if (Array.isArray(original)) {
    if (!Array.isArray(kept) || kept.length !== original.length) {
      out.push(`${path} (array of ${original.length} became ${Array.isArray(kept) ? kept.length : typeof kept})`);
      return;
    }
    original.forEach((item, i) => lostProperties(item, kept[i], `${path}[${i}]`, out));
  } else if (typeof original === 'object' && original !== null) {
    const keptObject = (typeof kept === 'object' && kept !== null ? kept : {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(original)) {
      // Action data is opaque to the parser and copied as is.
      if (key === 'data') continue;
      // An empty list (a `$data` list with no item) means the same as no list.
      if (Array.isArray(value) && value.length === 0) continue;
      // An empty string (an input with no value, a date with no minimum) means the same as none.
      if (value === '') continue;
      if (!(key in keptObject)) out.push(`${path}.${key}`);
      else lostProperties(value, keptObject[key], `${path}.${key}`, out);
    }
  }
}

function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

export function assertValidCard(card: AdaptiveCard, label = 'card'): void {
  const json = JSON.stringify(card);
  assert.ok(Buffer.byteLength(json) < MAX_CARD_BYTES, `${label}: ${Buffer.byteLength(json)} bytes`);
  assert.ok(
    !json.includes('${'),
    `${label}: unbound template expression in ${json.slice(json.indexOf('${') - 40, json.indexOf('${') + 40)}`,
  );
  assert.equal(card.version, '1.5', `${label}: version`);

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  assert.deepEqual(events, [], `${label}: parse events`);
  const validation = parsed.validateProperties().validationEvents.map((e) => e.message);
  assert.deepEqual(validation, [], `${label}: validation events`);
  const lost: string[] = [];
  lostProperties(card, parsed.toJSON(context), '$', lost);
  assert.deepEqual(lost, [], `${label}: properties unknown to Adaptive Cards 1.5`);

  walk(card, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) {
      assert.equal(o.type, 'Action.Execute', `${label}: only Action.Execute`);
      assert.ok(typeof o.verb === 'string' && isVerb(o.verb), `${label}: undeclared verb ${String(o.verb)}`);
    }
  });
}

/** What a Markdown renderer shows for an escaped text: `\(` reads as `(`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Every text a reader sees: TextBlocks and facts as rendered from Markdown, and input labels,
 * placeholders, values, choices and toggle titles as typed.
 */
export function visibleTexts(card: AdaptiveCard): string[] {
  const texts: string[] = [];
  walk(card.body ?? [], (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) return;
    if (o.type === 'TextBlock' && typeof o.text === 'string') texts.push(unescapeMarkdown(o.text));
    else if (o.type === 'FactSet') return;
    else if (o.type === undefined && typeof o.title === 'string' && typeof o.value === 'string' && !('$data' in o)) {
      // A fact or a choice: facts render Markdown, choices do not; unescaping a choice title changes nothing it could hold.
      texts.push(unescapeMarkdown(o.title), unescapeMarkdown(o.value));
    } else {
      for (const key of ['label', 'placeholder', 'title', 'value', 'errorMessage'] as const) {
        const v = o[key];
        if (typeof v === 'string') texts.push(v);
      }
    }
  });
  return texts;
}

export interface VisibleAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Buttons a reader can click (card actions and ActionSets), not the invisible refresh action. */
export function visibleActions(card: AdaptiveCard): VisibleAction[] {
  const actions: VisibleAction[] = [];
  const visit = (o: Record<string, unknown>) => {
    if (o.type === 'Action.Execute')
      actions.push({ title: String(o.title), verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> });
  };
  walk(card.body ?? [], visit);
  walk(card.actions ?? [], visit);
  return actions;
}

export function actionTitles(card: AdaptiveCard): string[] {
  return visibleActions(card).map((a) => a.title);
}

export function actionNamed(card: AdaptiveCard, title: string): VisibleAction {
  const found = visibleActions(card).find((a) => a.title === title);
  assert.ok(found, `no button "${title}" among ${JSON.stringify(actionTitles(card))}`);
  return found;
}

/** Inputs by id, to check what a form asks for. */
export function inputs(card: AdaptiveCard): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  walk(card.body ?? [], (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') found.set(o.id, o);
  });
  return found;
}

/** Texts that Teams renders as Markdown: TextBlock texts and facts. */
export function markdownTexts(card: AdaptiveCard): string[] {
  const texts: string[] = [];
  walk(card.body ?? [], (o) => {
    if (o.type === 'TextBlock' && typeof o.text === 'string') texts.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as { title: string; value: string }[]) texts.push(f.title, f.value);
  });
  return texts;
}

export function allText(card: AdaptiveCard): string {
  return visibleTexts(card).join('\n');
}

/** Strings that break naive cards: quotes, backslashes, bindings, Markdown, control characters, length. */
export const HOSTILE = [
  `Quote " and ' and \\ backslash \\" end`,
  '${1+1} ${$root.l} ${evil()} $when ${',
  '**bold** _it_ [link](https://evil.example) <b>html</b> # head\n- list\n1. one',
  'ctrl \u0000\u0007\u001B\u202E\u200B chars',
  'x'.repeat(10_000),
];

/** Asserts that no hostile string reached the card raw: no binding, no raw Markdown link, no control char. */
export function assertNeutralised(card: AdaptiveCard, label = 'card'): void {
  const json = JSON.stringify(card);
  assert.ok(!json.includes('${'), `${label}: \${ survived`);
  for (const text of markdownTexts(card))
    assert.ok(!text.includes('[link](https'), `${label}: a Markdown link survived in ${text.slice(0, 80)}`);
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  assert.ok(!/[\u0000-\u0008\u000B-\u001F\u202E\u200B]/.test(visibleTexts(card).join('')), `${label}: control character survived`);
  assert.ok(!json.includes('x'.repeat(2001)), `${label}: a 10,000-character line was not capped`);
}
