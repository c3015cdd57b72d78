import type { DomainDeps } from '../models';
import { enrollmentAdmin } from '../enrollment/enrollment-admin.service';
import { locationAdmin } from '../location/location.service';
import { checkMember } from '../person/actor';
import type { Actor } from '../person/person.model';
import { peopleAdmin } from '../person/people-admin.service';
import { loadPartnerById, setupPartner, updateSettings } from './onboarding.service';
import { partnerOverview } from './overview.queries';
import { profileAdmin } from './profile.service';

/**
 * Partner administration (issue 9) as the bot calls it: setup, settings, people, locations,
 * eligibility, enrollment, profile and the overview. Every change is made by an admin, goes
 * through the write path (domain/write.ts) and is recorded in the partner's admin changes.
 */
export function partnerAdmin(deps: DomainDeps) {
  return {
    setup: (input: Parameters<typeof setupPartner>[1]) => setupPartner(deps, input),
    settings: (actor: Actor, input: Parameters<typeof updateSettings>[2]) => updateSettings(deps, actor, input),
    /** The actor's partner and its settings; for any person of the partner. */
    partner: async (actor: Actor) => {
      checkMember(actor, 'viewPartner');
      return loadPartnerById(deps, actor.partnerId);
    },
    people: peopleAdmin(deps),
    locations: locationAdmin(deps),
    enrollment: enrollmentAdmin(deps),
    profile: profileAdmin(deps),
    overview: (actor: Actor) => partnerOverview(deps, actor),
  };
}
export type PartnerAdmin = ReturnType<typeof partnerAdmin>;
export type { PartnerOverview } from './overview.queries';
export type { AdminChange } from './admin-audit.model';
export { PARTNER_CENTER_DIRECTORY_URL } from './profile.service';
export { countryName, isIsoCountry } from '../location/country';
