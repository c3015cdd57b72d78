import type { Location } from '../domain/location/location.model';
import { md, plain } from './escape';
import { fill, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';

type LocationView = Pick<Location, 'locationId' | 'name' | 'country' | 'approvedPrograms' | 'contacts'>;

/** Locations (issue 9, step 3): country, programs approved (from enrollment), contacts; Edit and Add. */
export interface LocationsData {
  l: Labels;
  title: string;
  notice: string;
  empty: boolean;
  rows: { heading: string; country: string; approved: string; contacts: string; ref: VerbInput<'location.edit'> }[];
}

/** `countryNames` maps ISO codes to the reader's words (the bot knows them; cards take no domain code). */
export function toLocationsData(
  partner: string,
  locations: LocationView[],
  countryNames: Readonly<Record<string, string>>,
  ctx: CardContext,
  notice: string | null = null,
): LocationsData {
  const l = labelsFor(ctx.locale);
  const t = l.admin.locations;
  return {
    l,
    title: fill(t.title, { partner: md(partner, 200) }),
    notice: md(notice, 500),
    empty: locations.length === 0,
    rows: locations.slice(0, 50).map((x) => ({
      heading: `${md(x.locationId, 64)}: ${md(x.name, 200)}`,
      country: `${md(countryNames[x.country] ?? x.country, 100)} (${md(x.country, 2)})`,
      approved: x.approvedPrograms.length ? fill(t.approved, { programs: x.approvedPrograms.join(', ') }) : t.notApproved,
      contacts: x.contacts.length ? fill(t.contacts, { names: md(x.contacts.map((c) => c.name).join(', '), 500) }) : '',
      ref: { locationId: plain(x.locationId, 32) },
    })),
  };
}

export interface LocationFormData {
  l: Labels;
  title: string;
  isNew: boolean;
  name: string;
  country: string;
  contacts: string;
  contactChoices: { title: string; value: string }[];
  ref: Partial<VerbInput<'location.save'>>;
}

/** `people`: the partner's people, any of whom may be a contact of the location. */
export function toLocationFormData(
  location: LocationView | null,
  people: { aadObjectId: string; name: string }[],
  ctx: CardContext,
): LocationFormData {
  const l = labelsFor(ctx.locale);
  return {
    l,
    title: location ? fill(l.admin.location.title, { id: md(location.locationId, 64) }) : l.admin.location.titleNew,
    isNew: !location,
    name: plain(location?.name, 200),
    country: plain(location?.country, 2),
    contacts: (location?.contacts ?? []).map((c) => plain(c.aadObjectId, 64)).join(','),
    contactChoices: people.slice(0, 100).map((p) => ({ title: plain(p.name, 100), value: plain(p.aadObjectId, 64) })),
    ref: location ? { locationId: plain(location.locationId, 32) } : {},
  };
}
