import { InvariantError } from '../invariant';

/**
 * The voucher state machine as data (DOMAIN.md, Voucher states). Pure: no I/O, no clock.
 * `to: null` marks an action that keeps the state (it is still audited).
 */
export const VOUCHER_STATES = ['assigned', 'reserved', 'scheduled', 'completed', 'redeemed', 'claimed', 'paid', 'expired'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

export type MachineRole = 'admin' | 'staff' | 'manager' | 'system';

export interface Transition {
  event: VoucherEvent;
  from: readonly VoucherState[];
  to: VoucherState | null;
  roles: readonly MachineRole[];
}

/** States before redemption: the ones that expire (DOMAIN.md: any state before `redeemed`). */
export const EXPIRABLE: readonly VoucherState[] = ['assigned', 'reserved', 'scheduled', 'completed'];
const WORKERS = ['admin', 'staff'] as const;

const TABLE = [
  { event: 'intake', from: VOUCHER_STATES, to: null, roles: [...WORKERS, 'system'] },
  { event: 'validate', from: ['assigned'], to: null, roles: WORKERS },
  { event: 'correct', from: ['assigned', 'reserved', 'scheduled'], to: null, roles: WORKERS },
  { event: 'requestReservation', from: ['assigned'], to: null, roles: WORKERS },
  { event: 'reserve', from: ['assigned'], to: 'reserved', roles: WORKERS },
  { event: 'cancel', from: ['reserved', 'scheduled'], to: 'assigned', roles: WORKERS },
  { event: 'schedule', from: ['reserved', 'scheduled'], to: 'scheduled', roles: WORKERS },
  { event: 'complete', from: ['scheduled'], to: 'completed', roles: WORKERS },
  { event: 'addDeliverable', from: ['scheduled', 'completed'], to: null, roles: WORKERS },
  { event: 'requestRedemption', from: ['completed'], to: null, roles: WORKERS },
  { event: 'releaseApproval', from: VOUCHER_STATES, to: null, roles: ['manager', 'system'] },
  { event: 'approveReservation', from: ['assigned'], to: 'reserved', roles: ['manager'] },
  { event: 'redeem', from: ['completed'], to: 'redeemed', roles: ['manager'] },
  { event: 'claim', from: ['redeemed'], to: 'claimed', roles: WORKERS },
  { event: 'pay', from: ['claimed'], to: 'paid', roles: WORKERS },
  { event: 'expire', from: EXPIRABLE, to: 'expired', roles: ['system'] },
] as const satisfies readonly { event: string; from: readonly VoucherState[]; to: VoucherState | null; roles: readonly MachineRole[] }[];

export type VoucherEvent = (typeof TABLE)[number]['event'];
export const TRANSITIONS: readonly Transition[] = TABLE;

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
