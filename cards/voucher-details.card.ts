import type { Approval } from '../domain/approval/approval.model';
import type { Location } from '../domain/location/location.model';
import type { VoucherEvent, VoucherState } from '../domain/voucher/voucher.machine';
import { linkMd, md, mdLines } from './escape';
import { fill, formatDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import { historyLines } from './voucher-history';
import { dayOrNone, daysLeftOf, daysText, programLabel, type Fact, type ProgramName, type VoucherView } from './voucher-facts';

/** The voucher details card (issue 8, step 3): every field, and only the buttons the domain allows. */
export interface VoucherDetailsData {
  l: Labels;
  title: string;
  notice: string;
  facts: Fact[];
  daysLeft: string;
  soon: boolean;
  approvalLine: string;
  deliverables: string[];
  moreDeliverables: string;
  history: string[];
  can: Record<'reserve' | 'cancel' | 'schedule' | 'complete' | 'redeem' | 'claim' | 'pay', boolean>;
  ref: VerbInput<'voucher.reserve-form'>;
  redeem: VerbInput<'redemption.review'>;
}

export interface DetailsContext {
  /** The events the domain allows this person now (computed by the domain, not by the card). */
  allowed: readonly VoucherEvent[];
  location: Pick<Location, 'locationId' | 'name' | 'country'> | null;
  pendingApproval: Pick<Approval, 'kind' | 'requestedBy' | 'requestedOn'> | null;
  /** Display names by AAD object id, for audit entries and the consultant. */
  names: Readonly<Record<string, string>>;
  programs: readonly ProgramName[];
  /** A line above everything, such as the stale-card notice. */
  notice?: string | null;
}

const BUTTON_OF: Partial<Record<VoucherEvent, keyof VoucherDetailsData['can']>> = {
  reserve: 'reserve',
  requestReservation: 'reserve',
  cancel: 'cancel',
  schedule: 'schedule',
  complete: 'complete',
  requestRedemption: 'redeem',
  claim: 'claim',
  pay: 'pay',
};

const SHOWN_DELIVERABLES = 8;
const nameOf = (id: string, names: Readonly<Record<string, string>>) => md(names[id] ?? id, 80);

function stageFacts(v: VoucherView, d: DetailsContext, l: Labels, ctx: CardContext): Fact[] {
  const f = l.field;
  const facts: (Fact | null)[] = [
    { title: f.validated, value: v.validated ? formatDay(v.validated.on, ctx.locale) : l.common.notValidated },
    { title: f.location, value: d.location ? md(`${d.location.name} (${d.location.country})`, 120) : md(v.locationId, 64, l.common.none) },
    v.engagementCountry ? { title: f.country, value: md(v.engagementCountry, 8) } : null,
    v.reservation ? { title: f.reservedOn, value: formatDay(v.reservation.on, ctx.locale) } : null,
    v.schedule
      ? {
          title: f.engagement,
          value: fill(l.common.to, { start: formatDay(v.schedule.start, ctx.locale), end: formatDay(v.schedule.end, ctx.locale) }),
        }
      : null,
    v.schedule ? { title: f.consultant, value: nameOf(v.schedule.consultant, d.names) } : null,
    v.completion ? { title: f.deliveredOn, value: formatDay(v.completion.deliveredOn, ctx.locale) } : null,
    v.completion ? { title: f.summary, value: mdLines(v.completion.summary, 400) } : null,
    v.completion ? { title: f.attendees, value: md(v.completion.attendees.join(', '), 300) } : null,
    v.completion ? { title: f.recommendations, value: mdLines(v.completion.recommendations, 400) } : null,
    v.redemption ? { title: f.redeemedOn, value: formatDay(v.redemption.on, ctx.locale) } : null,
    v.claim ? { title: f.claim, value: `${md(v.claim.number, 64)} (${formatDay(v.claim.submittedOn, ctx.locale)})` } : null,
    v.claim?.paidOn ? { title: f.paidOn, value: formatDay(v.claim.paidOn, ctx.locale) } : null,
  ];
  return facts.filter((x): x is Fact => x !== null);
}

export function toStaleNotice(state: VoucherState, locale: CardContext['locale']): string {
  const l = labelsFor(locale);
  return fill(l.message.staleLine, { state: l.state[state] });
}

export function toVoucherDetailsData(v: VoucherView, d: DetailsContext, ctx: CardContext): VoucherDetailsData {
  const l = labelsFor(ctx.locale);
  const f = l.field;
  const left = daysLeftOf(v.state, v.expiresOn, ctx.now, l);
  const can = { reserve: false, cancel: false, schedule: false, complete: false, redeem: false, claim: false, pay: false };
  for (const event of d.allowed) {
    const button = BUTTON_OF[event];
    if (button) can[button] = true;
  }
  const approval = d.pendingApproval;
  return {
    l,
    title: fill(l.details.title, { number: md(v.number, 64) }),
    notice: mdLines(d.notice, 800),
    facts: [
      { title: f.state, value: l.state[v.state] },
      { title: f.program, value: programLabel(v.program, d.programs, ctx.locale, l) },
      { title: f.days, value: daysText(v.days, l) },
      { title: f.customer, value: md(v.customerName, 200, l.common.unknown) },
      { title: f.agreement, value: md(v.agreementNumber, 64, l.common.unknown) },
      { title: f.adminEmail, value: md(v.voucherAdminEmail, 200, l.common.unknown) },
      { title: f.assignedOn, value: dayOrNone(v.assignedOn, ctx.locale, l) },
      { title: f.expiresOn, value: formatDay(v.expiresOn, ctx.locale) },
      ...stageFacts(v, d, l, ctx),
    ],
    daysLeft: left.text,
    soon: left.soon,
    approvalLine: approval
      ? fill(l.details.pendingApproval, {
          kind: (l.approval.kind as Record<string, string>)[approval.kind] ?? approval.kind,
          by: nameOf(approval.requestedBy, d.names),
          on: formatDay(approval.requestedOn, ctx.locale),
        })
      : '',
    deliverables: v.deliverables
      .slice(0, SHOWN_DELIVERABLES)
      .map((x) => `${linkMd(x.name, x.kind === 'link' ? x.url : null)} (${formatDay(x.addedOn, ctx.locale)})`),
    moreDeliverables:
      v.deliverables.length > SHOWN_DELIVERABLES
        ? fill(l.details.moreDeliverables, { count: v.deliverables.length - SHOWN_DELIVERABLES })
        : '',
    history: historyLines(v.audit, d.names, l, ctx),
    can,
    ref: { voucherId: String(v._id), expectedState: v.state },
    redeem: { voucherIds: [String(v._id)] },
  };
}
