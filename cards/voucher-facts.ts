import type { VoucherState } from '../domain/voucher/voucher.machine';
import type { Voucher } from '../domain/voucher/voucher.model';
import { md } from './escape';
import { daysUntil, fill, formatDay, type CardLocale, type Labels } from './locale';

/** Pieces several voucher cards share: program names, days left and the state's label. */
/** The label of each voucher field a card names, in the order the voucher-found card shows them. */
export const FIELD_TITLES = {
  voucherNumber: 'number',
  program: 'program',
  days: 'days',
  customerName: 'customer',
  agreementNumber: 'agreement',
  voucherAdminEmail: 'adminEmail',
  assignedOn: 'assignedOn',
  expiresOn: 'expiresOn',
} as const satisfies Readonly<Record<string, keyof Labels['field']>>;

export interface ProgramName {
  code: string;
  names: { en: string; fr: string };
}

export interface Fact {
  title: string;
  value: string;
}

/** The program's name in the locale, or its code when the catalog does not know it. */
export function programLabel(code: string | null, programs: readonly ProgramName[], locale: CardLocale, l: Labels): string {
  if (code === null) return l.common.unknown;
  const program = programs.find((p) => p.code === code);
  return program ? md(`${program.names[locale]} (${code})`, 200) : md(code, 40);
}

export interface DaysLeft {
  text: string;
  /** 30 days or less before expiry (issue 8: highlighted). */
  soon: boolean;
}

const EXPIRING = new Set<VoucherState>(['assigned', 'reserved', 'scheduled', 'completed']);

export function daysLeftOf(state: VoucherState, expiresOn: Date, now: Date, l: Labels): DaysLeft {
  if (!EXPIRING.has(state)) return { text: '—', soon: false };
  const days = daysUntil(expiresOn, now);
  // One day is singular in both languages ("1 day left", "1 jour restant"), not "1 days".
  if (days === -1) return { text: l.common.expiredDayAgo, soon: true };
  if (days < 0) return { text: fill(l.common.expiredAgo, { days: -days }), soon: true };
  if (days === 0) return { text: l.common.expiresToday, soon: true };
  if (days === 1) return { text: l.common.dayLeftCount, soon: true };
  return { text: fill(l.common.daysLeftCount, { days }), soon: days <= 30 };
}

export function stateLabel(state: VoucherState, l: Labels): string {
  return l.state[state];
}

export function dayOrNone(day: Date | null | undefined, locale: CardLocale, l: Labels): string {
  return day ? formatDay(day, locale) : l.common.none;
}

export function daysText(days: number | null, l: Labels): string {
  if (days === null) return l.common.unknown;
  return days === 1 ? l.common.dayCount : fill(l.common.daysCount, { days });
}

/** The voucher fields the cards read; a narrower type than the stored document, so cards need no more. */
export type VoucherView = Pick<
  Voucher,
  | '_id'
  | 'number'
  | 'program'
  | 'days'
  | 'customerName'
  | 'agreementNumber'
  | 'voucherAdminEmail'
  | 'assignedOn'
  | 'expiresOn'
  | 'state'
  | 'pendingApprovalId'
  | 'validated'
  | 'needsConfirmation'
  | 'locationId'
  | 'engagementCountry'
  | 'reservation'
  | 'schedule'
  | 'completion'
  | 'redemption'
  | 'claim'
> & {
  deliverables: readonly Pick<Voucher['deliverables'][number], 'kind' | 'name' | 'url' | 'addedOn'>[];
  audit: readonly Pick<Voucher['audit'][number], 'at' | 'by' | 'event' | 'reason' | 'facts' | 'changes'>[];
};
/** A list row or a pick list needs less: no deliverables, no audit. */
export type VoucherRowView = Omit<VoucherView, 'deliverables' | 'audit'>;
