import type { Connection } from 'mongoose';
import { approvalService } from './approval/approval.service';
import type { Clock } from './clock';
import { deliverableService } from './files/deliverable.service';
import { createModels, ensureIndexes, type DomainDeps } from './models';
import { partnerService } from './partner/partner.service';
import { personService } from './person/person.service';
import { intakeVoucher } from './voucher/intake.service';
import { reserveVoucher } from './voucher/reserve.service';
import { voucherQueries } from './voucher/voucher.queries';
import { voucherLifecycle } from './voucher/voucher.service';
import { sweepAll, sweepPartner } from './voucher/voucher.sweep';

/**
 * The domain's API for the bot: one object per connection and clock. Every method that changes
 * something takes the acting person (`people.resolveActor`) and validates its input with zod;
 * expected failures are `Refusal`s (domain/refusal.ts).
 */
export function createDomain({ connection, clock }: { connection: Connection; clock: Clock }) {
  const deps: DomainDeps = { connection, clock, models: createModels(connection) };
  return {
    deps,
    ensureIndexes: () => ensureIndexes(deps.models),
    partners: partnerService(deps),
    people: personService(deps),
    vouchers: {
      intake: (actor: Parameters<typeof intakeVoucher>[1], input: Parameters<typeof intakeVoucher>[2]) => intakeVoucher(deps, actor, input),
      reserve: (actor: Parameters<typeof reserveVoucher>[1], input: Parameters<typeof reserveVoucher>[2]) => reserveVoucher(deps, actor, input),
      ...voucherLifecycle(deps),
    },
    approvals: approvalService(deps),
    deliverables: deliverableService(deps),
    queries: voucherQueries(deps),
    sweep: { all: () => sweepAll(deps), partner: (partnerId: Parameters<typeof sweepPartner>[1]) => sweepPartner(deps, partnerId) },
  };
}
export type Domain = ReturnType<typeof createDomain>;

export type { Actor, Role } from './person/person.model';
export type { Voucher, AuditEntry, Deliverable } from './voucher/voucher.model';
export type { VoucherState } from './voucher/voucher.machine';
export type { Approval } from './approval/approval.model';
export { Refusal, reasonOf, isRefusal, type RefusalCode, type Locale } from './refusal';
