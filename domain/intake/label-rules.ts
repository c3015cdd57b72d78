import type { Concept } from './label-lexicon';
import type { LabelWord } from './label-tokens';
import type { FieldName, TemplateLanguage } from './types';

/**
 * What a run of label words means, as data: each rule names the concepts a label must contain
 * (one of each group) and the ones it may contain besides; fillers ("the", "de", "der") may
 * appear anywhere. The first rule that fits every word wins, so "Voucher administrator email"
 * is the administrator and "Voucher expiry date" the expiry, and a label that mixes two fields
 * ("Customer / Agreement number") or names something else ("Bestellnummer", "bon de commande",
 * "Partner admin", "Contract end date") fits none and is no label at all.
 */
export type LabelField = FieldName | 'status' | 'email';

interface Rule {
  field: LabelField;
  need: ReadonlyArray<readonly Concept[]>;
  also: readonly Concept[];
  /** A bare noun ("Voucher:", "Type:", "Administrator:") is a label only before a colon, a cell break or the line end. */
  bare?: boolean;
  /** Not bare when one of these is present ("Voucher administrator" vs "Administrator"). */
  qualifiedBy?: readonly Concept[];
  /** Found through the seed's weak word "document": valid only where the email speaks of Planning Services. */
  weak?: boolean;
}

const V: readonly Concept[] = ['voucher', 'document'];

const RULES: readonly Rule[] = [
  {
    field: 'voucherAdminEmail',
    need: [['admin']],
    also: [...V, 'benefit', 'planning', 'email', 'contact', 'name', 'customer'],
    bare: true,
    qualifiedBy: [...V, 'benefit', 'planning', 'email'],
  },
  { field: 'voucherAdminEmail', need: [V, ['contact']], also: ['email', 'planning', 'name'] },
  { field: 'expiresOn', need: [['expire']], also: [...V, 'date', 'planning', 'redeem', 'until', 'valid', 'validity', 'end'] },
  { field: 'expiresOn', need: [['valid'], ['until']], also: [...V, 'date'] },
  { field: 'expiresOn', need: [['validity'], ['end']], also: [...V, 'date'] },
  { field: 'expiresOn', need: [['redeem'], ['until']], also: [...V, 'date'] },
  { field: 'assignedOn', need: [['assign']], also: [...V, 'date', 'partner', 'planning'] },
  { field: 'status', need: [['status']], also: [...V, 'planning'] },
  { field: 'days', need: [['days']], also: ['count', 'number', ...V, 'planning', 'engagement', 'duration', 'value'] },
  { field: 'days', need: [['duration']], also: [...V, 'engagement', 'count', 'planning'] },
  { field: 'days', need: [['value']], also: V },
  { field: 'agreementNumber', need: [['agreement'], ['number']], also: ['license', 'customer'] },
  { field: 'agreementNumber', need: [['agreement']], also: ['license'], bare: true },
  { field: 'program', need: [V, ['type', 'program']], also: ['planning', 'name', 'benefit'] },
  { field: 'voucherNumber', need: [['voucher'], ['number']], also: ['planning', 'customer', 'benefit', 'document'] },
  { field: 'voucherNumber', need: [['document'], ['number']], also: ['planning', 'customer'], weak: true },
  { field: 'voucherNumber', need: [['redeem'], ['number']], also: [...V, 'planning'] },
  { field: 'voucherNumber', need: [['voucher']], also: ['planning', 'customer', 'benefit'], bare: true },
  { field: 'customerName', need: [['customer']], also: ['name', 'license'] },
  { field: 'customerName', need: [['customer'], ['name']], also: ['license', ...V] },
  { field: 'program', need: [['program', 'planning', 'benefit']], also: ['name', 'type', 'planning', 'program', 'benefit'] },
  { field: 'program', need: [['type']], also: ['name'], bare: true },
  { field: 'email', need: [['email']], also: ['contact', 'customer'] },
];

export interface LabelMeaning {
  field: LabelField;
  lang: TemplateLanguage;
  bare: boolean;
  weak: boolean;
}

function has(word: LabelWord, concepts: readonly Concept[]): boolean {
  return concepts.some((c) => word.concepts.has(c));
}

const ALLOWED: ReadonlyMap<Rule, readonly Concept[]> = new Map(RULES.map((r) => [r, [...r.need.flat(), ...r.also, 'filler' as const]]));

function fits(rule: Rule, words: readonly LabelWord[]): boolean {
  const allowed = ALLOWED.get(rule) ?? [];
  if (!words.every((w) => has(w, allowed))) return false;
  if (!words.some((w) => !w.concepts.has('filler') || w.concepts.size > 1)) return false;
  return rule.need.every((group) => words.some((w) => has(w, group)));
}

/** The language most of the label's words belong to; ties go to the first word's first language. */
function languageOf(words: readonly LabelWord[]): TemplateLanguage {
  const votes = new Map<TemplateLanguage, number>();
  for (const w of words) for (const lang of w.langs) votes.set(lang, (votes.get(lang) ?? 0) + 1);
  let best: TemplateLanguage = words[0]?.langs[0] ?? 'en';
  for (const [lang, n] of votes) if (n > (votes.get(best) ?? 0)) best = lang;
  return best;
}

/** The field a run of label words names, or null when it names none (or several). */
export function classifyLabel(words: readonly LabelWord[]): LabelMeaning | null {
  if (words.length === 0) return null;
  const rule = RULES.find((r) => fits(r, words));
  if (!rule) return null;
  const qualified = rule.qualifiedBy !== undefined && words.some((w) => has(w, rule.qualifiedBy ?? []));
  const weak = rule.weak === true || (rule.field === 'voucherNumber' && !words.some((w) => w.concepts.has('voucher')));
  return { field: rule.field, lang: languageOf(words), bare: rule.bare === true && !qualified, weak };
}
