import type { Person } from '../domain/person/person.model';
import { md, mdLines, plain } from './escape';
import { fill, formatDay, isoDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import type { VoucherView } from './voucher-facts';

/** The schedule form (issue 8, step 5): dates within validity, a consultant among the qualified. */
export interface ScheduleData {
  l: Labels;
  title: string;
  notice: string;
  endLabel: string;
  consultantLabel: string;
  today: string;
  expires: string;
  start: string;
  end: string;
  consultant: string;
  consultants: { title: string; value: string }[];
  canSchedule: boolean;
  ref: VerbInput<'voucher.schedule-form'>;
}

export function toScheduleData(
  v: Pick<VoucherView, '_id' | 'number' | 'state' | 'program' | 'expiresOn' | 'schedule'>,
  /** People the domain says are qualified for the voucher's program. */
  qualified: readonly Pick<Person, 'aadObjectId' | 'name'>[],
  ctx: CardContext,
  notice: string | null = null,
): ScheduleData {
  const l = labelsFor(ctx.locale);
  return {
    l,
    title: fill(l.schedule.title, { number: md(v.number, 64) }),
    notice: mdLines(notice, 800),
    endLabel: fill(l.schedule.endLabel, { expires: formatDay(v.expiresOn, ctx.locale) }),
    consultantLabel: fill(l.schedule.consultantLabel, { program: md(v.program, 16, l.common.unknown) }),
    today: isoDay(ctx.now),
    expires: isoDay(v.expiresOn),
    start: v.schedule ? isoDay(v.schedule.start) : '',
    end: v.schedule ? isoDay(v.schedule.end) : '',
    consultant: plain(v.schedule?.consultant ?? qualified[0]?.aadObjectId, 64),
    consultants: qualified.slice(0, 100).map((p) => ({ title: plain(p.name, 100), value: plain(p.aadObjectId, 64) })),
    canSchedule: qualified.length > 0,
    ref: { voucherId: String(v._id), expectedState: v.state },
  };
}
