import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Where the Go source of the embedded FerretDB lives (tools/ferretdb). */
export const FERRETDB_SOURCE_DIR = path.resolve(__dirname, '..', '..', 'tools', 'ferretdb');

export interface FerretProcess {
  uri: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** True when a TCP connection to host:port opens within the timeout. */
export function canConnect(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const files = readdirSync(FERRETDB_SOURCE_DIR)
    .filter((f) => f === 'go.mod' || f === 'go.sum' || f.endsWith('.go'))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(path.join(FERRETDB_SOURCE_DIR, file)));
  return hash.digest('hex');
}

export function goAvailable(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/** How often a long build says it is still going, so the log is never silent for minutes. */
const BUILD_PROGRESS_MS = 30_000;

/**
 * Builds tools/ferretdb into <dataDir>/bin/ferretdb when it is missing or its sources changed.
 * The binary is never committed; Go fetches FerretDB's modules from the Go module proxy.
 */
export async function ensureFerretBinary(dataDir: string, say: (line: string) => void): Promise<string> {
  const binDir = path.resolve(dataDir, 'bin');
  const binary = path.join(binDir, 'ferretdb');
  const stampFile = `${binary}.sha256`;
  const wanted = sourceHash();
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return binary;
  if (!goAvailable()) throw new Error('Go is not installed, so the embedded FerretDB cannot be built');
  mkdirSync(binDir, { recursive: true });
  const first = !existsSync(binary);
  say(
    `building the embedded FerretDB from ${path.relative(process.cwd(), FERRETDB_SOURCE_DIR)} into ${binary} with Go: ` +
      (first ? "about 2 minutes the first time (Go downloads FerretDB's modules); " : 'its sources changed, usually under a minute; ') +
      'later starts reuse it',
  );
  const started = Date.now();
  const progress = setInterval(
    () => say(`still building FerretDB (${Math.round((Date.now() - started) / 1000)} s so far)`),
    BUILD_PROGRESS_MS,
  );
  try {
    await goBuild(binary);
  } finally {
    clearInterval(progress);
  }
  writeFileSync(stampFile, wanted);
  say(`FerretDB built in ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}

function goBuild(binary: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn('go', ['build', '-o', binary, '.'], { cwd: FERRETDB_SOURCE_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    build.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    build.once('error', reject);
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go build of FerretDB failed:\n${stderr}`))));
  });
}

/** Starts FerretDB on a free loopback port, backed by the PostgreSQL database of pgUrl. */
export async function startFerret(binary: string, pgUrl: string): Promise<FerretProcess> {
  const port = await freePort();
  // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and FerretDB must
  // outlive the bot's in-flight turns; the bot stops it (stopChild) once they are done.
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-postgresql-url', pgUrl], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // However this process ends (process.exit, an uncaught error), the database goes with it; only SIGKILL escapes.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited at start-up:\n${output}`);
    if (await canConnect('127.0.0.1', port, 500)) {
      return { uri: `mongodb://127.0.0.1:${port}/`, pid: child.pid, stop: () => stopChild(child) };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopChild(child);
  throw new Error(`FerretDB did not start listening within 30 s:\n${output}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
