import type { Connection } from 'mongoose';
import { z } from 'zod';
import { expiredApprovalsToReport } from './approval/approval-expiry.service';
import { approvalService } from './approval/approval.service';
import type { Clock } from './clock';
import { deliverableService } from './files/deliverable.service';
import { expectedState as expectedStateInput } from './inputs';
import { createDeps, ensureIndexes } from './models';
import type { Actor } from './person/person.model';
import { partnerService } from './partner/partner.service';
import { personService } from './person/person.service';
import { parseInput } from './refusal';
import { availableActions, staffActions, type ActionContext } from './voucher/actions.rules';
import { intakeVoucher } from './voucher/intake.service';
import { reserveVoucher } from './voucher/reserve.service';
import type { Voucher } from './voucher/voucher.model';
import { voucherQueries } from './voucher/voucher.queries';
import { voucherLifecycle } from './voucher/voucher.service';
import { checkExpectedState, checkReader, loadVoucher } from './voucher/voucher.store';
import { sweepAll, sweepPartner } from './voucher/voucher.sweep';

/**
 * The domain's API for the bot: one object per connection and clock. Every service takes the
 * acting person (`people.resolveActor`: roles read from the database; an actor built or copied by a
 * caller is refused PERSON_NOT_FOUND, domain/person/actor.ts) and an input validated with
 * zod that names a voucher by its id (`vouchers.findByNumber` turns a typed number into one) and
 * may carry the state the user saw (`expectedState`: a voucher in another state is refused
 * VOUCHER_CHANGED). Every action returns `{ vouchers, approval, notices }` (domain/result.ts);
 * the bot shows `noticeText` of each notice. Queries take the actor and check its role too.
 * Expected failures are `Refusal`s (domain/refusal.ts), rendered with `reasonOf`.
 */
export function createDomain({ connection, clock }: { connection: Connection; clock: Clock }) {
  const deps = createDeps(connection, clock);
  const approvals = approvalService(deps);
  const seen = z.object({ expectedState: expectedStateInput, voucherIds: z.array(z.string()).default([]) });
  return {
    deps,
    ensureIndexes: () => ensureIndexes(deps.models),
    /** The server and the write path's mode (claim on FerretDB, none on MongoDB), detected once; for the start-up log. */
    storeInfo: () => deps.store.info(),
    partners: partnerService(deps),
    people: personService(deps),
    vouchers: {
      intake: (actor: Actor, input: Parameters<typeof intakeVoucher>[2]) => intakeVoucher(deps, actor, input),
      reserve: (actor: Actor, input: Parameters<typeof reserveVoucher>[2], known?: Parameters<typeof reserveVoucher>[3]) =>
        reserveVoucher(deps, actor, input, known),
      ...voucherLifecycle(deps),
      /** The actions valid now for this person on this voucher (the details card's buttons); actor first, as everywhere. */
      availableActions: async (actor: Actor, voucher: Voucher, ctx?: ActionContext) => {
        checkReader(actor);
        return availableActions(voucher, actor, clock.now(), ctx);
      },
      /** The actions staff could take now, for a card several people see (the new-voucher card); each click is checked for its person. */
      staffActions: async (actor: Actor, voucher: Voucher) => {
        checkReader(actor);
        return staffActions(voucher, clock.now());
      },
    },
    approvals: {
      ...approvals,
      /** Ask to redeem completed vouchers with one approval; `expectedState` is the state every one was seen in. */
      /**
       * The system's chore over every partner: expires pending approvals past their time, then lists
       * those that expired undecided in the last days, for the bot to update their cards and tell the
       * requester (domain/approval/approval-expiry.service.ts).
       */
      expiredToReport: () => expiredApprovalsToReport(deps),
      async requestRedemption(
        actor: Actor,
        input: Parameters<typeof approvals.requestRedemption>[1] & { expectedState?: Voucher['state'] | null },
      ) {
        const { expectedState, voucherIds } = parseInput(seen, input);
        for (const id of expectedState ? voucherIds : []) {
          const stale = checkExpectedState(await loadVoucher(deps, actor.partnerId, id), expectedState);
          if (stale) throw stale;
        }
        return approvals.requestRedemption(actor, input);
      },
    },
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
export type { DomainResult, VoucherResult } from './result';
export type { Notice, NoticeCode, NoticeParams } from './notice';
export type { VoucherAction } from './voucher/actions.rules';
export type { VoucherDetails, VoucherPage, VoucherSummary } from './voucher/voucher.queries';
export type { ClaimQuote } from './voucher/payment.rules';
export { noticeText } from './notice';
export { Refusal, reasonOf, isRefusal, USER_PROVIDED, type RefusalCode, type Locale } from './refusal';
