import type { Enrollment } from '../domain/enrollment/enrollment.model';
import type { Location } from '../domain/location/location.model';
import { md, plain } from './escape';
import { daysUntil, fill, formatDay, isoDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';

/**
 * Enrollment in a program (issue 9, step 5): refused with the reason until eligibility is active;
 * the agreement signature and compliance training dates, the locations to approve, renew-by and
 * the days left before renewal.
 */
export interface EnrollmentData {
  l: Labels;
  title: string;
  notice: string;
  today: string;
  enrolled: boolean;
  eligible: boolean;
  notEligibleLine: string;
  facts: { title: string; value: string }[];
  renewalLine: string;
  renewalColor: 'Good' | 'Warning' | 'Attention';
  values: { agreementSignedOn: string; complianceTrainingOn: string; locationIds: string };
  locationChoices: { title: string; value: string }[];
  enrollRef: Pick<VerbInput<'enrollment.save'>, 'program' | 'kind'>;
  renewRef: Pick<VerbInput<'enrollment.save'>, 'program' | 'kind'>;
  checklist: VerbInput<'help.suggest'>;
}

export interface EnrollmentInput {
  program: string;
  status: 'not_started' | 'in_progress' | 'active';
  enrollment: Pick<Enrollment, 'enrolledOn' | 'renewBy' | 'agreementSignedOn' | 'complianceTrainingOn' | 'locationIds'> | null;
  locations: Pick<Location, 'locationId' | 'name'>[];
}

function renewal(l: Labels, renewBy: Date, now: Date): Pick<EnrollmentData, 'renewalLine' | 'renewalColor'> {
  const days = daysUntil(renewBy, now);
  if (days < 0) return { renewalLine: fill(l.admin.enrollment.lapsed, { days: -days }), renewalColor: 'Attention' };
  return { renewalLine: fill(l.admin.enrollment.daysToRenewal, { days }), renewalColor: days <= 30 ? 'Warning' : 'Good' };
}

export function toEnrollmentData(v: EnrollmentInput, ctx: CardContext, notice: string | null = null): EnrollmentData {
  const l = labelsFor(ctx.locale);
  const t = l.admin.enrollment;
  const e = v.enrollment;
  const day = (d: Date) => formatDay(new Date(d), ctx.locale);
  return {
    l,
    title: fill(t.title, { program: v.program }),
    notice: md(notice, 500),
    today: isoDay(ctx.now),
    enrolled: e !== null,
    eligible: v.status === 'active',
    notEligibleLine: fill(t.notEligible, { status: l.admin.eligibility.status[v.status] }),
    facts: e
      ? [
          { title: t.enrolledOn, value: day(e.enrolledOn) },
          { title: t.renewBy, value: day(e.renewBy) },
          { title: t.agreementSignedOn, value: day(e.agreementSignedOn) },
          { title: t.complianceTrainingOn, value: day(e.complianceTrainingOn) },
          { title: t.locations, value: md(e.locationIds.join(', '), 500) },
        ]
      : [],
    ...(e ? renewal(l, new Date(e.renewBy), ctx.now) : { renewalLine: '', renewalColor: 'Good' as const }),
    values: {
      agreementSignedOn: e ? isoDay(new Date(e.agreementSignedOn)) : '',
      complianceTrainingOn: e ? isoDay(new Date(e.complianceTrainingOn)) : '',
      locationIds: (e?.locationIds ?? v.locations.map((x) => x.locationId)).map((x) => plain(x, 64)).join(','),
    },
    locationChoices: v.locations.map((x) => ({
      title: `${plain(x.locationId, 64)} (${plain(x.name, 100)})`,
      value: plain(x.locationId, 64),
    })),
    enrollRef: { program: v.program, kind: 'enroll' },
    renewRef: { program: v.program, kind: 'renew' },
    checklist: { text: `${ctx.locale === 'fr' ? 'éligibilité' : 'eligibility'} ${v.program}` },
  };
}
