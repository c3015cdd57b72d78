import { Types } from 'mongoose';
import { z } from 'zod';
import { addYears, isoDay, utcDay } from '../calendar';
import { calendarDate, text } from '../inputs';
import type { DomainDeps } from '../models';
import { checkActor, checkMember } from '../person/actor';
import type { Actor, Person } from '../person/person.model';
import { checklistFor, programCode, PROGRAM_CODES, type ChecklistKind, type ProgramCode } from '../program/program.catalog';
import { EARLIEST_DATE, parseInput, refuse, type ActionCode, type Refusal } from '../refusal';
import { scoped } from '../scope';
import { StoreError } from '../store';
import { updateEach, upsertOne, type Update } from '../write';
import { eligibilityStatusOf, type ChecklistItem, type Eligibility, type EligibilityStatus, type Enrollment } from './enrollment.model';

export const tickInput = z.object({ program: programCode, item: text(100), done: z.boolean() });
export const checklistInput = z.object({ program: programCode });
export const enrollInput = z.object({
  program: programCode,
  enrolledOn: calendarDate,
  agreementSignedOn: calendarDate,
  complianceTrainingOn: calendarDate,
  locationIds: z.array(text(64)).min(1),
});

/** One item of a program's checklist as people read it: who ticked it and when, by name. */
export interface ChecklistLine {
  key: string;
  kind: ChecklistKind;
  label: string;
  done: boolean;
  by: string | null;
  byName: string | null;
  on: Date | null;
}
/** A program's eligibility (DOMAIN.md, step 1): its status, every item, and what is still missing. */
export interface ChecklistView {
  program: ProgramCode;
  status: EligibilityStatus;
  items: ChecklistLine[];
  missing: ChecklistLine[];
}

const isAdmin = (actor: Actor) => actor.roles.includes('admin') || actor.roles.includes('system');

function requireAdmin(actor: Actor, action: ActionCode): void {
  checkActor(actor);
  if (!isAdmin(actor)) throw refuse('NOT_PERMITTED', { action, roles: ['admin'] });
}

const untickedList = (program: ProgramCode): ChecklistItem[] =>
  checklistFor(program).map((x) => ({ ...x, done: false, by: null, on: null }));

/**
 * Ticking one item is one conditional update of that item (and of the status it implies), made on
 * the version read: a concurrent tick of another item makes it read again, so both are kept.
 */
function tickUpdate(current: ChecklistItem[], item: ChecklistItem): Update | null {
  const at = current.findIndex((x) => x.key === item.key);
  const was = current[at];
  if (was && was.done === item.done) return null;
  const next = at < 0 ? [...current, item] : current.map((x, i) => (i === at ? item : x));
  const status = eligibilityStatusOf(next);
  if (at < 0) return { $push: { checklist: item }, $set: { status } };
  return { $set: { [`checklist.${at}.done`]: item.done, [`checklist.${at}.by`]: item.by, [`checklist.${at}.on`]: item.on, status } };
}

