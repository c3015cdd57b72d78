import { z } from 'zod';
import { addYears, utcDay } from '../calendar';
import { checklistFor, programCode, type ProgramCode } from '../program/program.catalog';
import { calendarDate, countryCode, email, text } from '../inputs';
import type { DomainDeps } from '../models';
import type { Actor } from '../person/person.model';
import { isDuplicateKey } from '../guarded-write';
import { parseInput, refuse } from '../refusal';
import { scoped } from '../scope';
import { eligibilityStatusOf, type Eligibility, type Enrollment } from '../enrollment/enrollment.model';
import type { Location } from '../location/location.model';
import { DEFAULT_PARTNER_SETTINGS, type Partner, type Profile } from './partner.model';

export const locationInput = z.object({
  locationId: text(64),
  name: text(200),
  country: countryCode,
  contacts: z.array(z.object({ aadObjectId: text(64), name: text(200), email })).default([]),
});
export const partnerInput = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: text(200),
  tenantIds: z.array(text(64)).default([]),
  settings: z.object({ approvalDaysThreshold: z.number().int().min(1).max(16), approvalTtlDays: z.number().int().min(1).max(60) }).default(DEFAULT_PARTNER_SETTINGS),
});
export const tickInput = z.object({ program: programCode, item: text(100), done: z.boolean() });
export const enrollInput = z.object({ program: programCode, enrolledOn: calendarDate, agreementSignedOn: calendarDate, complianceTrainingOn: calendarDate, locationIds: z.array(text(64)).min(1) });
export const profileInput = z.object({
  description: z.string().max(5000),
  website: z.url({ protocol: /^https$/ }).nullable(),
  contactEmail: email.nullable(),
  countries: z.array(countryCode),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)),
  programs: z.array(programCode),
});

function requireAdmin(actor: Actor, action: string): void {
  if (!actor.roles.includes('admin') && !actor.roles.includes('system')) throw refuse('NOT_PERMITTED', { action, roles: ['admin'] });
}

/** Partner-side records (DOMAIN.md, steps 1 to 3), managed by the partner admin. */
export function partnerService(deps: DomainDeps) {
  const m = deps.models;
  return {
    /** Creates or updates a partner by slug (setup and seed; not a chat command). */
    async upsertPartner(raw: z.input<typeof partnerInput>): Promise<Partner> {
      const i = parseInput(partnerInput, raw);
      const doc = await m.partners.findOneAndUpdate({ slug: i.slug }, { $set: i }, { upsert: true, returnDocument: 'after' }).lean<Partner>();
      if (!doc) throw new Error('upsert returned nothing');
      return doc;
    },
    byTenant: (tenantId: string): Promise<Partner | null> => m.partners.findOne({ tenantIds: tenantId }).lean<Partner>(),
    bySlug: (slug: string): Promise<Partner | null> => m.partners.findOne({ slug }).lean<Partner>(),
    async upsertLocation(actor: Actor, raw: z.input<typeof locationInput>): Promise<Location> {
      requireAdmin(actor, 'manage locations');
      const i = parseInput(locationInput, raw);
      const where = scoped(actor.partnerId, { locationId: i.locationId });
      // Not an upsert: FerretDB drops `$setOnInsert` of an empty array, and approvedPrograms must exist.
      if (!(await m.locations.exists(where))) await m.locations.create({ ...where, ...i, approvedPrograms: [] }).catch((e: unknown) => { if (!isDuplicateKey(e)) throw e; });
      const doc = await m.locations.findOneAndUpdate(where, { $set: i }, { returnDocument: 'after' }).lean<Location>();
      if (!doc) throw new Error('location vanished');
      return doc;
    },
    /** Ticks a checklist item (who, when); the eligibility status follows the checklist (step 1). */
    async tickEligibility(actor: Actor, raw: z.input<typeof tickInput>): Promise<Eligibility> {
      requireAdmin(actor, 'update eligibility');
      const i = parseInput(tickInput, raw);
      const current = await m.eligibilities.findOne(scoped(actor.partnerId, { program: i.program })).lean<Eligibility>();
      const checklist = current?.checklist ?? checklistFor(i.program).map((x) => ({ ...x, done: false, by: null, on: null }));
      if (!checklist.some((x) => x.key === i.item)) throw refuse('ELIGIBILITY_ITEM_UNKNOWN', { program: i.program, item: i.item });
      const now = deps.clock.now();
      const next = checklist.map((x) => (x.key === i.item ? { ...x, done: i.done, by: i.done ? actor.aadObjectId : null, on: i.done ? now : null } : x));
      const doc = await m.eligibilities
        .findOneAndUpdate(scoped(actor.partnerId, { program: i.program }), { $set: { checklist: next, status: eligibilityStatusOf(next) } }, { upsert: true, returnDocument: 'after' })
        .lean<Eligibility>();
      if (!doc) throw new Error('upsert returned nothing');
      return doc;
    },
    /** Enroll or renew (step 2): eligibility active; lasts one year; approves the given locations. */
    async enroll(actor: Actor, raw: z.input<typeof enrollInput>): Promise<Enrollment> {
      requireAdmin(actor, 'enroll');
      const i = parseInput(enrollInput, raw);
      const eligibility = await m.eligibilities.findOne(scoped(actor.partnerId, { program: i.program })).lean<Eligibility>();
      if (eligibility?.status !== 'active') throw refuse('ELIGIBILITY_NOT_ACTIVE', { program: i.program, status: eligibility?.status ?? 'not_started' });
      const set = { ...i, renewBy: addYears(i.enrolledOn, 1) };
      const doc = await m.enrollments.findOneAndUpdate(scoped(actor.partnerId, { program: i.program }), { $set: set }, { upsert: true, returnDocument: 'after' }).lean<Enrollment>();
      await m.locations.updateMany(scoped(actor.partnerId, { locationId: { $in: i.locationIds } }), { $addToSet: { approvedPrograms: i.program } });
      if (!doc) throw new Error('upsert returned nothing');
      return doc;
    },
    /** Directory profile (step 3): only programs with a current enrollment may be offered. */
    async updateProfile(actor: Actor, raw: z.input<typeof profileInput>): Promise<Profile> {
      requireAdmin(actor, 'update the profile');
      const i = parseInput(profileInput, raw);
      const enrolled = await m.enrollments.find(scoped(actor.partnerId, { program: { $in: i.programs } }), { program: 1, renewBy: 1 }).lean<{ program: ProgramCode; renewBy: Date }[]>();
      const today = utcDay(deps.clock.now());
      const missing = i.programs.find((p) => !enrolled.some((e) => e.program === p && e.renewBy.getTime() >= today.getTime()));
      if (missing) throw refuse('PROGRAM_NOT_ENROLLED', { program: missing });
      const set = { ...i, updatedOn: deps.clock.now(), updatedBy: actor.aadObjectId };
      const doc = await m.profiles.findOneAndUpdate(scoped(actor.partnerId, {}), { $set: set }, { upsert: true, returnDocument: 'after' }).lean<Profile>();
      if (!doc) throw new Error('upsert returned nothing');
      return doc;
    },
  };
}
