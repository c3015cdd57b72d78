import { InvariantError } from '../invariant';

/**
 * The voucher state machine as data (DOMAIN.md, Voucher states). Pure: no I/O, no clock.
 * `to: null` marks an action that keeps the state (it is still audited).
 */
export const VOUCHER_STATES = ['assigned', 'reserved', 'scheduled', 'completed', 'redeemed', 'claimed', 'paid', 'expired'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

/**
 * `contact`: anyone who is a contact of the location the voucher is reserved (or to be reserved)
 * under, whatever their role (DOMAIN.md, Program rules: "Anyone with a contact role on that
 * location may reserve on its behalf"; People: staff are consultants and location contacts). The
 * role check lets any person through for it, and the location's contact check decides
 * (reserve.rules.ts `checkContact`, voucher.store.ts `byLocationContact`).
 */
export type MachineRole = 'admin' | 'staff' | 'manager' | 'system' | 'contact';

export interface Transition {
  event: VoucherEvent;
  from: readonly VoucherState[];
  to: VoucherState | null;
  roles: readonly MachineRole[];
}

/** States before redemption: the ones that expire (DOMAIN.md: any state before `redeemed`). */
export const EXPIRABLE: readonly VoucherState[] = ['assigned', 'reserved', 'scheduled', 'completed'];
const WORKERS = ['admin', 'staff'] as const;
/** The staff steps done under a location (DOMAIN.md, People: Staff): its contacts may do them too. */
const AT_LOCATION = ['admin', 'staff', 'contact'] as const;

const TABLE = [
  { event: 'intake', from: VOUCHER_STATES, to: null, roles: [...WORKERS, 'system'] },
  { event: 'validate', from: ['assigned'], to: null, roles: WORKERS },
  { event: 'correct', from: ['assigned', 'reserved', 'scheduled'], to: null, roles: WORKERS },
  { event: 'requestReservation', from: ['assigned'], to: null, roles: AT_LOCATION },
  { event: 'reserve', from: ['assigned'], to: 'reserved', roles: AT_LOCATION },
  { event: 'cancel', from: ['reserved', 'scheduled'], to: 'assigned', roles: AT_LOCATION },
  { event: 'schedule', from: ['reserved', 'scheduled'], to: 'scheduled', roles: AT_LOCATION },
  { event: 'complete', from: ['scheduled'], to: 'completed', roles: AT_LOCATION },
  { event: 'addDeliverable', from: ['scheduled', 'completed'], to: null, roles: AT_LOCATION },
  { event: 'requestRedemption', from: ['completed'], to: null, roles: AT_LOCATION },
  { event: 'releaseApproval', from: VOUCHER_STATES, to: null, roles: ['manager', 'system'] },
  { event: 'approveReservation', from: ['assigned'], to: 'reserved', roles: ['manager'] },
  { event: 'redeem', from: ['completed'], to: 'redeemed', roles: ['manager'] },
  { event: 'claim', from: ['redeemed'], to: 'claimed', roles: AT_LOCATION },
  { event: 'pay', from: ['claimed'], to: 'paid', roles: AT_LOCATION },
  { event: 'expire', from: EXPIRABLE, to: 'expired', roles: ['system'] },
] as const satisfies readonly { event: string; from: readonly VoucherState[]; to: VoucherState | null; roles: readonly MachineRole[] }[];

export type VoucherEvent = (typeof TABLE)[number]['event'];
export const TRANSITIONS: readonly Transition[] = TABLE;

/**
 * Whether the actor's roles allow a transition. A `contact` transition allows any person (never
 * the system, which acts only where it is named): their contact of the location is checked next.
 */
export function rolesAllow(actorRoles: readonly string[], roles: readonly MachineRole[]): boolean {
  if (roles.some((r) => actorRoles.includes(r))) return true;
  return roles.includes('contact') && !actorRoles.includes('system');
}

/** The roles a refusal names (the system and the location's contacts are not roles a person is given). */
export const namedRoles = (roles: readonly MachineRole[]): ('admin' | 'staff' | 'manager')[] =>
  roles.filter((r): r is 'admin' | 'staff' | 'manager' => r === 'admin' || r === 'staff' || r === 'manager');

export function transitionOf(event: VoucherEvent): Transition {
  const t = TRANSITIONS.find((x) => x.event === event);
  if (!t) throw new InvariantError(`unknown voucher event ${event}`);
  return t;
}

/** The state after `event` from `state`, or null when the machine forbids it. */
export function nextState(state: VoucherState, event: VoucherEvent): VoucherState | null {
  const t = transitionOf(event);
  if (!t.from.includes(state)) return null;
  return t.to ?? state;
}

/** Every (from, to) pair the machine allows, state-keeping actions included. */
export function isAllowedStep(from: VoucherState | null, to: VoucherState): boolean {
  if (from === null) return to === 'assigned';
  return TRANSITIONS.some((t) => t.from.includes(from) && (t.to ?? from) === to);
}

/**
 * Replays an audit trail: the state it leads to, or null when a step does not follow from the
 * previous one or is not allowed by the machine.
 */
export function replayStates(steps: readonly { from: VoucherState | null; to: VoucherState }[]): VoucherState | null {
  let state: VoucherState | null = null;
  for (const step of steps) {
    if (step.from !== state || !isAllowedStep(step.from, step.to)) return null;
    state = step.to;
  }
  return state;
}
