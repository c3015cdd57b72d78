/**
 * The local try-it stack: the demo data seeded, the bot, and the Microsoft 365 Agents Playground
 * pointed at the bot. `npm run playground` (tools/playground.ts) and the browser test
 * (test/e2e) start it; the caller owns the database and passes its URI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const PLAYGROUND_CONFIG = path.join(ROOT, 'tools', 'playground.yml');
const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

export interface StackOptions {
  mongodbUri: string;
  dbName: string;
  /** 0 picks a free port. */
  botPort: number;
  /** 0 picks a free port; the Playground itself moves to a random port when this one is taken. */
  playgroundPort: number;
  /** Where bot.log, seed.log and playground.log go. */
  logDir: string;
  /** Extra environment for the bot, such as DOTENV_CONFIG_PATH. */
  botEnv?: NodeJS.ProcessEnv;
  say: (line: string) => void;
}

export interface RunningStack {
  botUrl: string;
  playgroundUrl: string;
  logDir: string;
  /** Stops the Playground, then the bot (which finishes its in-flight turns). */
  stop(): Promise<void>;
}

/** Seeds the demo data, starts the bot and the Playground; on any failure stops what it started. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  mkdirSync(options.logDir, { recursive: true });
  const env = { ...process.env, MONGODB_URI: options.mongodbUri, MONGODB_DB_NAME: options.dbName };
  const children: Child[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await child.stop();
  };
  try {
    options.say('seeding the demo data (Contoso Consulting)');
    const seed = startChild('seed', [path.join(ROOT, 'tools', 'seed.ts'), '--demo'], env, options.logDir, true);
    const seedCode = await seed.exited;
    if (seedCode !== 0) throw new Error(`the demo seed failed (exit ${String(seedCode)}):\n${seed.tail()}`);

    const botPort = await usablePort(options.botPort, options.say);
    const botEnv = { ...env, ...options.botEnv, PORT: String(botPort), HOST: '127.0.0.1', MicrosoftAppId: '', MicrosoftAppPassword: '' };
    const bot = startChild('bot', [path.join(ROOT, 'bot', 'main.ts')], botEnv, options.logDir, true);
    children.push(bot);
    const botUrl = `http://127.0.0.1:${botPort}/api/messages`;
    await waitFor(bot, () => httpOk(`http://127.0.0.1:${botPort}/healthz`), 'the bot to answer /healthz');
    options.say(`bot ready on ${botUrl}`);

    const playground = startPlayground(botUrl, options.playgroundPort || (await freePort()), options.logDir);
    children.push(playground);
    let port = 0;
    await waitFor(
      playground,
      async () => {
        port = Number(/Listening on (\d+)/.exec(playground.output())?.[1] ?? 0);
        return port > 0 && (await httpOk(`http://localhost:${port}/`));
      },
      'the Agents Playground to listen',
    );
    return { botUrl, playgroundUrl: `http://localhost:${port}/`, logDir: options.logDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startPlayground(botUrl: string, port: number, logDir: string): Child {
  const args = [PLAYGROUND_CLI, '-e', botUrl, '-c', 'msteams', '-p', String(port), '--disable-telemetry'];
  const env = {
    ...process.env,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'playground-debug.log'),
    // The launcher prints the URL; the Playground would otherwise try to open a browser itself.
    TEAMSAPPTESTER_BROWSER: 'none',
  };
  return startChild('playground', args, env, logDir, false);
}

interface Child {
  exited: Promise<number | null>;
  output(): string;
  tail(): string;
  stop(): Promise<void>;
}

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string, typescript: boolean): Child {
  const nodeArgs = typescript ? ['--disable-warning=DEP0111', '--import', 'tsx', ...args] : args;
  // The Playground runs in the log directory: it writes files (devTools/) next to itself.
  const child = spawn(process.execPath, nodeArgs, {
    cwd: typescript ? ROOT : logDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  let output = '';
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    if (output.length < 200_000) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(127));
    child.once('exit', (code) => resolve(code));
  });
  void exited.then(() => log.end());
  return {
    exited,
    output: () => output,
    tail: () => tailOf(logFile, output),
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  // The bot drains for up to SHUTDOWN_TIMEOUT_MS (9 s by default); past 12 s it is stuck.
  const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(child: Child, ready: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`stopped (exit ${String(exitCode)}) before ${what}:\n${child.tail()}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}:\n${child.tail()}`);
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false; // not listening yet
  }
}

/** The asked port when it is free (0: any), else a free one, said aloud (`npm start` may hold 3978). */
async function usablePort(asked: number, say: (line: string) => void): Promise<number> {
  if (asked > 0 && (await canListen(asked))) return asked;
  const port = await freePort();
  if (asked > 0) say(`port ${asked} is taken; the bot uses ${port}`);
  return port;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port free right now on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function tailOf(file: string, fallback: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8') || fallback;
  } catch {
    text = fallback; // the log file may not be flushed yet; the in-memory copy is as good
  }
  return text.split('\n').slice(-15).join('\n');
}
