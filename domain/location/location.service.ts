import { z } from 'zod';
import { email, lineText, text } from '../inputs';
import type { DomainDeps } from '../models';
import { recordAdminChange, requireAdmin } from '../partner/admin-audit';
import { locationIdInput } from '../partner/onboarding.service';
import { partnerService } from '../partner/partner.service';
import { checkMember } from '../person/actor';
import type { Actor } from '../person/person.model';
import { parseInput, refuse } from '../refusal';
import { scoped } from '../scope';
import { isoCountry } from './country';
import type { Location } from './location.model';

export const saveLocationInput = z.object({
  locationId: locationIdInput,
  name: lineText(200),
  country: isoCountry,
  contacts: z.array(z.object({ aadObjectId: text(64), name: lineText(200), email })).optional(),
});

/** Refuses a location id the partner does not have (LOCATION_NOT_FOUND), before anything is written. */
export async function refuseUnknownLocations(deps: DomainDeps, actor: Actor, ids: string[]): Promise<void> {
  const found = await deps.models.locations
    .find(scoped(actor.partnerId, { locationId: { $in: ids } }), { locationId: 1 })
    .lean<Pick<Location, 'locationId'>[]>();
  const missing = ids.find((id) => !found.some((l) => l.locationId === id));
  if (missing) throw refuse('LOCATION_NOT_FOUND', { locationId: missing });
}

/** Locations (issue 9, step 3): list, add and edit; which programs each is approved for comes from enrollment. */
export function locationAdmin(deps: DomainDeps) {
  const partners = partnerService(deps);
  return {
    async list(actor: Actor): Promise<Location[]> {
      checkMember(actor, 'viewPartner');
      return deps.models.locations.find(scoped(actor.partnerId, {})).sort({ locationId: 1 }).lean<Location[]>();
    },
    async get(actor: Actor, locationId: string): Promise<Location | null> {
      checkMember(actor, 'viewPartner');
      return deps.models.locations.findOne(scoped(actor.partnerId, { locationId: locationId.toUpperCase() })).lean<Location>();
    },
    /** Adds or edits a location (admins); contacts kept when the input names none. */
    async saveLocation(actor: Actor, raw: z.input<typeof saveLocationInput>): Promise<Location> {
      requireAdmin(actor, 'manageLocations');
      const i = parseInput(saveLocationInput, raw);
      const current = await deps.models.locations.findOne(scoped(actor.partnerId, { locationId: i.locationId })).lean<Location>();
      const contacts = i.contacts ?? current?.contacts ?? [];
      const location = await partners.upsertLocation(actor, { locationId: i.locationId, name: i.name, country: i.country, contacts });
      await recordAdminChange(deps, actor, 'location.save', i.locationId);
      return location;
    },
  };
}
