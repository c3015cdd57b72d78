import type { Profile } from '../domain/partner/partner.model';
import { linkMd, md, mdLines, plain } from './escape';
import { fill, formatInstant, labelsFor, type CardContext, type Labels } from './locale';

/**
 * The directory profile (issue 9, step 6): what customers see, kept by the team; admins edit it.
 * The card links to Partner Center for the official update and says the bot sends nothing to Microsoft.
 */
export interface ProfileData {
  l: Labels;
  title: string;
  notice: string;
  hasProfile: boolean;
  facts: { title: string; value: string }[];
  updated: string;
  directory: string;
  canEdit: boolean;
  noPrograms: boolean;
  values: { description: string; website: string; contactEmail: string; countries: string; languages: string; programs: string };
  programChoices: { title: string; value: string }[];
}

export interface ProfileInput {
  partner: string;
  profile: Pick<Profile, 'description' | 'website' | 'contactEmail' | 'countries' | 'languages' | 'programs' | 'updatedOn'> | null;
  updatedByName: string | null;
  /** Programs with a current enrollment: the only ones that may be offered. */
  offerable: readonly string[];
  canEdit: boolean;
  directoryUrl: string;
}

export function toProfileData(v: ProfileInput, ctx: CardContext, notice: string | null = null): ProfileData {
  const l = labelsFor(ctx.locale);
  const t = l.admin.profile;
  const p = v.profile;
  const none = l.common.none;
  return {
    l,
    title: fill(t.title, { partner: md(v.partner, 200) }),
    notice: md(notice, 500),
    hasProfile: p !== null,
    facts: p
      ? [
          { title: t.description, value: mdLines(p.description, 2000, none) },
          { title: t.website, value: p.website ? linkMd(p.website, p.website) : none },
          { title: t.contact, value: md(p.contactEmail, 254, none) },
          { title: t.countries, value: md(p.countries.join(', '), 750, none) },
          { title: t.languages, value: md(p.languages.join(', '), 750, none) },
          { title: t.programs, value: md(p.programs.join(', '), 200, none) },
        ]
      : [],
    updated:
      p && v.updatedByName ? fill(t.updated, { name: md(v.updatedByName, 200), at: formatInstant(new Date(p.updatedOn), ctx.locale) }) : '',
    directory: fill(t.directory, { url: v.directoryUrl }),
    canEdit: v.canEdit,
    noPrograms: v.offerable.length === 0,
    values: {
      description: plain(p?.description, 2000),
      website: plain(p?.website, 500),
      contactEmail: plain(p?.contactEmail, 254),
      countries: plain(p?.countries.join(', '), 750),
      languages: plain(p?.languages.join(', '), 750),
      programs: (p?.programs ?? []).filter((x) => v.offerable.includes(x)).join(','),
    },
    programChoices: v.offerable.map((x) => ({ title: x, value: x })),
  };
}
