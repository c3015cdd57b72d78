import { Types } from 'mongoose';
import { z } from 'zod';
import { utcDay } from '../calendar';
import { eligibilityService } from '../enrollment/eligibility.service';
import { countryCode, email, text } from '../inputs';
import type { Location } from '../location/location.model';
import type { DomainDeps } from '../models';
import type { Actor } from '../person/person.model';
import { programCode, type ProgramCode } from '../program/program.catalog';
import { parseInput, refuse, type Refusal } from '../refusal';
import { scoped } from '../scope';
import { StoreError } from '../store';
import { upsertOne } from '../write';
import { requireAdmin } from './admin-audit';
import { DEFAULT_PARTNER_SETTINGS, type Partner, type Profile } from './partner.model';

export { tickInput, enrollInput, checklistInput } from '../enrollment/eligibility.service';

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
  settings: z
    .object({
      approvalDaysThreshold: z.number().int().min(1).max(16),
      approvalTtlDays: z.number().int().min(1).max(60),
      allowSelfApproval: z.boolean().default(false),
    })
    .default(DEFAULT_PARTNER_SETTINGS),
});
export const profileInput = z.object({
  description: z.string().max(5000),
  website: z.url({ protocol: /^https$/ }).nullable(),
  contactEmail: email.nullable(),
  countries: z.array(countryCode),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)),
  programs: z.array(programCode),
});

/**
 * Vouchers are reserved, redeemed and claimed under a location of the engagement's country
 * (DOMAIN.md, Program rules): from reservation until the claim. These are the states in between.
 */
const HELD_UNTIL_CLAIM = ['reserved', 'scheduled', 'completed', 'redeemed'] as const;

/** Partner-side records (DOMAIN.md, steps 1 to 3), managed by the partner admin. */
export function partnerService(deps: DomainDeps) {
  const m = deps.models;
  /**
   * A location's country may not change while it holds vouchers before their claim: they would
   * then be refused at redemption or claim (country mismatch) while their 60-day clock runs.
   */
  async function countryChangeInUse(actor: Actor, locationId: string, country: string): Promise<Refusal | null> {
    const current = await m.locations.findOne(scoped(actor.partnerId, { locationId }), { country: 1 }).lean<Pick<Location, 'country'>>();
    if (!current || current.country === country) return null;
    const count = await m.vouchers.countDocuments(scoped(actor.partnerId, { locationId, state: { $in: [...HELD_UNTIL_CLAIM] } }));
    return count > 0 ? refuse('LOCATION_IN_USE', { locationId, country: current.country, count }) : null;
  }
  return {
    ...eligibilityService(deps),
    /**
     * Creates or updates the actor's own partner (seed and tests; not a chat command): the system of
     * a partner id not yet used creates it under that id, an admin or the system updates it. Partner
     * settings are the partner admin's (DOMAIN.md, People); another partner's slug is refused by its unique index.
     */
    async upsertPartner(actor: Actor, raw: z.input<typeof partnerInput>): Promise<Partner> {
      requireAdmin(actor, 'manageSettings');
      const i = parseInput(partnerInput, raw);
      const filter = { _id: actor.partnerId };
      const r = await upsertOne(deps, { model: m.partners, filter, insert: () => ({ ...filter, ...i }), change: () => ({ $set: i }) });
      if (!r.ok) throw new StoreError(`partner ${i.slug}: a unique index refused it`);
      return r.doc;
    },
    byTenant: (tenantId: string): Promise<Partner | null> => m.partners.findOne({ tenantIds: tenantId }).lean<Partner>(),
    bySlug: (slug: string): Promise<Partner | null> => m.partners.findOne({ slug }).lean<Partner>(),
    /** Creates or updates a location (name, country, contacts); its program approvals come from enrollment. */
    async upsertLocation(actor: Actor, raw: z.input<typeof locationInput>): Promise<Location> {
      requireAdmin(actor, 'manageLocations');
      const i = parseInput(locationInput, raw);
      const filter = scoped(actor.partnerId, { locationId: i.locationId });
      const inUse = await countryChangeInUse(actor, i.locationId, i.country);
      if (inUse) throw inUse;
      const insert = () => ({ _id: new Types.ObjectId(), ...filter, ...i, approvedPrograms: [] });
      const r = await upsertOne(deps, { model: m.locations, filter, insert, change: () => ({ $set: i }) });
      if (!r.ok) throw new StoreError(`location ${i.locationId}: a unique index refused it`);
      return r.doc;
    },
    /** Directory profile (step 3): only programs with a current enrollment may be offered. */
    async updateProfile(actor: Actor, raw: z.input<typeof profileInput>): Promise<Profile> {
      requireAdmin(actor, 'updateProfile');
      const i = parseInput(profileInput, raw);
      const enrolled = await m.enrollments
        .find(scoped(actor.partnerId, { program: { $in: i.programs } }), { program: 1, renewBy: 1 })
        .lean<{ program: ProgramCode; renewBy: Date }[]>();
      const today = utcDay(deps.clock.now());
      const missing = i.programs.find((p) => !enrolled.some((e) => e.program === p && e.renewBy.getTime() >= today.getTime()));
      if (missing) throw refuse('PROGRAM_NOT_ENROLLED', { program: missing });
      const set = { ...i, updatedOn: deps.clock.now(), updatedBy: actor.aadObjectId };
      const filter = scoped(actor.partnerId, {});
      const r = await upsertOne(deps, {
        model: m.profiles,
        filter,
        insert: () => ({ _id: new Types.ObjectId(), ...filter, ...set }),
        change: () => ({ $set: set }),
      });
      if (!r.ok) throw new StoreError('profile: a unique index refused it');
      return r.doc;
    },
  };
}
