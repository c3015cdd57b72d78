import mongoose from 'mongoose';
import { fixedClock } from '../domain/clock';
import { addDays, isoDay, utcDay } from '../domain/calendar';
import { createDomain, type Actor, type Domain } from '../domain/domain';
import { mailboxService } from '../domain/partner/mailbox.service';
import { systemActor } from '../domain/person/person.service';
import { checklistFor, PROGRAM_CODES, type ProgramCode } from '../domain/program/program.catalog';

/**
 * `npm run seed -- --demo [--uri mongodb://...]`: the demo partner "Contoso Consulting", its people
 * (with the Agents Playground's default user as admin, staff and manager) and a dozen vouchers
 * across every state. Idempotent: what exists is left alone, so a second run changes nothing.
 */
const TENANT = '00000000-0000-0000-0000-0000000000001';
const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020';
const ALL = [...PROGRAM_CODES];
const qualified = ALL.map((program) => ({ program, trainingOn: '2024-01-15', examOn: '2024-02-01' }));
const PEOPLE = [
  {
    aadObjectId: 'c0a70001-0000-4000-8000-000000000001',
    name: 'Adele Vance',
    email: 'adele.vance@contoso-consulting.test',
    roles: ['admin' as const],
    locationIds: ['FR-PAR', 'US-SEA'],
  },
  {
    aadObjectId: 'c0a70001-0000-4000-8000-000000000002',
    name: 'Lee Gu',
    email: 'lee.gu@contoso-consulting.test',
    roles: ['staff' as const],
    locationIds: ['FR-PAR'],
    qualifications: qualified,
  },
  {
    aadObjectId: 'c0a70001-0000-4000-8000-000000000003',
    name: 'Megan Bowen',
    email: 'megan.bowen@contoso-consulting.test',
    roles: ['staff' as const],
    locationIds: ['US-SEA'],
  },
  {
    aadObjectId: 'c0a70001-0000-4000-8000-000000000004',
    name: 'Nestor Wilke',
    email: 'nestor.wilke@contoso-consulting.test',
    roles: ['manager' as const],
  },
  {
    aadObjectId: PLAYGROUND_USER,
    name: 'Alex Wilber',
    email: 'alex.wilber@contoso-consulting.test',
    roles: ['admin' as const, 'staff' as const, 'manager' as const],
    locationIds: ['FR-PAR', 'US-SEA'],
    qualifications: qualified,
  },
];

type Stage =
  | 'assigned'
  | 'flagged'
  | 'pendingReserve'
  | 'reserved'
  | 'scheduled'
  | 'completed'
  | 'pendingRedeem'
  | 'redeemed'
  | 'claimed'
  | 'paid'
  | 'expired'
  | 'expiringSoon';
