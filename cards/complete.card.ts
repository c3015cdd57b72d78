import { md, mdLines } from './escape';
import { fill, isoDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import type { VoucherView } from './voucher-facts';

/** The completion report form (issue 8, step 6) and the customer planning deliverable as a link. */
export interface CompleteData {
  l: Labels;
  title: string;
  notice: string;
  today: string;
  deliveredOn: string;
  earliest: string;
  ref: VerbInput<'voucher.complete-form'>;
}

/** An `Input.Date` needs a real date as `min`; this one excludes nothing a voucher could have. */
const NO_LOWER_BOUND = '2000-01-01';

export function toCompleteData(
  v: Pick<VoucherView, '_id' | 'number' | 'state' | 'schedule' | 'assignedOn'>,
  ctx: CardContext,
  notice: string | null = null,
): CompleteData {
  const l = labelsFor(ctx.locale);
  const today = isoDay(ctx.now);
  const end = v.schedule ? isoDay(v.schedule.end) : today;
  return {
    l,
    title: fill(l.complete.title, { number: md(v.number, 64) }),
    notice: mdLines(notice, 800),
    today,
    deliveredOn: end < today ? end : today,
    // Delivery cannot precede the scheduled start (DOMAIN.md); without a schedule, the assignment bounds it.
    earliest: v.schedule ? isoDay(v.schedule.start) : v.assignedOn ? isoDay(v.assignedOn) : NO_LOWER_BOUND,
    ref: { voucherId: String(v._id), expectedState: v.state },
  };
}
