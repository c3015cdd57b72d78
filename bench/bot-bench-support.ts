import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

/** Helpers of `npm run bench:bot`: processes, their CPU and memory from /proc, and a load generator. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function startProcess(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

export async function waitForHttp(url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
      req.end('{}');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output()}`);
}

const TICK_MS = 10; // USER_HZ is 100 on Linux: /proc times are in 10 ms ticks.

/** User + system CPU time of a process so far, in ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Peak resident set size of a process, in MB. */
export const peakRssMb = (pid: number): number => statusMb(pid, 'VmHWM');

/** Resident set size of a process now, in MB. */
export const rssMb = (pid: number): number => statusMb(pid, 'VmRSS');

function statusMb(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface RunResult {
  requests: number;
  errors: number;
  wallMs: number;
  latencies: number[];
  cpuMs: number;
}

/** `total` requests from `connections` concurrent clients; `make(i)` builds request i; `check` says whether its answer is right. */
export async function load(
  url: string,
  pid: number,
  connections: number,
  total: number,
  make: (i: number) => unknown,
  check: (text: string) => boolean,
): Promise<RunResult> {
  let next = 0;
  let errors = 0;
  const latencies: number[] = [];
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const s = performance.now();
      const r = await post(url, make(i));
      latencies.push(performance.now() - s);
      if (r.status !== 200 || !check(r.text)) errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { requests: total, errors, wallMs: performance.now() - t0, latencies, cpuMs: cpuMs(pid) - cpu0 };
}

export const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time of a V8 .cpuprofile grouped by where the code lives (our code, botbuilder, driver...). */
export function summariseProfile(path: string): { byArea: [string, number][]; top: [string, number][] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = nodes.get(id)?.callFrame;
    if (!f) continue;
    const area = areaOf(f.url, f.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
    if (area === 'idle') continue;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/main\//, '')}:${f.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const sort = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { byArea: sort(byArea), top: sort(byFunction).slice(0, 12) };
}

function areaOf(url: string, fn: string): string {
  if (fn === '(idle)' || fn === '(program)') return 'idle';
  if (fn === '(garbage collector)') return 'garbage collection';
  for (const pkg of [
    'botbuilder',
    'botframework',
    'mongodb',
    'bson',
    'mongoose',
    'restify',
    'adaptivecards',
    'pino',
    'zod',
    'date-fns',
    'tsx',
    'jsonwebtoken',
    'axios',
  ]) {
    if (url.includes(`node_modules/${pkg}`)) return pkg;
  }
  if (url.includes('node_modules')) return 'other packages';
  for (const dir of ['/bot/', '/cards/', '/domain/']) if (url.includes(dir)) return `our ${dir.slice(1, -1)}/`;
  return url.startsWith('node:') || url === '' ? 'node internals' : 'other';
}
