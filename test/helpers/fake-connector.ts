import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  body: unknown;
}

/**
 * A real local HTTP server standing in for the Bot Connector service (the only cloud piece the
 * tests cannot reach). It records every call and answers like the connector, optionally slowly.
 */
export async function startFakeConnector(options: { delayMs?: number } = {}) {
  const calls: ConnectorCall[] = [];
  const waiters: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push({ method: req.method ?? '', path: req.url ?? '', body: text ? (JSON.parse(text) as unknown) : undefined });
      waiters.splice(0).forEach((wake) => wake());
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${calls.length}` }));
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    /** Resolves once the connector has received at least `count` calls. */
    waitForCalls: async (count: number) => {
      while (calls.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
