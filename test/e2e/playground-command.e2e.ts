import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort } from '../../tools/playground-stack';

const ROOT = path.resolve(__dirname, '..', '..');

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false; // nothing listens there
  }
}

/** `npm run playground` as a newcomer runs it: the URL printed, everything stopped by SIGTERM. */
describe('npm run playground', function () {
  const dbName = `e2e_command_${randomBytes(4).toString('hex')}`;

  after(async function () {
    const uri = process.env.MONGODB_URI;
    if (!uri) return;
    const connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5_000 }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  it('prints the Playground URL, serves it with the bot behind it, and stops everything on SIGTERM', async function () {
    assert.ok(process.env.MONGODB_URI, 'run with npm run test:e2e');
    const [botPort, playgroundPort] = [await freePort(), await freePort()];
    const child = spawn('npm', ['run', '--silent', 'playground'], {
      cwd: ROOT,
      env: {
        ...process.env,
        MONGODB_DB_NAME: dbName,
        PORT: String(botPort),
        PLAYGROUND_PORT: String(playgroundPort),
        DATA_DIR: path.join(ROOT, 'build', 'e2e', 'playground-command'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let url: string | undefined;
    try {
      const deadline = Date.now() + 120_000;
      while (!/Agents Playground:\s+http/.test(output) && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 250));
      url = /Agents Playground:\s+(http\S+)/.exec(output)?.[1];
      assert.ok(url, `no URL printed:\n${output}`);
      assert.match(output, /Alex Wilber/);
      assert.ok(await answers(url), 'the Playground answers at the printed URL');
      assert.ok(await answers(`http://127.0.0.1:${botPort}/healthz`), 'the bot answers /healthz');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output);
    assert.equal(await answers(`http://127.0.0.1:${botPort}/healthz`), false, 'the bot stopped');
    assert.equal(await answers(url ?? `http://localhost:${playgroundPort}/`), false, 'the Playground stopped');
  });
});
