import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Logger } from './log';

/**
 * The one shape of every error answer, ours and restify's own (413, 404, 405, bad JSON):
 * a stable code and one sentence, never a stack or an internal message.
 */
export function errorBody(code: string, message: string): { code: string; message: string } {
  return { code, message };
}

export interface ServerDeps {
  log: Logger;
  maxBodyBytes: number;
  /** POST /api/messages: the Bot Framework handler from bot/teams/adapter.ts. */
  handleMessages: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Resolves true when the database answers a ping in time. */
  pingDatabase: () => Promise<boolean>;
}

export interface BotServer {
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, waits for in-flight requests up to the deadline; true when all finished. */
  drain(deadlineMs: number): Promise<boolean>;
  inFlight(): number;
}

/** The restify server: /api/messages for Bot Framework, /healthz for probes (README, Operations). */
export function createBotServer(deps: ServerDeps): BotServer {
  const server = restify.createServer({ name: 'voucher-bot', handleUncaughtExceptions: false });
  let active = 0;
  const idleWaiters: Array<() => void> = [];
  const track =
    (handler: (req: restify.Request, res: restify.Response) => Promise<void>) => async (req: restify.Request, res: restify.Response) => {
      active += 1;
      try {
        await handler(req, res);
      } catch (error) {
        deps.log.error({ err: error, path: req.path() }, 'request failed');
        if (!res.headersSent) res.send(500, errorBody('InternalServer', 'the request could not be processed'));
      } finally {
        active -= 1;
        if (active === 0) idleWaiters.splice(0).forEach((wake) => wake());
      }
    };

  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false }));
  server.post('/api/messages', track(deps.handleMessages));
  server.get(
    '/healthz',
    track(async (_req, res) => {
      const up = await deps.pingDatabase();
      res.send(up ? 200 : 503, { status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' });
    }),
  );

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      }),
    drain: async (deadlineMs) => {
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const idle = active === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs)));
      const finished = await Promise.race([idle.then(() => true), timeout]);
      clearTimeout(timer);
      server.server.closeAllConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
      return finished;
    },
    inFlight: () => active,
  };
}