/** Eligibility per program (DOMAIN.md, step 1) and enrollment (step 2), managed by the partner admin. */
export function eligibilityService(deps: DomainDeps) {
  const m = deps.models;
  const readChecklist = async (actor: Actor, program: ProgramCode): Promise<ChecklistView> => {
    checkMember(actor, 'viewPartner');
    const stored = await m.eligibilities.findOne(scoped(actor.partnerId, { program })).lean<Eligibility>();
    const saved = new Map((stored?.checklist ?? []).map((x) => [x.key, x]));
    const list = checklistFor(program).map((x) => ({ ...x, done: false, by: null, on: null, ...pick(saved.get(x.key)) }));
    const ids = [...new Set(list.flatMap((x) => (x.by ? [x.by] : [])))];
    const people = ids.length
      ? await m.people
          .find(scoped(actor.partnerId, { aadObjectId: { $in: ids } }), { aadObjectId: 1, name: 1 })
          .lean<Pick<Person, 'aadObjectId' | 'name'>[]>()
      : [];
    const items = list.map((x) => ({ ...x, byName: people.find((p) => p.aadObjectId === x.by)?.name ?? null }));
    return { program, status: eligibilityStatusOf(items), items, missing: items.filter((x) => !x.done) };
  };
  return {
    /** Ticks or unticks a checklist item (who, when); the status follows the checklist (step 1). */
    async tickEligibility(actor: Actor, raw: z.input<typeof tickInput>): Promise<Eligibility> {
      requireAdmin(actor, 'updateEligibility');
      const i = parseInput(tickInput, raw);
      const known = checklistFor(i.program).find((x) => x.key === i.item);
      if (!known) throw refuse('ELIGIBILITY_ITEM_UNKNOWN', { program: i.program, item: i.item });
      const now = deps.clock.now();
      const item: ChecklistItem = { ...known, done: i.done, by: i.done ? actor.aadObjectId : null, on: i.done ? now : null };
      const filter = scoped(actor.partnerId, { program: i.program });
      const r = await upsertOne(deps, {
        model: m.eligibilities,
        filter,
        insert: () => {
          const checklist = untickedList(i.program).map((x) => (x.key === item.key ? item : x));
          return { _id: new Types.ObjectId(), ...filter, checklist, status: eligibilityStatusOf(checklist) };
        },
        change: (cur) => tickUpdate(cur.checklist, item),
      });
      if (!r.ok) throw new StoreError(`eligibility ${i.program}: a unique index refused the tick`);
      return r.doc;
    },
    /** The checklist of a program, readable by anyone of the partner: who ticked what, when, and what is missing. */
    async checklist(actor: Actor, raw: z.input<typeof checklistInput>): Promise<ChecklistView> {
      const { program } = parseInput(checklistInput, raw);
      return readChecklist(actor, program);
    },
    /** Every program's checklist, in catalog order. */
    checklists: (actor: Actor): Promise<ChecklistView[]> => Promise.all(PROGRAM_CODES.map((p) => readChecklist(actor, p))),
    /** Enroll or renew (step 2): eligibility active; lasts one year; approves the given locations. */
    async enroll(actor: Actor, raw: z.input<typeof enrollInput>): Promise<Enrollment> {
      requireAdmin(actor, 'enroll');
      const i = parseInput(enrollInput, raw, deps.clock.now());
      const dated = checkEnrollmentDates(i, deps.clock.now());
      if (dated) throw dated;
      const eligibility = await m.eligibilities.findOne(scoped(actor.partnerId, { program: i.program })).lean<Eligibility>();
      if (eligibility?.status !== 'active')
        throw refuse('ELIGIBILITY_NOT_ACTIVE', { program: i.program, status: eligibility?.status ?? 'not_started' });
      const set = { ...i, renewBy: addYears(i.enrolledOn, 1) };
      const filter = scoped(actor.partnerId, { program: i.program });
      const r = await upsertOne(deps, {
        model: m.enrollments,
        filter,
        insert: () => ({ _id: new Types.ObjectId(), ...filter, ...set }),
        change: () => ({ $set: set }),
      });
      if (!r.ok) throw new StoreError(`enrollment ${i.program}: a unique index refused it`);
      await updateEach(deps, {
        model: m.locations,
        filter: scoped(actor.partnerId, { locationId: { $in: i.locationIds }, approvedPrograms: { $ne: i.program } }),
        update: { $addToSet: { approvedPrograms: i.program } },
      });
      return r.doc;
    },
  };
}

/**
 * Enrollment comes once the participants have finished the compliance training and the program
 * agreement is signed (DOMAIN.md, step 2): both on or before the enrollment day, which is not after
 * today (an enrollment lasts one year from it, so a later day would stretch it).
 */
function checkEnrollmentDates(
  i: Pick<z.output<typeof enrollInput>, 'enrolledOn' | 'agreementSignedOn' | 'complianceTrainingOn'>,
  now: Date,
): Refusal | null {
  const today = utcDay(now);
  if (i.enrolledOn.getTime() > today.getTime())
    return refuse('DATE_OUT_OF_RANGE', {
      field: 'enrolledOn',
      date: isoDay(i.enrolledOn),
      earliest: isoDay(EARLIEST_DATE),
      latest: isoDay(today),
    });
  for (const field of ['agreementSignedOn', 'complianceTrainingOn'] as const) {
    const day = i[field];
    if (day.getTime() > i.enrolledOn.getTime())
      return refuse('DATE_OUT_OF_RANGE', { field, date: isoDay(day), earliest: isoDay(EARLIEST_DATE), latest: isoDay(i.enrolledOn) });
  }
  return null;
}

function pick(x: ChecklistItem | undefined): Partial<ChecklistItem> {
  return x ? { done: x.done, by: x.by, on: x.on } : {};
}
