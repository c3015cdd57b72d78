import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorPost {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity id a PUT (updateActivity) replaces; the id answered for a POST. */
  activityId: string;
  body: Record<string, unknown>;
  at: number;
}

export interface ScriptedAnswer {
  status: number;
  retryAfterSeconds?: number;
}

/**
 * A real local HTTP server standing in for the Bot Connector, for proactive sends: it records every
 * message posted (POST .../activities) and updated (PUT .../activities/:id), answers with an id, and
 * on demand answers the next calls (for one conversation, or any) with 403, 404, 429 (with or
 * without Retry-After) or a 5xx instead.
 */
export async function startScriptedConnector() {
  const posts: ConnectorPost[] = [];
  const failures: { conversationId: string | null; answer: ScriptedAnswer }[] = [];
  const refused: { method: string; conversationId: string; status: number; at: number }[] = [];
  let nextId = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      const conversationId = decodeURIComponent(match?.[1] ?? '');
      const at = failures.findIndex((f) => f.conversationId === null || f.conversationId === conversationId);
      if (match && at >= 0) {
        const [failure] = failures.splice(at, 1);
        const answer = failure?.answer ?? { status: 500 };
        refused.push({ method: req.method ?? '', conversationId, status: answer.status, at: Date.now() });
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (answer.retryAfterSeconds !== undefined) headers['retry-after'] = String(answer.retryAfterSeconds);
        res.writeHead(answer.status, headers);
        res.end(JSON.stringify({ error: { code: answer.status === 403 ? 'BotNotInConversationRoster' : 'Failure', message: 'scripted' } }));
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      const method = req.method === 'PUT' ? 'PUT' : 'POST';
      const activityId = method === 'PUT' ? decodeURIComponent(match?.[2] ?? '') : `msg-${nextId++}`;
      if (match) posts.push({ method, conversationId, activityId, body, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: activityId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    posts,
    refused,
    /** The next `count` calls (to `conversationId`, or to any conversation) get `answer`. */
    failNext(count: number, answer: ScriptedAnswer, conversationId: string | null = null) {
      for (let i = 0; i < count; i++) failures.push({ conversationId, answer });
    },
    /** Waits until `predicate` holds on the recorded posts (polling), or fails after `timeoutMs`. */
    async waitFor(predicate: (posts: ConnectorPost[]) => boolean, timeoutMs = 10_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(posts)) {
        if (Date.now() > deadline) throw new Error(`the connector did not get the expected calls in ${timeoutMs} ms; got ${posts.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type ScriptedConnector = Awaited<ReturnType<typeof startScriptedConnector>>;
