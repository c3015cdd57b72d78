import { z } from 'zod';

/**
 * The card verbs of partner administration (issue 9), spread into VERBS (cards/verbs.ts) so they
 * are declared once with the rest. Form fields arrive as strings; ids and codes are checked for
 * shape here and for meaning by the domain (unknown program, non-ISO country, future dates).
 */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.preprocess(blankToUndefined, requiredText(max).optional());
const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD expected');
const program = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,10}$/, 'program code expected');
const aadObjectId = requiredText(64);
/** A multi-select `Input.ChoiceSet` value: comma-separated, or an array. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string().transform((s) => s.split(','))])
    .transform((xs) => xs.map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(item).max(250));
const whole = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/)
    .transform(Number),
]);

/** Checklist toggles come as `item_<key>` fields next to the card's data. */
const ITEM_PREFIX = 'item_';
const togglesOf = (o: Record<string, unknown>) =>
  Object.entries(o)
    .filter(([k, v]) => k.startsWith(ITEM_PREFIX) && (v === 'true' || v === 'false' || typeof v === 'boolean'))
    .map(([k, v]) => ({ key: k.slice(ITEM_PREFIX.length), done: v === true || v === 'true' }));

/** Qualification dates as the person form names them: `trainingOn_<program>`, `examOn_<program>`. */
function qualificationsOf(o: Record<string, unknown>) {
  const byProgram = new Map<string, { trainingOn?: string; examOn?: string }>();
  for (const [k, v] of Object.entries(o)) {
    const m = /^(trainingOn|examOn)_([A-Z]{2,10})$/.exec(k);
    if (!m || typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.trim())) continue;
    const [, field, code] = m as unknown as [string, 'trainingOn' | 'examOn', string];
    byProgram.set(code, { ...byProgram.get(code), [field]: v.trim() });
  }
  return [...byProgram].map(([p, d]) => ({ program: p, trainingOn: d.trainingOn ?? null, examOn: d.examOn ?? null }));
}

export const ITEM_INPUT_PREFIX = ITEM_PREFIX;

export const ADMIN_VERBS = {
  /** First run (no partner owns the tenant) or the settings of the partner that does. */
  'partner.setup': z.object({
    partnerName: requiredText(200),
    approvalDaysThreshold: whole,
    locationId: optionalText(32),
    locationName: optionalText(200),
    country: optionalText(8),
    adminEmail: optionalText(254),
  }),
  'person.edit': z.object({ aadObjectId }),
  'person.save': z
    .object({ aadObjectId, roles: list(z.enum(['admin', 'staff', 'manager'])), locationIds: list(requiredText(64)).default([]) })
    .catchall(z.unknown())
    .transform((d) => ({ aadObjectId: d.aadObjectId, roles: d.roles, locationIds: d.locationIds, qualifications: qualificationsOf(d) })),
  'person.remove': z.object({ aadObjectId }),
  'location.edit': z.object({ locationId: optionalText(32) }),
  /** `contacts`: AAD object ids of the partner's people picked on the form (absent: keep the current contacts). */
  'location.save': z.object({
    locationId: requiredText(32),
    name: requiredText(200),
    country: requiredText(8),
    contacts: list(requiredText(64)).optional(),
  }),
  /** `shown`: the items the card showed ticked, so only what this person changed is applied. */
  'eligibility.save': z
    .object({ program, shown: list(requiredText(100)).default([]) })
    .catchall(z.unknown())
    .transform((d) => ({ program: d.program, shown: d.shown, items: togglesOf(d) })),
  'enrollment.save': z.object({
    program,
    kind: z.enum(['enroll', 'renew']),
    agreementSignedOn: isoDay,
    complianceTrainingOn: isoDay,
    locationIds: list(requiredText(64)).pipe(z.array(z.string()).min(1)),
  }),
  'profile.save': z.object({
    description: z.preprocess((v) => v ?? '', z.string().max(2000)),
    website: optionalText(500),
    contactEmail: optionalText(254),
    countries: list(requiredText(8)).default([]),
    languages: list(requiredText(8)).default([]),
    programs: list(program).default([]),
  }),
} as const;