const VOUCHERS: [string, Stage, ProgramCode, 1 | 3 | 5 | 10 | 15, string][] = [
  ['DEMO-0001', 'assigned', 'AZDPS', 5, 'Fabrikam'],
  ['DEMO-0002', 'flagged', 'SDPS', 3, 'Northwind Traders'],
  ['DEMO-0003', 'pendingReserve', 'DDPS', 10, 'Tailspin Toys'],
  ['DEMO-0004', 'reserved', 'SSDPS', 5, 'Litware'],
  ['DEMO-0005', 'scheduled', 'PVDPS', 3, 'Adventure Works'],
  ['DEMO-0006', 'completed', 'AZDPS', 5, 'Woodgrove Bank'],
  ['DEMO-0007', 'pendingRedeem', 'SEDPS', 3, 'Wide World Importers'],
  ['DEMO-0008', 'redeemed', 'DTDPS', 1, 'Proseware'],
  ['DEMO-0009', 'claimed', 'AZDPS', 5, 'Alpine Ski House'],
  ['DEMO-0010', 'paid', 'SDPS', 3, 'Coho Winery'],
  ['DEMO-0011', 'expired', 'DDPS', 5, 'Fourth Coffee'],
  ['DEMO-0012', 'expiringSoon', 'SSDPS', 3, 'Trey Research'],
];
const ORDER: Stage[] = ['assigned', 'reserved', 'scheduled', 'completed', 'pendingRedeem', 'redeemed', 'claimed', 'paid'];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function setUpPartner(d: Domain, today: Date): Promise<Actor> {
  // The demo is run by one person (the Agents Playground's user), who must be able to approve their own requests.
  const settings = { approvalDaysThreshold: 10, approvalTtlDays: 7, allowSelfApproval: true };
  // The seed acts as the system of the demo partner: its id if a run made it already, else a new one.
  const existing = await d.partners.bySlug('contoso-consulting');
  const system = systemActor(existing?._id ?? new mongoose.Types.ObjectId());
  const partner = await d.partners.upsertPartner(system, {
    slug: 'contoso-consulting',
    name: 'Contoso Consulting',
    tenantIds: [TENANT],
    settings,
  });
  // Customers forward voucher emails here (issue 10, Email channel); no staff channel: staff hear of them in their personal chats.
  await mailboxService(d.deps).set(system, { address: 'vouchers@contoso.example', staffChannelId: null });
  for (const [locationId, name, country] of [
    ['FR-PAR', 'Paris', 'FR'],
    ['US-SEA', 'Seattle', 'US'],
  ] as const) {
    const contacts = PEOPLE.filter((p) => p.locationIds?.includes(locationId)).map(({ aadObjectId, name: n, email }) => ({
      aadObjectId,
      name: n,
      email,
    }));
    await d.partners.upsertLocation(system, { locationId, name, country, contacts });
  }
  for (const p of PEOPLE) await d.people.upsert(system, p);
  for (const program of ALL) {
    const eligibility = await d.deps.models.eligibilities.findOne({ partnerId: partner._id, program }).lean();
    if (eligibility?.status !== 'active')
      for (const item of checklistFor(program)) await d.partners.tickEligibility(system, { program, item: item.key, done: true });
    const enrollment = await d.deps.models.enrollments.findOne({ partnerId: partner._id, program }).lean();
    if (!enrollment || enrollment.renewBy.getTime() < today.getTime()) {
      const on = isoDay(addDays(today, -30));
      await d.partners.enroll(system, {
        program,
        enrolledOn: on,
        agreementSignedOn: on,
        complianceTrainingOn: on,
        locationIds: ['FR-PAR', 'US-SEA'],
      });
    }
  }
  const profile = await d.deps.models.profiles.findOne({ partnerId: partner._id }).lean();
  if (!profile) {
    await d.partners.updateProfile(system, {
      description: 'Microsoft partner delivering Planning Services in France and the United States.',
      website: 'https://contoso-consulting.test',
      contactEmail: 'hello@contoso-consulting.test',
      countries: ['FR', 'US'],
      languages: ['en', 'fr'],
      programs: ALL,
    });
  }
  return d.people.resolveActor(partner._id, PLAYGROUND_USER);
}

