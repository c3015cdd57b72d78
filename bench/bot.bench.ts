import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { benchNumber, click, dropDatabase, EXTRA, prepare, reserveClick, ROOT, say } from './bot-bench-data';
import {
  cpuMs,
  freePort,
  load,
  peakRssMb,
  pct,
  rssMb,
  startProcess,
  summariseProfile,
  waitForHttp,
  type RunResult,
} from './bot-bench-support';

/**
 * `npm run bench:bot`: the bot process (`bot/main.ts`) through /api/messages with expectReplies,
 * on a throw-away database holding the demo data plus 1,000 vouchers, against a plain botbuilder
 * echo bot (bench/echo-bot.ts) on the same stack, in the same run: `voucher <number>` and a
 * reserve click at 1, 10 and 50 connections. Prints figures, ratios and each target at 10
 * connections as PASS or MISS, with the machine's load average at the start and the end (the
 * database server shares the machine, so a busy machine shows in every figure). With
 * `-- --profile`, also where the bot process spends its CPU (a V8 profile summarised by package).
 * Both bots run compiled (as `npm run start:prod`), or through tsx with `-- --tsx`.
 */
/** `-- --levels=10` (comma-separated) runs only those levels: a quicker look at the targets. */
const LEVELS = (
  process.argv
    .find((a) => a.startsWith('--levels='))
    ?.slice('--levels='.length)
    .split(',')
    .map(Number)
    .filter((n) => n > 0) ?? []
)
  .concat()
  .sort((a, b) => a - b);
if (LEVELS.length === 0) LEVELS.push(1, 10, 50);
const REQUESTS: Record<number, { view: number; reserve: number }> = {
  1: { view: 150, reserve: 100 },
  10: { view: 300, reserve: 300 },
  50: { view: 400, reserve: 500 },
};

interface Row {
  name: string;
  connections: number;
  r: RunResult;
}
const rps = (r: RunResult) => (r.requests / r.wallMs) * 1000;
const cpuPerTurn = (r: RunResult) => r.cpuMs / r.requests;

const BASELINE: Record<string, string> = { 'voucher <number>': 'echo message', 'reserve click': 'echo click' };
const line = (cells: string[], first = 22) =>
  process.stdout.write(`${cells.map((c, i) => (i === 0 ? c.padEnd(first) : c.padStart(10))).join(' ')}\n`);

function print(rows: Row[]): void {
  line(['scenario', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'cpu ms/turn', 'errors']);
  for (const { name, connections, r } of rows)
    line([
      name,
      String(connections),
      rps(r).toFixed(0),
      pct(r.latencies, 50).toFixed(1),
      pct(r.latencies, 99).toFixed(1),
      cpuPerTurn(r).toFixed(2),
      String(r.errors),
    ]);
  process.stdout.write('\nratios to the echo bot answering the same kind of activity (a message, a card click)\n');
  for (const n of LEVELS) {
    for (const [name, base] of Object.entries(BASELINE)) {
      const echo = rows.find((x) => x.name === base && x.connections === n)?.r;
      const bot = rows.find((x) => x.name === name && x.connections === n)?.r;
      if (!echo || !bot) continue;
      const ratios = `throughput ${(rps(bot) / rps(echo)).toFixed(2)}x  p99 ${(pct(bot.latencies, 99) / pct(echo.latencies, 99)).toFixed(2)}x  cpu/turn ${(cpuPerTurn(bot) / cpuPerTurn(echo)).toFixed(2)}x`;
      process.stdout.write(`${name.padEnd(18)} at ${String(n).padStart(2)}: ${ratios}\n`);
    }
  }
}

type Check = [what: string, bot: number, echo: number, kind: 'min' | 'max', limit: number, shown: (x: number) => string];

