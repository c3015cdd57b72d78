import { randomUUID } from 'node:crypto';
import { request } from './http';

/** Someone talking to the bot: AAD object id, tenant and language of the Teams client. */
export interface Speaker {
  aadObjectId: string;
  tenantId: string;
  locale?: string;
  name?: string;
}

export interface SentActivity {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  value?: { status: number; body?: { statusCode: number; type: string; value: unknown } };
}

export interface TurnResult {
  /** The id of the activity posted (the log line's activityId). */
  id: string;
  status: number;
  activities: SentActivity[];
  /** Every string a user reads: message texts, card texts, fact titles and values, action titles. */
  readable: string;
  /** Action titles of every card, in order (what buttons the user sees). */
  buttons: string[];
  /** The Action.Execute actions of the cards, to click them. */
  actions: Array<{ title: string; verb: string; data: Record<string, unknown> }>;
  /** The invoke response body (for a click). */
  invoke: { statusCode: number; type: string; value: unknown } | undefined;
  /** The cards' inputs by id with their current value, as Teams would merge them into a click's data. */
  inputs: Record<string, string>;
}

function walk(node: unknown, texts: string[], actions: TurnResult['actions'], inputs: Record<string, string> = {}): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, texts, actions, inputs));
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
    inputs[o.id] = o.value === undefined ? '' : String(o.value);
  for (const key of ['text', 'title', 'value', 'label', 'placeholder', 'fallbackText'])
    if (typeof o[key] === 'string') texts.push(o[key] as string);
  if (o.type === 'Action.Execute' && typeof o.verb === 'string')
    actions.push({ title: String(o.title ?? ''), verb: o.verb, data: (o.data ?? {}) as Record<string, unknown> });
  for (const [key, value] of Object.entries(o)) if (key !== 'data' && typeof value === 'object') walk(value, texts, actions, inputs);
}

function resultOf(id: string, status: number, activities: SentActivity[]): TurnResult {
  const texts: string[] = [];
  const actions: TurnResult['actions'] = [];
  const inputs: Record<string, string> = {};
  let invoke: TurnResult['invoke'];
  for (const a of activities) {
    if (a.type === 'invokeResponse') {
      invoke = a.value?.body;
      if (invoke?.type === 'application/vnd.microsoft.activity.message' && typeof invoke.value === 'string') texts.push(invoke.value);
      else walk(invoke?.value, texts, actions, inputs);
      continue;
    }
    if (a.text) texts.push(a.text);
    for (const att of a.attachments ?? []) walk(att.content, texts, actions, inputs);
  }
  // Cards escape Markdown (\( \* ...); a test reads what the user sees.
  const readable = texts.join('\n').replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  return { id, status, activities, readable, buttons: actions.map((x) => x.title), actions, invoke, inputs };
}

/** Posts activities to the bot's /api/messages with deliveryMode expectReplies, as Teams' test clients do. */
export function turnDriver(url: string, serviceUrl = 'http://127.0.0.1:9/') {
  const base = (who: Speaker, extra: Record<string, unknown>) => ({
    id: `act-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl,
    deliveryMode: 'expectReplies',
    locale: who.locale ?? 'en-US',
    timestamp: new Date().toISOString(),
    from: { id: `29:${who.aadObjectId}`, name: who.name ?? 'Someone', aadObjectId: who.aadObjectId },
    recipient: { id: '28:voucher-bot', name: 'Voucher bot' },
    conversation: { id: `a:chat-${who.aadObjectId}`, conversationType: 'personal', tenantId: who.tenantId },
    channelData: { tenant: { id: who.tenantId } },
    ...extra,
  });
  async function post(activity: Record<string, unknown>): Promise<TurnResult> {
    const res = await request(url, { body: activity });
    const body = res.body ? res.json<{ activities?: SentActivity[] }>() : {};
    for (const a of body.activities ?? []) {
      // Teams refuses a message over 100 KB; the bot keeps every one under 80 KB (TEAMS.md).
      const size = Buffer.byteLength(JSON.stringify(a));
      if (size > 80 * 1024) throw new Error(`an answer of ${size} bytes, over 80 KB`);
    }
    return resultOf(String(activity.id), res.status, body.activities ?? []);
  }
  /** Clicks the button titled `title` of an answer's card, with its inputs as shown, changed by `values` (what Teams sends). */
  const submit = (who: Speaker, answer: TurnResult, title: string, values: Record<string, string> = {}) => {
    const action = answer.actions.find((a) => a.title === title);
    if (!action) throw new Error(`no button "${title}" on the card; buttons: ${answer.buttons.join(', ')}`);
    return post(
      base(who, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: action.verb, data: { ...answer.inputs, ...values, ...action.data } },
          trigger: 'manual',
        },
      }),
    );
  };
  return {
    post,
    submit,
    activity: base,
    say: (who: Speaker, text: string, extra: Record<string, unknown> = {}) => post(base(who, { type: 'message', text, ...extra })),
    click: (who: Speaker, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      post(
        base(who, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
          ...extra,
        }),
      ),
  };
}
export type TurnDriver = ReturnType<typeof turnDriver>;
