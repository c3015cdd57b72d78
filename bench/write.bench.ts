import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mongoose, { Types } from 'mongoose';
import { addDays } from '../domain/calendar';
import { fixedClock } from '../domain/clock';
import { createDeps, ensureIndexes, type DomainDeps } from '../domain/models';
import type { WriteMode } from '../domain/store';
import { sweepPartner } from '../domain/voucher/voucher.sweep';
import { updateVersioned } from '../domain/write';

/**
 * `npm run bench:write [-- --updates N --expire M]`: prints figures, asserts nothing. The cost of
 * one update through the write path with the claim (what FerretDB needs) and without it (what
 * MongoDB gets), sequential and 8 at a time on distinct documents; then the expiry sweep of M
 * vouchers through the write path. Runs in a throw-away database on the server MONGODB_URI names.
 * On FerretDB the `atomic` figures are only a comparison: that mode is not safe there.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const UPDATES = arg('--updates', 300);
const EXPIRE = arg('--expire', 1000);
const NOW = new Date('2025-06-01T02:00:00Z');

function voucherDoc(partnerId: Types.ObjectId, n: number, expiresOn: Date) {
  const at = addDays(expiresOn, -180);
  const audit = Array.from({ length: 6 }, (_, i) => ({
    at,
    by: 'bench',
    event: i === 0 ? 'intake' : 'validate',
    from: i === 0 ? null : 'assigned',
    to: 'assigned',
    reason: 'bench',
  }));
  return {
    _id: new Types.ObjectId(),
    partnerId,
    number: `W${String(n).padStart(7, '0')}`,
    program: 'AZDPS',
    days: 5,
    customerName: `Customer ${n}`,
    agreementNumber: '12345678',
    voucherAdminEmail: 'a@c.test',
    assignedOn: at,
    expiresOn,
    state: 'assigned',
    version: 1,
    validated: { on: at, by: 'bench' },
    source: { kind: 'manual', messageId: null },
    audit,
  };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const line = (label: string, times: number[]) =>
  process.stdout.write(
    `${label.padEnd(40)} n=${times.length}  p50 ${pct(times, 50).toFixed(2)} ms  p99 ${pct(times, 99).toFixed(2)} ms  mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms\n`,
  );

async function updates(deps: DomainDeps, mode: WriteMode): Promise<void> {
  const partnerId = new Types.ObjectId();
  const docs = Array.from({ length: UPDATES }, (_, i) => voucherDoc(partnerId, i, addDays(NOW, 100)));
  await deps.models.vouchers.insertMany(docs);
  const one = (d: (typeof docs)[number], version: number) =>
    updateVersioned(deps, {
      model: deps.models.vouchers,
      id: d._id,
      version,
      filter: { partnerId, state: 'assigned' },
      update: { $set: { customerName: 'changed' }, $push: { audit: docs[0]?.audit[1] } },
    });
  const sequential: number[] = [];
  for (const d of docs) {
    const t0 = performance.now();
    const r = await one(d, 1);
    sequential.push(performance.now() - t0);
    if (!r.ok) throw new Error(`bench update failed: ${r.reason}`);
  }
  line(`update, ${mode}, sequential`, sequential);
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += 8) await Promise.all(docs.slice(i, i + 8).map((d) => one(d, 2)));
  const elapsed = performance.now() - t0;
  process.stdout.write(
    `${`update, ${mode}, 8 at a time`.padEnd(40)} n=${docs.length}  ${(elapsed / docs.length).toFixed(2)} ms per update (${Math.round((docs.length * 1000) / elapsed)} updates/s)\n`,
  );
}

async function sweep(deps: DomainDeps, mode: WriteMode): Promise<void> {
  const partnerId = new Types.ObjectId();
  await deps.models.partners.create({ _id: partnerId, slug: `bench-${mode}-${partnerId}`, name: 'Bench', version: 1 });
  await deps.models.vouchers.insertMany(
    Array.from({ length: EXPIRE }, (_, i) => voucherDoc(partnerId, 100_000 + i, addDays(NOW, -1 - (i % 30)))),
  );
  const t0 = performance.now();
  const r = await sweepPartner(deps, partnerId);
  const ms = performance.now() - t0;
  process.stdout.write(
    `${`sweep, ${mode}: expire ${EXPIRE} vouchers`.padEnd(40)} ${ms.toFixed(0)} ms (${r.vouchersExpired} expired, ${(ms / Math.max(1, r.vouchersExpired)).toFixed(2)} ms each)\n`,
  );
}

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run `npm run bench:write`');
  const dbName = `bench_write_${randomBytes(4).toString('hex')}`;
  const connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const clock = fixedClock(NOW);
    const info = await createDeps(connection, clock).store.info();
    process.stdout.write(
      `server: ${info.server} ${info.version}${info.ferretdbVersion ? ` (FerretDB ${info.ferretdbVersion})` : ''}; the write path's own mode here: ${info.writeMode}\n`,
    );
    for (const mode of ['claim', 'atomic'] as const) {
      const deps = createDeps(connection, clock, { writeMode: mode });
      await ensureIndexes(deps.models);
      await updates(deps, mode);
      await sweep(deps, mode);
    }
  } finally {
    await connection.dropDatabase();
    await connection.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
