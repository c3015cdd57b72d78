import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose from 'mongoose';
import { canConnect, freePort } from '../../bot/db/ferretdb';
import { startFakeConnector } from '../helpers/fake-connector';
import { testMongoUri } from '../helpers/db';
import { messageActivity, request } from '../helpers/http';
import { REPO_ROOT, spawnBot, waitForOutput } from '../helpers/spawn-bot';

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

describe('a stop signal during start-up', () => {
  it('lets the current step finish, then stops what has started and exits 0', async function () {
    this.timeout(60_000);
    const dbName = `t_stop_early_${randomBytes(4).toString('hex')}`;
    const bot = spawnBot({ MONGODB_URI: testMongoUri(), MONGODB_DB_NAME: dbName, PORT: '0' });
    try {
      // The database is chosen; connecting and creating the indexes take a while longer.
      await waitForOutput(bot.output, /"msg":"database: /, 30_000);
      bot.child.kill('SIGTERM');
      assert.equal(await bot.exited, 0, bot.output());
      assert.match(bot.output(), /"signal":"SIGTERM".*"stop requested during start-up: stopping when the current step ends"/);
      assert.match(bot.output(), /"drained":true.*"stopped"/);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      const connection = await mongoose.createConnection(testMongoUri(), { dbName }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
  });
});

/**
 * The exact documented command as a container runtime or systemd stops it (SIGTERM to `npm start`),
 * and as a terminal does (Ctrl-C: SIGINT to the whole foreground process group).
 */
describe('`npm start` stopped by a signal', () => {
  const group = (npm: ChildProcess, signal: NodeJS.Signals) => process.kill(-(npm.pid ?? 0), signal);
  const stops: Array<{ how: string; stop: (npm: ChildProcess) => void; signal: string; npmExit: number | null }> = [
    { how: 'SIGTERM to the npm process', stop: (npm) => npm.kill('SIGTERM'), signal: 'SIGTERM', npmExit: 0 },
    { how: 'SIGINT to its process group (Ctrl-C)', stop: (npm) => group(npm, 'SIGINT'), signal: 'SIGINT', npmExit: 0 },
    // npm itself does not forward SIGHUP and dies of it; the bot still stops gracefully and takes the database with it.
    { how: 'SIGHUP to its process group (terminal closed)', stop: (npm) => group(npm, 'SIGHUP'), signal: 'SIGHUP', npmExit: null },
  ];
  for (const { how, stop, signal, npmExit } of stops) {
    it(`stops the bot and its embedded database gracefully on ${how}: port closed, both processes gone`, async function () {
      this.timeout(240_000);
      const embedded = process.env.VOUCHERBOT_DB_KIND === 'mongod' ? 'mongod' : 'ferretdb';
      const pgUrl = new URL(process.env.FERRETDB_POSTGRESQL_URL || 'postgres://postgres@127.0.0.1:5432/voucherbot');
      if (embedded === 'ferretdb' && !(await canConnect(pgUrl.hostname, Number(pgUrl.port || 5432)))) {
        // Written reason: the embedded FerretDB needs PostgreSQL; `npm test` (tools/with-db.ts) reports the same gap.
        this.skip();
      }
      pgUrl.pathname = `${pgUrl.pathname}_test`;
      const port = await freePort();
      const dbName = `t_npm_start_${randomBytes(4).toString('hex')}`;
      const npm = spawn('npm', ['start'], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DOTENV_CONFIG_PATH: '/nonexistent',
          PORT: String(port),
          EMBEDDED_DB: embedded,
          FERRETDB_POSTGRESQL_URL: pgUrl.toString(),
          DATA_DIR: path.resolve(REPO_ROOT, process.env.DATA_DIR || '.data'),
          MONGODB_DB_NAME: dbName,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        // A process group of its own, as a terminal gives a foreground job.
        detached: true,
      });
      let output = '';
      npm.stdout.on('data', (c: Buffer) => (output += c.toString()));
      npm.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
      const started: number[] = [];
      try {
        await waitForOutput(() => output, /listening on http:\/\/127\.0\.0\.1:\d+\/api\/messages/, 200_000);
        const botPid = logged(output, 'listening on').pid;
        const database = logged(output, 'database: ');
        started.push(...[botPid, database.pid].filter((pid): pid is number => typeof pid === 'number'));
        assert.ok(typeof botPid === 'number' && botPid !== npm.pid, 'npm start should run the bot as its own node process');
        assert.equal(typeof database.pid, 'number', output);
        assert.equal((await request(`http://127.0.0.1:${port}/healthz`)).status, 200);
        const uri = /on (mongodb:\/\/\S+?),/.exec(String(database.msg))?.[1] ?? '';
        if (uri) await dropDatabase(uri, dbName);

        stop(npm);
        assert.equal(await exited, npmExit, output);
        await waitUntil(() => !isAlive(botPid), 15_000);
        assert.match(output, new RegExp(`"signal":"${signal}".*shutting down`));
        assert.match(output, /"drained":true.*"stopped"/);
        assert.equal(await canConnect('127.0.0.1', port, 500), false, 'the port still answers');
        for (const pid of [botPid, database.pid as number]) assert.equal(isAlive(pid), false, `process ${pid} is still running`);
      } finally {
        if (npm.exitCode === null) npm.kill('SIGKILL');
        // A failed run must not leave an orphaned bot or database behind for the next test.
        for (const pid of started.filter(isAlive)) process.kill(pid, 'SIGKILL');
      }
    });
  }
});

function logged(output: string, message: string): Record<string, unknown> {
  const line = output.split('\n').find((l) => l.startsWith('{') && l.includes(`"msg":"${message}`));
  assert.ok(line, `no log line "${message}" in:\n${output}`);
  return JSON.parse(line) as Record<string, unknown>;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

async function dropDatabase(uri: string, dbName: string): Promise<void> {
  const connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5_000 }).asPromise();
  await connection.dropDatabase();
  await connection.close();
}
