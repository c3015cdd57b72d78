import assert from 'node:assert/strict';
import { startFakeConnector } from '../helpers/fake-connector';
import { testMongoUri } from '../helpers/db';
import { messageActivity, request } from '../helpers/http';
import { spawnBot, waitForOutput } from '../helpers/spawn-bot';

describe('graceful shutdown of the real process', () => {
  it('on SIGTERM stops accepting, finishes the in-flight turn, closes the database and exits 0 within 10 s', async function () {
    this.timeout(60_000);
    const connector = await startFakeConnector({ delayMs: 1_500 });
    const bot = spawnBot({ MONGODB_URI: testMongoUri(), MONGODB_DB_NAME: 't_shutdown', PORT: '0', HOST: '127.0.0.1' });
    try {
      const [, port] = await waitForOutput(bot.output, /listening on http:\/\/127\.0\.0\.1:(\d+)\/api\/messages/, 30_000);
      const base = `http://127.0.0.1:${port}`;
      const inFlight = request(`${base}/api/messages`, {
        body: messageActivity({ id: 'act-shutdown-1', serviceUrl: connector.url, text: 'hello' }),
      });
      await connector.waitForCalls(1);
      const signalledAt = Date.now();
      bot.child.kill('SIGTERM');

      const answer = await inFlight;
      assert.equal(answer.status, 200, 'the in-flight turn was cut short');
      const code = await bot.exited;
      const elapsed = Date.now() - signalledAt;
      assert.equal(code, 0, bot.output());
      assert.ok(elapsed < 10_000, `exit took ${elapsed} ms`);
      assert.ok(elapsed >= 1_000, `exited after ${elapsed} ms, before the slow reply was delivered`);

      const reply = connector.calls[0];
      assert.equal(reply?.method, 'POST');
      assert.match(reply?.path ?? '', /\/v3\/conversations\/a%3Aconversation-1\/activities\/act-shutdown-1$/);
      await assert.rejects(request(`${base}/healthz`), /ECONNREFUSED/);
      assert.match(bot.output(), /"drained":true/);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await connector.close();
    }
  });
});
