import { z } from 'zod';
import catalogJson from './programs.json';

/** The program catalog of DOMAIN.md (Program catalog), read from programs.json (editable). */
const catalogSchema = z.object({
  programs: z.array(
    z.object({
      code: z.string().regex(/^[A-Z]+$/),
      printed: z.string().optional(),
      names: z.object({ en: z.string(), fr: z.string(), de: z.string() }),
      aliases: z.array(z.string()),
    }),
  ),
  dayRates: z.array(z.object({ country: z.string().length(2), currency: z.string().length(3), amount: z.number().positive() })),
  eligibilityChecklist: z.object({
    company: z.array(z.object({ key: z.string(), label: z.string() })),
    consultant: z.array(z.object({ key: z.string(), label: z.string() })),
  }),
});

export type ProgramCatalog = z.infer<typeof catalogSchema>;
export type Program = ProgramCatalog['programs'][number];
export type DayRate = ProgramCatalog['dayRates'][number];
export type ChecklistKind = 'company' | 'consultant';

export const catalog: ProgramCatalog = catalogSchema.parse(catalogJson);

export const PROGRAM_CODES = ['AZDPS', 'DDPS', 'DTDPS', 'SEDPS', 'PVDPS', 'SDPS', 'SSDPS'] as const;
export type ProgramCode = (typeof PROGRAM_CODES)[number];
export const programCode = z.enum(PROGRAM_CODES);

/** Engagement lengths allowed by the program (DOMAIN.md, Program catalog: 1, 3, 5, 10 or 15 days). */
export const ENGAGEMENT_DAYS = [1, 3, 5, 10, 15] as const;

export function programByCode(code: string): Program | undefined {
  return catalog.programs.find((p) => p.code === code);
}

/** Microsoft pays the day rate of the country of delivery (DOMAIN.md, Engagement and payment facts). */
export function dayRateFor(country: string): DayRate | undefined {
  return catalog.dayRates.find((r) => r.country === country);
}

/** The checklist items of a program: each program has its own copy of the catalog's items. */
export function checklistFor(program: ProgramCode): { key: string; kind: ChecklistKind; label: string }[] {
  const { company, consultant } = catalog.eligibilityChecklist;
  return [
    ...company.map((i) => ({ key: `${program}.${i.key}`, kind: 'company' as const, label: i.label })),
    ...consultant.map((i) => ({ key: `${program}.${i.key}`, kind: 'consultant' as const, label: i.label })),
  ];
}
