import { Types } from 'mongoose';
import { z } from 'zod';
import { email, lineText, text } from '../inputs';
import { isoCountry } from '../location/country';
import type { DomainDeps } from '../models';
import { actorOf, personService, systemActor } from '../person/person.service';
import type { Actor } from '../person/person.model';
import { parseInput } from '../refusal';
import { scoped } from '../scope';
import { StoreError } from '../store';
import { removeVersioned, updateCurrent, upsertOne } from '../write';
import { recordAdminChange, requireAdmin } from './admin-audit';
import { DEFAULT_PARTNER_SETTINGS, type Partner } from './partner.model';
import { partnerService } from './partner.service';

export const locationIdInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'letters, digits and hyphens expected');
const threshold = z.coerce.number().int().min(1).max(16);

export const setupInput = z.object({
  tenantId: text(64),
  partnerName: lineText(200),
  locationId: locationIdInput,
  locationName: lineText(200),
  country: isoCountry,
  approvalDaysThreshold: threshold,
  admin: z.object({ aadObjectId: text(64), name: lineText(200), email }),
});
export const settingsInput = z.object({ partnerName: lineText(200), approvalDaysThreshold: threshold });

export type SetupOutcome = { created: true; partner: Partner; admin: Actor } | { created: false; partner: Partner };

/** The one slug a tenant's own partner gets: the partners' unique slug index is what lets only one setup win. */
export const tenantSlug = (tenantId: string): string => `tenant-${tenantId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 64);

/**
 * First run in a tenant no partner owns (issue 9, step 1): the first location and the first admin
 * are written under a new partner id, then the partner itself is inserted under a slug derived
 * from the tenant. Two setups at the same moment meet on the partners' unique slug index: the one
 * that loses removes what it wrote and is told the tenant is taken. A setup interrupted before the
 * partner insert leaves only documents of a partner that does not exist, which nothing reads.
 */
export async function setupPartner(deps: DomainDeps, raw: z.input<typeof setupInput>): Promise<SetupOutcome> {
  const i = parseInput(setupInput, raw);
  const partners = partnerService(deps);
  const existing = await partners.byTenant(i.tenantId);
  if (existing) return { created: false, partner: existing };
  const partnerId = new Types.ObjectId();
  const system = systemActor(partnerId);
  const location = await partners.upsertLocation(system, { locationId: i.locationId, name: i.locationName, country: i.country });
  const person = await personService(deps).upsert(system, { ...i.admin, roles: ['admin'], locationIds: [i.locationId] });
  const settings = { ...DEFAULT_PARTNER_SETTINGS, approvalDaysThreshold: i.approvalDaysThreshold };
  const r = await upsertOne(deps, {
    model: deps.models.partners,
    filter: { slug: tenantSlug(i.tenantId) },
    insert: () => ({ _id: partnerId, slug: tenantSlug(i.tenantId), name: i.partnerName, tenantIds: [i.tenantId], settings }),
    change: () => null,
  });
  if (!r.ok) throw new StoreError(`partner for tenant ${i.tenantId}: a unique index refused it`);
  if (!r.created) {
    await removeVersioned(deps, { model: deps.models.people, id: person._id, version: person.version, filter: scoped(partnerId, {}) });
    await removeVersioned(deps, {
      model: deps.models.locations,
      id: location._id,
      version: location.version,
      filter: scoped(partnerId, {}),
    });
    return { created: false, partner: r.doc };
  }
  const admin = actorOf(person);
  await recordAdminChange(deps, admin, 'partner.setup', i.partnerName);
  return { created: true, partner: r.doc, admin };
}

/** A tenant is set up once a partner owns it (else `setup` runs the first run). */
export async function isPartnerSetUp(deps: DomainDeps, tenantId: string): Promise<boolean> {
  return (await partnerService(deps).byTenant(tenantId)) !== null;
}

/** Partner settings (name, approval threshold in days), changed by an admin only. */
export async function updateSettings(deps: DomainDeps, actor: Actor, raw: z.input<typeof settingsInput>): Promise<Partner> {
  requireAdmin(actor, 'manageSettings');
  const i = parseInput(settingsInput, raw);
  const r = await updateCurrent(deps, {
    model: deps.models.partners,
    filter: { _id: actor.partnerId },
    change: (p: Partner) =>
      p.name === i.partnerName && p.settings.approvalDaysThreshold === i.approvalDaysThreshold
        ? null
        : { $set: { name: i.partnerName, 'settings.approvalDaysThreshold': i.approvalDaysThreshold } },
  });
  if (!r.ok) throw new StoreError('partner settings: the partner is gone');
  await recordAdminChange(deps, actor, 'partner.settings', i.partnerName);
  return r.doc;
}

export const loadPartnerById = (deps: DomainDeps, partnerId: Types.ObjectId): Promise<Partner | null> =>
  deps.models.partners.findById(partnerId).lean<Partner>();
