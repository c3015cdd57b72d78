import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mongoose, { Types } from 'mongoose';
import { addDays } from '../domain/calendar';
import { fixedClock } from '../domain/clock';
import { createDomain, type Actor, type Domain } from '../domain/domain';
import { systemActor } from '../domain/person/person.service';
import { checklistFor, PROGRAM_CODES } from '../domain/program/program.catalog';
import { newVoucher } from '../domain/voucher/intake.rules';
import type { Voucher } from '../domain/voucher/voucher.model';

/**
 * `npm run bench:domain [-- --vouchers N --samples S]`: prints figures, asserts nothing.
 * N vouchers (default 100,000) over 5 partners in a throw-away database, then p50/p99 of reserve,
 * a page of 25 by state, expiring within 30 days, and the duration and memory of the expiry sweep.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TOTAL = arg('--vouchers', 100_000);
const SAMPLES = arg('--samples', 100);
const PARTNERS = 5;
const START = new Date('2025-03-03T10:00:00Z');
const STATES = ['assigned', 'assigned', 'assigned', 'reserved', 'scheduled', 'completed', 'redeemed', 'paid'] as const;

async function setUpPartner(d: Domain, i: number): Promise<Actor> {
  const existing = await d.partners.bySlug(`bench-${i}`);
  const system = systemActor(existing?._id ?? new Types.ObjectId());
  const p = await d.partners.upsertPartner(system, { slug: `bench-${i}`, name: `Bench ${i}` });
  await d.partners.upsertLocation(system, { locationId: 'FR-PAR', name: 'Paris', country: 'FR' });
  await d.people.upsert(system, { aadObjectId: `bench-${i}-admin`, name: 'Admin', email: `a${i}@bench.test`, roles: ['admin', 'staff'] });
  for (const program of PROGRAM_CODES) {
    for (const item of checklistFor(program)) await d.partners.tickEligibility(system, { program, item: item.key, done: true });
    await d.partners.enroll(system, {
      program,
      enrolledOn: '2024-06-01',
      agreementSignedOn: '2024-06-01',
      complianceTrainingOn: '2024-06-01',
      locationIds: ['FR-PAR'],
    });
  }
  return d.people.resolveActor(p._id, `bench-${i}-admin`);
}

function makeVoucher(actor: Actor, n: number): Voucher {
  const assignedOn = addDays(new Date('2024-09-01'), n % 200); // expiries from 2025-02-28 to 2025-09-15
  const t = { now: START, today: addDays(START, 0) };
  const v = newVoucher(
    {
      voucherNumber: `B${String(n).padStart(7, '0')}`,
      program: PROGRAM_CODES[n % 7] ?? 'AZDPS',
      days: [1, 3, 5][n % 3] ?? 5,
      customerName: `Customer ${n % 5000}`,
      agreementNumber: null,
      voucherAdminEmail: 'a@c.test',
      assignedOn,
      expiresOn: null,
      source: { kind: 'manual', messageId: null, senderEmail: null },
    },
    addDays(assignedOn, 180),
    actor,
    t,
  );
  v.state = STATES[n % STATES.length] ?? 'assigned';
  v.validated = { on: START, by: 'bench' };
  return v;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
async function timed(label: string, n: number, run: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  process.stdout.write(
    `${label.padEnd(34)} n=${n}  p50 ${pct(times, 50).toFixed(1)} ms  p99 ${pct(times, 99).toFixed(1)} ms  max ${Math.max(...times).toFixed(1)} ms\n`,
  );
}

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
  const dbName = `bench_domain_${randomBytes(3).toString('hex')}`;
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  try {
    const clock = fixedClock(START);
    const d = createDomain({ connection, clock });
    await d.ensureIndexes();
    const actors: Actor[] = [];
    for (let i = 0; i < PARTNERS; i++) actors.push(await setUpPartner(d, i));
    let t0 = performance.now();
    for (let b = 0; b < TOTAL; b += 2000) {
      const docs = Array.from({ length: Math.min(2000, TOTAL - b) }, (_, k) => makeVoucher(actors[(b + k) % PARTNERS] as Actor, b + k));
      await d.deps.models.vouchers.collection.insertMany(docs, { ordered: false });
    }
    process.stdout.write(
      `server ${uri} db ${dbName}: inserted ${TOTAL} vouchers over ${PARTNERS} partners in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const a0 = actors[0] as Actor;
    const candidates = await d.deps.models.vouchers
      .find({ partnerId: a0.partnerId, state: 'assigned', expiresOn: { $gte: addDays(START, 1) } }, { _id: 1 })
      .limit(SAMPLES)
      .lean<{ _id: Types.ObjectId }[]>();
    await timed('reserve (one voucher)', candidates.length, (i) =>
      d.vouchers.reserve(a0, { voucherId: String(candidates[i]?._id), locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true }),
    );
    await timed('list by state (page of 25)', SAMPLES, (i) =>
      d.queries.byState(actors[i % PARTNERS] as Actor, ['assigned'], { skip: 25 * (i % 4), limit: 25 }),
    );
    await timed('expiring within 30 days (25)', SAMPLES, (i) => d.queries.expiringWithin(actors[i % PARTNERS] as Actor, 30));
    await timed('by number', SAMPLES, (i) =>
      d.vouchers.findByNumber(actors[i % PARTNERS] as Actor, `B${String((i * 997) % TOTAL).padStart(7, '0')}`),
    );
    clock.set('2025-06-01T00:00:00Z');
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    t0 = performance.now();
    const swept = await d.sweep.all();
    const ms = performance.now() - t0;
    clearInterval(sampler);
    process.stdout.write(
      `expiry sweep over ${TOTAL} vouchers: ${(ms / 1000).toFixed(2)} s, ${swept.vouchersExpired} expired, heap +${((peak - heapBefore) / 1e6).toFixed(1)} MB peak\n`,
    );
    // The sweep runs daily: the next day's run only expires what passed its date since.
    clock.set('2025-06-02T00:00:00Z');
    t0 = performance.now();
    const daily = await d.sweep.all();
    process.stdout.write(
      `next day's sweep over ${TOTAL} vouchers: ${((performance.now() - t0) / 1000).toFixed(2)} s, ${daily.vouchersExpired} expired\n`,
    );
  } finally {
    await connection.dropDatabase();
    await connection.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
