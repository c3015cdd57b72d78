import { randomUUID } from 'node:crypto';
import path from 'node:path';
import mongoose from 'mongoose';
import { addDays, isoDay, utcDay } from '../domain/calendar';
import { systemClock } from '../domain/clock';
import { createDomain } from '../domain/domain';
import { startProcess } from './bot-bench-support';

/** The data and activities of `npm run bench:bot` and `npm run bench:bot-commands`: the demo partner, Alex (admin), 1,000 assigned vouchers. */
export const TENANT = '00000000-0000-0000-0000-0000000000001';
export const ALEX = '00000000-0000-0000-0000-0000000000020';
export const EXTRA = 1_000;
export const ROOT = path.resolve(__dirname, '..');

export const benchNumber = (i: number): string => `BENCH-${String(i % EXTRA).padStart(5, '0')}`;

/** Seeds the demo data (tools/seed.ts) and `count` validated vouchers; returns their ids. */
export async function prepare(uri: string, dbName: string, count = EXTRA): Promise<string[]> {
  const seed = startProcess(['--import', 'tsx', path.join(ROOT, 'tools/seed.ts'), '--demo'], { MONGODB_URI: uri, MONGODB_DB_NAME: dbName });
  const code = await new Promise<number | null>((resolve) => seed.child.once('exit', resolve));
  if (code !== 0) throw new Error(`seed failed:\n${seed.output()}`);
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  try {
    const d = createDomain({ connection, clock: systemClock });
    const partner = await d.partners.byTenant(TENANT);
    if (!partner) throw new Error('the demo partner is missing after seeding');
    const alex = await d.people.resolveActor(partner._id, ALEX);
    const assignedOn = isoDay(addDays(utcDay(new Date()), -10));
    const ids: string[] = [];
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, (_, k) => `BENCH-${String(i + k).padStart(5, '0')}`);
      const made = await Promise.all(
        batch.map(async (number, k) => {
          const { voucher } = await d.vouchers.intake(alex, {
            voucherNumber: number,
            program: 'AZDPS',
            days: 5,
            customerName: `Bench customer ${i + k}`,
            agreementNumber: `AG-${i + k}`,
            voucherAdminEmail: 'it@bench.test',
            assignedOn,
            source: { kind: 'manual' },
          });
          await d.vouchers.validate(alex, { voucherId: String(voucher._id), voucherAdminEmail: 'it@bench.test' });
          return String(voucher._id);
        }),
      );
      ids.push(...made);
    }
    return ids;
  } finally {
    await connection.close();
  }
}

export async function dropDatabase(uri: string, dbName: string): Promise<void> {
  const c = await mongoose.createConnection(uri, { dbName }).asPromise();
  await c.dropDatabase();
  await c.close();
}

const activity = (extra: Record<string, unknown>) => ({
  id: randomUUID(),
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  deliveryMode: 'expectReplies',
  locale: 'en-US',
  from: { id: '29:alex', name: 'Alex Wilber', aadObjectId: ALEX },
  recipient: { id: '28:bot', name: 'Voucher bot' },
  conversation: { id: 'a:bench', conversationType: 'personal', tenantId: TENANT },
  channelData: { tenant: { id: TENANT } },
  ...extra,
});
export const say = (text: string) => activity({ type: 'message', text });
export const click = (verb: string, data: Record<string, unknown>) =>
  activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
/** The reserve button of the details card of an assigned voucher, at the demo's Paris location. */
export const reserveClick = (voucherId: string) =>
  click('voucher.reserve', { voucherId, expectedState: 'assigned', locationId: 'FR-PAR', termsAccepted: 'true' });