/** Drives one voucher through the real services, the clock set to each step's day. */
async function seedVoucher(
  d: Domain,
  clock: ReturnType<typeof fixedClock>,
  alex: Actor,
  today: Date,
  [number, stage, program, days, customerName]: (typeof VOUCHERS)[number],
): Promise<void> {
  // A pending approval lives approvalTtlDays (7): the pending stages start recently enough that the sweep at the end leaves them pending.
  const pending = stage === 'pendingReserve' ? -2 : stage === 'pendingRedeem' ? -10 : -20;
  const base = addDays(
    today,
    stage === 'paid' || stage === 'claimed' ? -90 : stage === 'expired' ? -200 : stage === 'expiringSoon' ? -172 : pending,
  );
  const at = (offset: number) => clock.set(new Date(addDays(base, offset).getTime() + 10 * 3_600_000));
  at(0);
  const admin = 'it-admin@' + customerName.toLowerCase().replace(/[^a-z]+/g, '') + '.test';
  const sender = stage === 'flagged' ? 'assistant@' + admin.split('@')[1] : admin;
  const intake = await d.vouchers.intake(alex, {
    voucherNumber: number,
    program,
    days,
    customerName,
    agreementNumber: '8765 4321',
    voucherAdminEmail: admin,
    assignedOn: isoDay(addDays(base, -1)),
    source: { kind: 'email', messageId: `<${number.toLowerCase()}@demo.test>`, senderEmail: sender },
  });
  const id = String(intake.voucher._id);
  if (stage === 'flagged' || stage === 'expired') return;
  await d.vouchers.validate(alex, { voucherId: id, voucherAdminEmail: admin });
  if (stage === 'assigned' || stage === 'expiringSoon') return;
  const r = await d.vouchers.reserve(alex, { voucherId: id, locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true });
  if (stage === 'pendingReserve') return;
  if (r.approval) await d.approvals.approve(alex, { approvalId: String(r.approval._id) });
  const reach = ORDER.indexOf(stage);
  if (reach < ORDER.indexOf('scheduled')) return;
  await d.vouchers.schedule(alex, {
    voucherId: id,
    start: isoDay(addDays(base, 5)),
    end: isoDay(addDays(base, 5 + Math.min(days, 3) - 1)),
    consultantAadObjectId: PLAYGROUND_USER,
  });
  await d.deliverables.addLink(alex, {
    voucherId: id,
    name: `${customerName} planning deliverable`,
    url: `https://contoso-consulting.sharepoint.com/sites/delivery/${number}.docx`,
  });
  if (reach < ORDER.indexOf('completed')) return;
  at(8);
  await d.vouchers.complete(alex, {
    voucherId: id,
    deliveredOn: isoDay(addDays(base, 7)),
    summary: `Planning engagement delivered to ${customerName}.`,
    attendees: ['CIO', 'Infrastructure lead'],
    recommendations: 'Proceed with a pilot.',
  });
  if (reach < ORDER.indexOf('pendingRedeem')) return;
  const { approval } = await d.approvals.requestRedemption(alex, { voucherIds: [id] });
  if (stage === 'pendingRedeem') return;
  await d.approvals.approve(alex, { approvalId: String(approval._id) });
  if (reach < ORDER.indexOf('claimed')) return;
  at(10);
  await d.vouchers.claim(alex, { voucherId: id, claimNumber: `CLM-${number}` });
  if (stage !== 'paid') return;
  at(40);
  await d.vouchers.markPaid(alex, { voucherId: id, paidOn: isoDay(addDays(base, 40)) });
}

async function main(): Promise<number> {
  const uri = argValue('--uri') ?? process.env.MONGODB_URI;
  if (!uri) {
    process.stderr.write('seed: no database. Set MONGODB_URI or pass --uri mongodb://host:port/dbname\n');
    return 2;
  }
  if (!process.argv.includes('--demo')) {
    process.stderr.write('seed: nothing to do. Use `npm run seed -- --demo` to create the demo partner.\n');
    return 2;
  }
  // The bot's database: MONGODB_DB_NAME, else the name in the URI's path, else the bot's default.
  const named = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
  const dbName = process.env.MONGODB_DB_NAME || named || 'voucherbot';
  const connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const today = utcDay(new Date());
    const clock = fixedClock(new Date());
    const d = createDomain({ connection, clock });
    await d.ensureIndexes();
    const alex = await setUpPartner(d, today);
    let created = 0;
    for (const v of VOUCHERS) {
      if (await d.deps.models.vouchers.exists({ partnerId: alex.partnerId, number: v[0] })) continue;
      await seedVoucher(d, clock, alex, today, v);
      created++;
    }
    clock.set(new Date());
    await d.sweep.partner(alex.partnerId);
    const counts = await d.queries.countByState(alex);
    process.stdout.write(
      `seed: Contoso Consulting ready in ${connection.name}; ${created} voucher(s) created; by state ${JSON.stringify(counts)}\n`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`seed: failed: ${e instanceof Error ? `${e.name} ${e.message}` : String(e)}\n`);
    process.exit(1);
  },
);
