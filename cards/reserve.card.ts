import type { Location } from '../domain/location/location.model';
import { md, mdLines, plain } from './escape';
import { fill, formatDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import { programLabel, type ProgramName, type VoucherView } from './voucher-facts';

/** The reservation form (issue 8, step 4): validation, the program terms to accept, the location. */
export interface ReserveData {
  l: Labels;
  title: string;
  notice: string;
  terms: string;
  needsValidation: boolean;
  validatedLine: string;
  canReserve: boolean;
  fifteenDay: boolean;
  locations: { title: string; value: string }[];
  locationValue: string;
  countryValue: string;
  ref: VerbInput<'voucher.reserve-form'>;
}

export interface ReserveContext {
  /** Locations this person may reserve under for the voucher's program (the domain's list). */
  locations: readonly Pick<Location, 'locationId' | 'name' | 'country'>[];
  programs: readonly ProgramName[];
  notice?: string | null;
}

export function toReserveData(v: VoucherView, r: ReserveContext, ctx: CardContext): ReserveData {
  const l = labelsFor(ctx.locale);
  const first = r.locations[0];
  const current = r.locations.find((x) => x.locationId === v.locationId) ?? first;
  return {
    l,
    title: fill(l.reserve.title, { number: md(v.number, 64) }),
    notice: mdLines(r.notice, 800),
    terms: fill(l.reserve.terms, {
      days: v.days ?? '?',
      program: programLabel(v.program, r.programs, ctx.locale, l),
      expires: formatDay(v.expiresOn, ctx.locale),
    }),
    needsValidation: v.validated === null,
    validatedLine: v.validated ? fill(l.reserve.validated, { on: formatDay(v.validated.on, ctx.locale) }) : '',
    canReserve: r.locations.length > 0,
    fifteenDay: v.days === 15,
    locations: r.locations.map((x) => ({ title: plain(`${x.name} (${x.country})`, 100), value: plain(x.locationId, 64) })),
    locationValue: current ? plain(current.locationId, 64) : '',
    countryValue: plain(v.engagementCountry ?? current?.country, 2),
    ref: { voucherId: String(v._id), expectedState: v.state },
  };
}
