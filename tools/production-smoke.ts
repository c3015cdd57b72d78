/**
 * CI's production check (README, Deploy): the compiled bot (`npm run build` -> dist/) must run with node alone
 * after `npm ci --omit=dev`. In a temporary copy (the checkout's node_modules stays as it is) this
 *   1. checks that every package dist/ requires is a dependency, not a devDependency;
 *   2. installs the production dependencies only;
 *   3. starts `npm run start:prod` on a free loopback port against MONGODB_URI, waits for /healthz to answer 200,
 *      stops it with SIGTERM and expects a clean exit, then drops the database it used.
 *   tsx tools/with-db.ts -- tsx tools/production-smoke.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';

const ROOT = path.resolve(__dirname, '..');
const say = (line: string) => console.log(`[production] ${line}`);

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The packages a compiled file loads: `require("x")` and `import("x")`, bare names only. */
export function requiredPackages(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\b(?:require|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names];
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function checkRuntimeImports(pkg: PackageJson): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of jsFiles(path.join(ROOT, 'dist'))) {
    for (const name of requiredPackages(readFileSync(file, 'utf8'))) {
      seen.add(name);
      if (pkg.dependencies?.[name]) continue;
      const where = pkg.devDependencies?.[name] ? 'is only a devDependency' : 'is not in package.json';
      problems.push(`${path.relative(ROOT, file)} requires ${name}, which ${where}`);
    }
  }
  // The bot cannot run without these; not seeing them means the scan itself is broken, not that all is well.
  for (const name of ['botbuilder', 'mongoose', 'restify'])
    if (!seen.has(name)) problems.push(`the scan of dist/ found no require("${name}")`);
  return problems;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, exited: () => boolean, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline && !exited()) {
    last = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (last === 200) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

async function runCompiledBot(copy: string, mongodbUri: string, dbName: string): Promise<void> {
  const port = await freePort();
  const bot = spawn('npm', ['run', '--silent', 'start:prod'], {
    cwd: copy,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      DOTENV_CONFIG_PATH: '/nonexistent',
      MONGODB_URI: mongodbUri,
      MONGODB_DB_NAME: dbName,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  bot.stdout.on('data', (c: Buffer) => (output += c.toString()));
  bot.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
  const started = Date.now();
  const status = await waitForHealth(`http://127.0.0.1:${port}/healthz`, () => bot.exitCode !== null, 60_000);
  if (status !== 200) {
    bot.kill('SIGKILL');
    throw new Error(`/healthz answered ${status || 'nothing'}; the bot's output:\n${output.slice(-4000)}`);
  }
  say(`GET /healthz -> 200 after ${Date.now() - started} ms`);
  bot.kill('SIGTERM');
  const timer = setTimeout(() => bot.kill('SIGKILL'), 15_000);
  const code = await exit;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the bot exited with ${code} after SIGTERM; its output:\n${output.slice(-4000)}`);
  say('stopped cleanly on SIGTERM');
}

async function main(): Promise<void> {
  const mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) throw new Error('MONGODB_URI is not set: run this through tools/with-db.ts');
  if (!existsSync(path.join(ROOT, 'dist', 'bot', 'start.js'))) throw new Error('dist/bot/start.js is missing: run npm run build first');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  const problems = checkRuntimeImports(pkg);
  if (problems.length > 0) throw new Error(`runtime imports outside dependencies:\n${problems.join('\n')}`);
  say('every package dist/ requires is in dependencies, none only in devDependencies');

  const copy = mkdtempSync(path.join(os.tmpdir(), 'voucherbot-production-'));
  const dbName = `production_smoke_${process.pid}`;
  try {
    for (const entry of ['package.json', 'package-lock.json', 'dist'])
      cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    const started = Date.now();
    const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: copy, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.stderr.slice(-4000)}`);
    if (existsSync(path.join(copy, 'node_modules', 'tsx')))
      throw new Error('npm ci --omit=dev installed tsx: the copy is not production-only');
    say(`npm ci --omit=dev in ${Date.now() - started} ms (no tsx, no typescript)`);
    await runCompiledBot(copy, mongodbUri, dbName);
  } finally {
    rmSync(copy, { recursive: true, force: true });
    const connection = await mongoose.createConnection(mongodbUri, { dbName }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  }
}

if (require.main === module) {
  main().then(
    () => say('ok'),
    (error: unknown) => {
      console.error(`[production] FAILED: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
