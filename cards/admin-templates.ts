import type { EligibilityData } from './eligibility.card';
import type { EnrollmentData } from './enrollment.card';
import type { LocationFormData, LocationsData } from './locations.card';
import type { PartnerStatusData } from './partner-status.card';
import type { PeopleData, PersonFormData } from './people.card';
import type { ProfileData } from './profile.card';
import type { SetupData } from './setup.card';
import eligibility from './templates/eligibility.json';
import enrollment from './templates/enrollment.json';
import locationForm from './templates/location-form.json';
import locations from './templates/locations.json';
import partnerStatus from './templates/partner-status.json';
import people from './templates/people.json';
import personForm from './templates/person-form.json';
import profile from './templates/profile.json';
import setup from './templates/setup.json';

/** The partner administration templates (issue 9), registered with the others in cards/render.ts. */
export const ADMIN_TEMPLATES = {
  setup,
  people,
  'person-form': personForm,
  locations,
  'location-form': locationForm,
  eligibility,
  enrollment,
  profile,
  'partner-status': partnerStatus,
} as const;

export interface AdminTemplateData {
  setup: SetupData;
  people: PeopleData;
  'person-form': PersonFormData;
  locations: LocationsData;
  'location-form': LocationFormData;
  eligibility: EligibilityData;
  enrollment: EnrollmentData;
  profile: ProfileData;
  'partner-status': PartnerStatusData;
}
