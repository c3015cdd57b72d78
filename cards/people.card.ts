import type { Location } from '../domain/location/location.model';
import type { Person } from '../domain/person/person.model';
import { md, plain } from './escape';
import { fill, isoDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';

type PersonView = Pick<Person, 'aadObjectId' | 'name' | 'roles' | 'locationIds' | 'qualifications'>;

/** People and roles (issue 9, step 2): each with roles, locations and qualified programs. */
export interface PeopleData {
  l: Labels;
  title: string;
  notice: string;
  rows: { name: string; roles: string; locations: string; qualified: string; ref: VerbInput<'person.edit'> }[];
}

const roleWords = (l: Labels, roles: readonly string[]) =>
  roles.map((r) => l.admin.role[r as keyof Labels['admin']['role']] ?? r).join(', ');
const isQualified = (q: PersonView['qualifications'][number]) => Boolean(q.trainingOn && q.examOn);

export function toPeopleData(partner: string, people: PersonView[], ctx: CardContext, notice: string | null = null): PeopleData {
  const l = labelsFor(ctx.locale);
  const p = l.admin.people;
  const sep = ctx.locale === 'fr' ? ' : ' : ': ';
  return {
    l,
    title: fill(p.title, { partner: md(partner, 200) }),
    notice: md(notice, 500),
    rows: people.slice(0, 60).map((x) => ({
      name: md(x.name, 200),
      roles: `${p.roles}${sep}${roleWords(l, x.roles) || p.none}`,
      locations: `${p.locations}${sep}${md(x.locationIds.join(', '), 500) || p.none}`,
      qualified: `${p.qualified}${sep}${
        x.qualifications
          .filter(isQualified)
          .map((q) => q.program)
          .join(', ') || p.none
      }`,
      ref: { aadObjectId: x.aadObjectId },
    })),
  };
}

/** The person form: roles, locations, and per program the technical training and exam dates. */
export interface PersonFormData {
  l: Labels;
  title: string;
  notice: string;
  today: string;
  roles: string;
  locationIds: string;
  roleChoices: { title: string; value: string }[];
  locationChoices: { title: string; value: string }[];
  qualifications: { trainingId: string; examId: string; trainingLabel: string; examLabel: string; trainingOn: string; examOn: string }[];
  ref: VerbInput<'person.edit'>;
}

export function toPersonFormData(
  person: PersonView,
  locations: Pick<Location, 'locationId' | 'name'>[],
  programs: readonly string[],
  ctx: CardContext,
  notice: string | null = null,
): PersonFormData {
  const l = labelsFor(ctx.locale);
  const day = (d: Date | null | undefined) => (d ? isoDay(new Date(d)) : '');
  return {
    l,
    title: fill(l.admin.person.title, { name: md(person.name, 200) }),
    notice: md(notice, 500),
    today: isoDay(ctx.now),
    roles: person.roles.join(','),
    locationIds: person.locationIds.map((x) => plain(x, 64)).join(','),
    roleChoices: (['admin', 'staff', 'manager'] as const).map((r) => ({ title: l.admin.role[r], value: r })),
    locationChoices: locations.map((x) => ({
      title: `${plain(x.locationId, 64)} (${plain(x.name, 100)})`,
      value: plain(x.locationId, 64),
    })),
    qualifications: programs.map((program) => {
      const q = person.qualifications.find((x) => x.program === program);
      return {
        trainingId: `trainingOn_${program}`,
        examId: `examOn_${program}`,
        trainingLabel: fill(l.admin.person.trainingOn, { program }),
        examLabel: fill(l.admin.person.examOn, { program }),
        trainingOn: day(q?.trainingOn),
        examOn: day(q?.examOn),
      };
    }),
    ref: { aadObjectId: person.aadObjectId },
  };
}
