import { Types, type Connection } from 'mongoose';
import { fixedClock } from '../../domain/clock';
import { createDomain, type Actor, type Domain, type Voucher } from '../../domain/domain';
import { systemActor } from '../../domain/person/person.service';
import { checklistFor, PROGRAM_CODES } from '../../domain/program/program.catalog';

/** A partner set up as the demo one: FR and US locations approved for every program. */
export const START = '2025-03-03T10:00:00.000Z';

export interface World {
  domain: Domain;
  clock: ReturnType<typeof fixedClock>;
  admin: Actor;
  staffFr: Actor;
  staffUs: Actor;
  manager: Actor;
  outsider: Actor;
}

export async function createWorld(connection: Connection, slug: string, clock = fixedClock(START)): Promise<World> {
  const domain = createDomain({ connection, clock });
  await domain.ensureIndexes();
  const system = systemActor(new Types.ObjectId());
  const partner = await domain.partners.upsertPartner(system, { slug, name: `Partner ${slug}`, tenantIds: [`tenant-${slug}`] });
  const qualified = PROGRAM_CODES.map((program) => ({ program, trainingOn: '2024-01-10', examOn: '2024-01-20' }));
  const people = [
    { aadObjectId: `${slug}-admin`, name: 'Ada Admin', email: `admin@${slug}.test`, roles: ['admin' as const] },
    {
      aadObjectId: `${slug}-staff-fr`,
      name: 'Sacha Staff',
      email: `fr@${slug}.test`,
      roles: ['staff' as const],
      locationIds: ['FR-PAR'],
      qualifications: qualified,
    },
    { aadObjectId: `${slug}-staff-us`, name: 'Sam Staff', email: `us@${slug}.test`, roles: ['staff' as const], locationIds: ['US-SEA'] },
    { aadObjectId: `${slug}-manager`, name: 'Mia Manager', email: `manager@${slug}.test`, roles: ['manager' as const] },
    { aadObjectId: `${slug}-outsider`, name: 'Otto Outsider', email: `out@${slug}.test`, roles: ['staff' as const] },
  ];
  for (const p of people) await domain.people.upsert(system, p);
  await domain.partners.upsertLocation(system, { locationId: 'FR-PAR', name: 'Paris', country: 'FR' });
  await domain.partners.upsertLocation(system, { locationId: 'US-SEA', name: 'Seattle', country: 'US' });
  for (const program of PROGRAM_CODES) {
    for (const item of checklistFor(program)) await domain.partners.tickEligibility(system, { program, item: item.key, done: true });
    await domain.partners.enroll(system, {
      program,
      enrolledOn: '2024-06-01',
      agreementSignedOn: '2024-05-20',
      complianceTrainingOn: '2024-05-25',
      locationIds: ['FR-PAR', 'US-SEA'],
    });
  }
  const actor = (id: string) => domain.people.resolveActor(partner._id, id);
  return {
    domain,
    clock,
    admin: await actor(`${slug}-admin`),
    staffFr: await actor(`${slug}-staff-fr`),
    staffUs: await actor(`${slug}-staff-us`),
    manager: await actor(`${slug}-manager`),
    outsider: await actor(`${slug}-outsider`),
  };
}

let counter = 0;
/** A fresh, validated voucher (assigned on 2025-03-01, so it expires on 2025-08-28). */
export async function newVoucher(
  w: World,
  over: Partial<{ days: number; program: string; customerName: string; assignedOn: string; number: string }> = {},
): Promise<Voucher> {
  counter += 1;
  const number = over.number ?? `PS-${Date.UTC(2025, 0, 1) + counter}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const voucherAdminEmail = 'it-admin@customer.test';
  const { voucher } = await w.domain.vouchers.intake(w.staffFr, {
    voucherNumber: number,
    program: (over.program ?? 'AZDPS') as 'AZDPS',
    days: over.days ?? 5,
    customerName: over.customerName ?? `Customer ${counter}`,
    agreementNumber: '1234 5678',
    voucherAdminEmail,
    assignedOn: over.assignedOn ?? '2025-03-01',
    source: { kind: 'manual' },
  });
  return (await w.domain.vouchers.validate(w.staffFr, { voucherId: String(voucher._id), voucherAdminEmail })).voucher;
}

export const reserveFr = (w: World, v: Voucher, extra: Record<string, unknown> = {}) =>
  w.domain.vouchers.reserve(w.staffFr, {
    voucherId: String(v._id),
    locationId: 'FR-PAR',
    engagementCountry: 'FR',
    termsAccepted: true,
    ...extra,
  });

/** Takes a voucher from assigned to completed with a deliverable link; from START, leaves the clock on 2025-03-15. */
export async function completedVoucher(w: World, over: Parameters<typeof newVoucher>[1] = {}): Promise<Voucher> {
  w.clock.set(START);
  const v = await newVoucher(w, over);
  await reserveFr(w, v);
  await w.domain.vouchers.schedule(w.staffFr, {
    voucherId: String(v._id),
    start: '2025-03-10',
    end: '2025-03-14',
    consultantAadObjectId: w.staffFr.aadObjectId,
  });
  await w.domain.deliverables.addLink(w.staffFr, {
    voucherId: String(v._id),
    name: 'Plan',
    url: 'https://contoso.sharepoint.com/sites/x/plan.docx',
  });
  w.clock.set('2025-03-15T09:00:00Z');
  return (
    await w.domain.vouchers.complete(w.staffFr, {
      voucherId: String(v._id),
      deliveredOn: '2025-03-14',
      summary: 'Delivered',
      attendees: ['CIO'],
      recommendations: 'Migrate',
    })
  ).voucher;
}