/** The targets at 10 connections, each PASS or MISS. */
function printTargets(rows: Row[], rssMb: number): void {
  const at10 = (name: string) => rows.find((x) => x.name === name && x.connections === 10)?.r;
  process.stdout.write('\ntargets at 10 connections\n');
  line(['target', 'bot', 'echo', 'ratio', 'limit', 'result'], 36);
  for (const [name, base] of Object.entries(BASELINE)) {
    const bot = at10(name);
    const echo = at10(base);
    if (!bot || !echo) continue;
    const checks: Check[] = [
      ['throughput (req/s)', rps(bot), rps(echo), 'min', 0.5, (x) => x.toFixed(0)],
      ['p99 (ms)', pct(bot.latencies, 99), pct(echo.latencies, 99), 'max', 3, (x) => x.toFixed(0)],
      ['CPU per turn (ms)', cpuPerTurn(bot), cpuPerTurn(echo), 'max', 2, (x) => x.toFixed(2)],
    ];
    for (const [what, b, e, kind, limit, shown] of checks) {
      const ratio = b / e;
      const ok = kind === 'min' ? ratio >= limit : ratio <= limit;
      line(
        [`${name} ${what}`, shown(b), shown(e), `${ratio.toFixed(2)}x`, `${kind === 'min' ? '>=' : '<='} ${limit}x`, ok ? 'PASS' : 'MISS'],
        36,
      );
    }
  }
  line(['bot peak RSS (MB)', rssMb.toFixed(0), '', '', '< 250', rssMb < 250 ? 'PASS' : 'MISS'], 36);
}

const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run `npm run bench:bot`, which provides a database');
  const dbName = `bench_bot_${randomBytes(4).toString('hex')}`;
  process.stdout.write(`load average at the start (1, 5, 15 min; ${availableParallelism()} cores): ${loadAverage()}\n`);
  process.stdout.write(`seeding the demo data and ${EXTRA} vouchers into ${dbName}...\n`);
  const ids = await prepare(uri, dbName);
  const [botPort, echoPort] = [await freePort(), await freePort()];
  const profileDir = mkdtempSync(path.join(tmpdir(), 'bench-bot-prof-'));
  const env = {
    PORT: String(botPort),
    HOST: '127.0.0.1',
    MONGODB_URI: uri,
    MONGODB_DB_NAME: dbName,
    DOTENV_CONFIG_PATH: '/nonexistent',
    LOG_LEVEL: 'info',
  };
  // `-- --profile` writes a CPU profile of the bot process (the profiler costs CPU and memory itself).
  const profile = process.argv.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const { bot: botMain, echo: echoMain, runtime } = entryPoints();
  process.stdout.write(`both bots run ${runtime}\n`);
  const bot = startProcess(['--disable-warning=DEP0111', ...profile, ...botMain], env);
  const echo = startProcess(['--disable-warning=DEP0111', ...echoMain, String(echoPort)], {});
  const botUrl = `http://127.0.0.1:${botPort}/api/messages`;
  const echoUrl = `http://127.0.0.1:${echoPort}/api/messages`;
  const rows: Row[] = [];
  try {
    await waitForHttp(botUrl, 120_000, bot.output);
    await waitForHttp(echoUrl, 60_000, echo.output);
    const botPid = bot.child.pid ?? 0;
    const echoPid = echo.child.pid ?? 0;
    const idleRss = rssMb(botPid);
    await load(
      botUrl,
      botPid,
      4,
      40,
      (i) => say(`voucher ${benchNumber(i)}`),
      () => true,
    );
    await load(
      echoUrl,
      echoPid,
      4,
      40,
      () => say('hello'),
      () => true,
    );
    let reserved = 0;
    for (const n of LEVELS) {
      const { view, reserve } = REQUESTS[n] ?? { view: 100, reserve: 100 };
      rows.push({
        name: 'echo message',
        connections: n,
        r: await load(
          echoUrl,
          echoPid,
          n,
          view,
          () => say('voucher BENCH-00001'),
          (t) => t.includes('echo'),
        ),
      });
      rows.push({
        name: 'echo click',
        connections: n,
        r: await load(
          echoUrl,
          echoPid,
          n,
          reserve,
          () => click('voucher.reserve', {}),
          (t) => t.includes('invokeResponse'),
        ),
      });
      rows.push({
        name: 'voucher <number>',
        connections: n,
        r: await load(
          botUrl,
          botPid,
          n,
          view,
          (i) => say(`voucher ${benchNumber(i * 7)}`),
          (t) => t.includes('BENCH-'),
        ),
      });
      const base = reserved;
      rows.push({
        name: 'reserve click',
        connections: n,
        r: await load(
          botUrl,
          botPid,
          n,
          reserve,
          (i) => reserveClick(ids[base + i] ?? ''),
          (t) => t.includes('"statusCode":200') && !t.includes('Not possible'),
        ),
      });
      reserved += reserve;
    }
    const rss = peakRssMb(botPid);
    process.stdout.write(
      `\nbot peak RSS ${rss.toFixed(0)} MB (target < 250 MB; ${idleRss.toFixed(0)} MB once started), echo peak RSS ${peakRssMb(echoPid).toFixed(0)} MB; bot CPU total ${cpuMs(botPid)} ms\n\n`,
    );
    print(rows);
    printTargets(rows, rss);
    process.stdout.write(`\nload average at the end (1, 5, 15 min): ${loadAverage()}\n`);
  } finally {
    const exited = new Promise((resolve) => bot.child.once('exit', resolve));
    bot.child.kill('SIGINT');
    echo.child.kill('SIGTERM');
    await exited;
    await dropDatabase(uri, dbName);
  }
  printProfile(profileDir);
}

