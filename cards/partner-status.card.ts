import type { PartnerOverview } from '../domain/partner/overview.queries';
import { md } from './escape';
import { fill, formatDay, formatInstant, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';

/** The partner overview (issue 9, step 7): programs, locations, people by role, vouchers by state, latest changes. */
export interface PartnerStatusData {
  l: Labels;
  title: string;
  notice: string;
  threshold: string;
  programs: { line: string; color: 'Good' | 'Warning' | 'Attention' | 'Default' }[];
  noLocations: boolean;
  locations: { line: string }[];
  people: { title: string; value: string }[];
  vouchers: { title: string; value: string }[];
  noChanges: boolean;
  changes: { line: string }[];
  links: { title: string; ref: VerbInput<'help.suggest'> }[];
}

const COLORS = { not_started: 'Default', in_progress: 'Warning', active: 'Good' } as const;
const LINKS = { en: ['eligibility', 'people', 'locations', 'profile'], fr: ['éligibilité', 'personnes', 'sites', 'profil'] } as const;

function changeLine(l: Labels, c: PartnerOverview['changes'][number], ctx: CardContext): string {
  const words: Record<string, string> = l.admin.change;
  const what = fill(words[c.action] ?? c.action, { target: md(c.target, 120) });
  return fill(l.admin.status.change, { at: formatInstant(new Date(c.at), ctx.locale), name: md(c.byName, 120), what });
}

export function toPartnerStatusData(
  o: PartnerOverview,
  countryNames: Readonly<Record<string, string>>,
  ctx: CardContext,
  notice: string | null = null,
): PartnerStatusData {
  const l = labelsFor(ctx.locale);
  const s = l.admin.status;
  const [eligibility, people, locations, profile] = LINKS[ctx.locale];
  return {
    l,
    title: fill(s.title, { partner: md(o.partner.name, 200) }),
    notice: md(notice, 600),
    threshold: fill(s.threshold, { days: o.partner.settings.approvalDaysThreshold }),
    programs: o.programs.map((p) => ({
      line: fill(s.program, {
        program: p.program,
        status: l.admin.eligibility.status[p.status],
        enrollment: p.renewBy ? fill(s.enrolled, { date: formatDay(new Date(p.renewBy), ctx.locale) }) : s.notEnrolled,
      }),
      color: p.renewBy ? 'Good' : COLORS[p.status],
    })),
    noLocations: o.locations.length === 0,
    locations: o.locations.slice(0, 50).map((x) => ({
      line: `${md(x.locationId, 64)}: ${md(x.name, 200)}, ${md(countryNames[x.country] ?? x.country, 100)} (${x.approvedPrograms.join(', ') || l.common.none})`,
    })),
    people: o.peopleByRole.map((r) => ({ title: l.admin.role[r.role], value: md(r.names.slice(0, 40).join(', '), 2000, l.common.none) })),
    vouchers: o.vouchersByState.map((v) => ({ title: l.state[v.state], value: String(v.count) })),
    noChanges: o.changes.length === 0,
    changes: o.changes.map((c) => ({ line: changeLine(l, c, ctx) })),
    links: [
      { title: s.eligibility, ref: { text: eligibility } },
      { title: s.people_button, ref: { text: people } },
      { title: s.locations_button, ref: { text: locations } },
      { title: s.profile_button, ref: { text: profile } },
    ],
  };
}
