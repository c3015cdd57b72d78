import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A real TCP relay in front of the test database that holds each of the server's answers for
 * `delayMs` (changeable at any time), in order: the bot behind it meets a genuinely slow database.
 * Requests pass at once; answers wait.
 */
export async function startSlowRelay(targetUri: string) {
  const target = new URL(targetUri);
  let delayMs = 0;
  const sockets = new Set<net.Socket>();

  /** Forwards `from` to `to`, each chunk no earlier than `delayMs` after it came and never before an earlier one. */
  function forwardSlowly(from: net.Socket, to: net.Socket): void {
    const queue: { at: number; chunk: Buffer }[] = [];
    let timer: NodeJS.Timeout | null = null;
    const pump = () => {
      timer = null;
      while (queue[0] && queue[0].at <= Date.now()) {
        const next = queue.shift();
        if (next && !to.destroyed) to.write(next.chunk);
      }
      if (queue[0]) timer = setTimeout(pump, queue[0].at - Date.now());
    };
    from.on('data', (chunk: Buffer) => {
      const last = queue[queue.length - 1]?.at ?? 0;
      queue.push({ at: Math.max(Date.now() + delayMs, last), chunk });
      if (!timer) pump();
    });
    from.on('close', () => {
      if (timer) clearTimeout(timer);
      to.destroy();
    });
  }

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 27017), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream);
    forwardSlowly(upstream, client);
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** A mongodb:// URI reaching the database through the relay. */
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    /** From now on, each answer of the database is held this long. */
    setDelay(ms: number): void {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
export type SlowRelay = Awaited<ReturnType<typeof startSlowRelay>>;
