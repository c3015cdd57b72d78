import http from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
  json<T = unknown>(): T;
}

/** A plain HTTP request over loopback (no client library between the test and the server). */
export function request(
  url: string,
  options: { method?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body, json: <T>() => JSON.parse(body) as T });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A message activity as Teams would post it; override any field. */
export function messageActivity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2, 10)}`,
    text: 'hello',
    locale: 'en-US',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    timestamp: '2026-11-24T10:00:00.000Z',
    from: { id: '29:user', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
    recipient: { id: '28:bot', name: 'Voucher bot' },
    conversation: { id: 'a:conversation-1', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' },
    ...overrides,
  };
}
