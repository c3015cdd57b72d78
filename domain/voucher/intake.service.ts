import { z } from 'zod';
import { isDuplicateKey } from '../guarded-write';
import { calendarDate, email, text, voucherNumber } from '../inputs';
import type { DomainDeps } from '../models';
import type { Actor } from '../person/person.model';
import { programCode } from '../program/program.catalog';
import { parseInput, refuse } from '../refusal';
import { scoped } from '../scope';
import { applyPlan } from './voucher.service';
import { expiryOf, mergePlan, newVoucher, senderMismatch } from './intake.rules';
import type { Voucher } from './voucher.model';
import { ruleTime } from './voucher.rules';

/** Accepts the parser's JSON (extra fields such as confidence are ignored) or a manual entry. */
export const intakeInput = z.object({
  voucherNumber,
  program: programCode.nullable().default(null),
  days: z.number().int().positive().max(15).nullable().default(null),
  customerName: text(300).nullable().default(null),
  agreementNumber: z.string().transform((s) => s.replace(/\s+/g, '')).nullable().default(null),
  voucherAdminEmail: email.nullable().default(null),
  assignedOn: calendarDate.nullable().default(null),
  expiresOn: calendarDate.nullable().default(null),
  source: z.object({
    kind: z.enum(['email', 'manual']),
    messageId: z.string().max(1000).nullable().default(null),
    senderEmail: email.nullable().default(null),
  }),
});

export interface IntakeResult {
  voucher: Voucher;
  created: boolean;
  /** The forward came from someone other than the voucher administrator: staff confirm by validating. */
  flagged: boolean;
  conflicts: string[];
}

/** Intake from a parsed email or a manual entry (DOMAIN.md, step 4); the same number is merged. */
export async function intakeVoucher(deps: DomainDeps, actor: Actor, raw: z.input<typeof intakeInput>): Promise<IntakeResult> {
  const f = parseInput(intakeInput, raw);
  if (!actor.roles.some((r) => r === 'admin' || r === 'staff' || r === 'system')) throw refuse('NOT_PERMITTED', { action: 'intake', roles: ['admin', 'staff'] });
  const t = ruleTime(deps.clock.now());
  const existing = await deps.models.vouchers.findOne(scoped(actor.partnerId, { number: f.voucherNumber })).lean<Voucher>();
  if (!existing) {
    const expiresOn = expiryOf(f);
    if (!expiresOn) throw refuse('INVALID_INPUT', { fields: ['assignedOn', 'expiresOn'] });
    const doc = newVoucher(f, expiresOn, actor, t);
    try {
      await deps.models.vouchers.create(doc);
      return { voucher: doc, created: true, flagged: Boolean(doc.needsConfirmation), conflicts: [] };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  const current = existing ?? (await deps.models.vouchers.findOne(scoped(actor.partnerId, { number: f.voucherNumber })).lean<Voucher>());
  if (!current) throw new Error(`voucher ${f.voucherNumber} vanished during intake`);
  const plan = mergePlan(current, f, actor, t);
  const result = await applyPlan(deps, actor.partnerId, current, plan);
  if (!result.ok) throw refuse('CONCURRENT_UPDATE', { number: f.voucherNumber });
  return { voucher: result.doc, created: false, flagged: Boolean(senderMismatch(f) && !current.validated), conflicts: plan.conflicts };
}