/**
 * Both bots as `npm run start:prod` runs the bot (plain JavaScript compiled by tsc, node alone), so
 * neither pays for the TypeScript loader; `-- --tsx` runs them as `npm start` does instead.
 */
function entryPoints(): { bot: string[]; echo: string[]; runtime: string } {
  if (process.argv.includes('--tsx')) {
    return {
      bot: ['--import', 'tsx', path.join(ROOT, 'bot/main.ts')],
      echo: ['--import', 'tsx', path.join(ROOT, 'bench/echo-bot.ts')],
      runtime: 'TypeScript through tsx (npm start)',
    };
  }
  const out = mkdtempSync(path.join(ROOT, '.bench-build-'));
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  // tsc emits even when a type error elsewhere in the checkout makes it exit non-zero; what counts is the output.
  spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'ignore' });
  spawnSync(
    process.execPath,
    [
      tsc,
      path.join(ROOT, 'bench/echo-bot.ts'),
      '--outDir',
      path.join(out, 'bench'),
      '--module',
      'node16',
      '--target',
      'ES2022',
      '--esModuleInterop',
      '--skipLibCheck',
    ],
    { stdio: 'ignore' },
  );
  for (const file of ['bot/start.js', 'bench/echo-bot.js'])
    if (!existsSync(path.join(out, file))) throw new Error(`tsc did not produce ${file}`);
  // The bot as start:prod runs it: bot/start.js (source maps of our code only).
  return {
    bot: [path.join(out, 'bot/start.js')],
    echo: [path.join(out, 'bench/echo-bot.js')],
    runtime: 'compiled JavaScript with node alone (npm run start:prod)',
  };
}

function printProfile(dir: string): void {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return void process.stdout.write('\n(no CPU profile: run with `npm run bench:bot -- --profile`)\n');
  const { byArea, top } = summariseProfile(path.join(dir, file));
  const busy = byArea.filter(([a]) => a !== 'idle').reduce((s, [, ms]) => s + ms, 0);
  process.stdout.write(`\nwhere the bot process spent its CPU (self time, ${busy.toFixed(0)} ms busy; profile ${path.join(dir, file)}):\n`);
  for (const [area, ms] of byArea.filter(([a]) => a !== 'idle'))
    process.stdout.write(`  ${area.padEnd(22)} ${((ms / busy) * 100).toFixed(1).padStart(5)} %\n`);
  process.stdout.write('hottest functions:\n');
  for (const [fn, ms] of top) process.stdout.write(`  ${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${fn}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench:bot failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
