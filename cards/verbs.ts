import { z } from 'zod';
import type { CancelReason as DomainCancelReason } from '../domain/voucher/audit-facts';
import type { VoucherState } from '../domain/voucher/voucher.machine';
import { ADMIN_VERBS } from './admin-verbs';

/**
 * Every card verb, declared once (STYLE.md §3), with the zod schema of its `action.data`.
 * Card data carries ids and the state the card showed, never whole entities. Teams merges the
 * card's input values into `action.data`, so form fields arrive here as strings: the schemas
 * accept that raw form and give typed values (dates stay `YYYY-MM-DD`, the domain's form).
 * Unknown keys are dropped, so a client cannot smuggle fields to a handler.
 */

const STATES = ['assigned', 'reserved', 'scheduled', 'completed', 'redeemed', 'claimed', 'paid', 'expired'] as const;
type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const statesMatchDomain: SameMembers<(typeof STATES)[number], VoucherState> = true;
void statesMatchDomain;

/** The domain's cancellation reasons (domain/voucher/audit-facts.ts), repeated as a value the schemas can use. */
export const CANCEL_REASONS = ['offer-changed', 'no-engagement', 'other-partner', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
const cancelReasonsMatchDomain: SameMembers<CancelReason, DomainCancelReason> = true;
void cancelReasonsMatchDomain;

const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'not an id');
const expectedState = z.enum(STATES);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.preprocess(blankToUndefined, requiredText(max).optional());

const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};
/** An `Input.Date` value. */
const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD expected')
  .refine(isRealDay, 'no such day');
const optionalDay = z.preprocess(blankToUndefined, isoDay.optional());

/** An `Input.Toggle` value ("true"/"false" by default) or a JSON boolean. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
/** A multi-select `Input.ChoiceSet` value: comma-separated ids, or an array. */
const idList = z.union([
  z.array(objectId),
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .pipe(z.array(objectId)),
]);
const days = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d{1,2}$/)
      .transform(Number),
  ])
  .pipe(z.number().int().min(1).max(15));
const email = z.string().trim().toLowerCase().pipe(z.email());
const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https$/ }));

/**
 * The key under which render() puts the card's language ('en' or 'fr') into every Action.Execute's
 * data: a click is answered in the card's language, not the client's (the Agents Playground sends
 * en-US for every click; a Teams client may differ from the language the card was written in).
 * The verb schemas drop it like any other unknown key; the bot reads it from the raw data.
 */
export const CARD_LANG = 'lang';

const voucherRef = { voucherId: objectId, expectedState };
const approvalRef = { approvalId: objectId };

export const VERBS = {
  /** Voucher found card: Add voucher (andReserve false) and Add and reserve (true). */
  'voucher.add': z.object({
    andReserve: flag,
    voucherNumber: requiredText(64),
    program: optionalText(16),
    days: z.preprocess(blankToUndefined, days.optional()),
    customerName: optionalText(300),
    agreementNumber: optionalText(64),
    voucherAdminEmail: z.preprocess(blankToUndefined, email.optional()),
    assignedOn: optionalDay,
    expiresOn: optionalDay,
    messageId: optionalText(1000),
    senderEmail: z.preprocess(blankToUndefined, email.optional()),
  }),
  'voucher.details': z.object({ voucherId: objectId }),
  'vouchers.page': z.object({
    state: z.preprocess(blankToUndefined, expectedState.optional()),
    page: z
      .union([
        z.number(),
        z
          .string()
          .regex(/^\d{1,4}$/)
          .transform(Number),
      ])
      .pipe(z.number().int().min(0).max(9999)),
  }),
  /** Opens the reservation form (validation, terms, location). */
  'voucher.reserve-form': z.object(voucherRef),
  'voucher.reserve': z.object({
    ...voucherRef,
    /** Validation (issue 8, step 4); absent when the voucher was validated already. */
    voucherAdminEmail: z.preprocess(blankToUndefined, email.optional()),
    locationId: requiredText(64),
    engagementCountry: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/)
        .optional(),
    ),
    termsAccepted: flag,
    plannedStart: optionalDay,
    fifteenDayException: optionalText(500),
  }),
  'voucher.cancel-form': z.object(voucherRef),
  'voucher.cancel': z
    .object({ ...voucherRef, reason: z.enum(CANCEL_REASONS), reasonText: optionalText(500) })
    .refine((d) => d.reason !== 'other' || d.reasonText !== undefined, { path: ['reasonText'], message: 'a reason is required' }),
  'voucher.schedule-form': z.object(voucherRef),
  'voucher.schedule': z.object({ ...voucherRef, start: isoDay, end: isoDay, consultant: requiredText(64) }),
  'voucher.complete-form': z.object(voucherRef),
  'voucher.complete': z.object({
    ...voucherRef,
    deliveredOn: isoDay,
    summary: requiredText(5000),
    /** One attendee per line or separated by commas or semicolons. */
    attendees: requiredText(5000).transform((s) =>
      s
        .split(/[\n,;]+/)
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    ),
    recommendations: requiredText(5000),
    deliverableUrl: z.preprocess(blankToUndefined, httpsUrl.optional()),
  }),
  /** Opens the card of completed vouchers to pick for redemption. */
  'redemption.pick': z.object({}),
  /** The picked vouchers (checkboxes) or one voucher (Redeem on its details card). */
  'redemption.review': z.object({ voucherIds: idList.pipe(z.array(objectId).min(1).max(50)) }),
  /** Yes, redeem: requests the manager's approval for exactly the reviewed vouchers. */
  'redemption.confirm': z.object({ voucherIds: idList.pipe(z.array(objectId).min(1).max(50)) }),
  'voucher.claim-form': z.object(voucherRef),
  'voucher.claim': z.object({ ...voucherRef, claimNumber: requiredText(64) }),
  'voucher.pay-form': z.object(voucherRef),
  'voucher.pay': z.object({ ...voucherRef, paidOn: isoDay }),
  'approval.approve': z.object({ ...approvalRef, comment: optionalText(1000) }),
  'approval.reject': z.object({ ...approvalRef, reason: requiredText(1000) }),
  /** Universal Actions refresh: returns the view for whoever looks (STYLE.md §5). */
  'approval.refresh': z.object(approvalRef),
  /** "Did you mean …?" and help examples: runs the given command text. */
  'help.suggest': z.object({ text: requiredText(200) }),
  /** Partner administration (issue 9): setup, people, locations, eligibility, enrollment, profile. */
  ...ADMIN_VERBS,
} as const;

export type Verb = keyof typeof VERBS;
export type VerbData<V extends Verb> = z.output<(typeof VERBS)[V]>;
/** The raw `action.data` a card sends for a verb, before parsing. */
export type VerbInput<V extends Verb> = z.input<(typeof VERBS)[V]>;

export const VERB_NAMES = Object.keys(VERBS) as Verb[];

export function isVerb(value: string): value is Verb {
  return Object.hasOwn(VERBS, value);
}

/** Parses `action.data` for a verb; the caller turns a failure into a refusal. */
export function parseVerbData<V extends Verb>(verb: V, data: unknown): z.ZodSafeParseResult<VerbData<V>> {
  return VERBS[verb].safeParse(data) as z.ZodSafeParseResult<VerbData<V>>;
}
