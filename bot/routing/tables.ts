import type { Domain, Role } from '../../domain/domain';
import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import type { Answer, CommandEntry, HandlerContext, IncomingTurn, Reply, VerbEntry } from './types';

/** The router's tables (bot/router.ts) as the dispatcher reads them. */
export interface RouterTables {
  commands: readonly CommandEntry[];
  verbs: readonly VerbEntry[];
  /** A pasted voucher email: who may paste, and the handler that shows the Voucher found card. */
  email: { roles: readonly Role[]; handler: (ctx: HandlerContext, email: VoucherEmailAnalysis) => Promise<Reply> };
  /** First run (issue 9): answers `setup` in a tenant no partner owns, before anyone is identified; null for every other turn. */
  firstRun?: (domain: Domain, turn: IncomingTurn) => Promise<Answer | null>;
}

/** A short name of the turn for the log line: the verb, or the first word (never the whole text). */
export function commandOf(turn: IncomingTurn): string {
  if (turn.invoke) return turn.invoke.verb.slice(0, 40) || turn.invoke.name;
  if (turn.kind !== 'message') return turn.kind;
  return turn.text.trim().split(/\s+/, 1)[0]?.toLowerCase().slice(0, 32) ?? '';
}

export const allowed = (roles: readonly Role[], actorRoles: readonly string[]): boolean =>
  actorRoles.some((r) => (roles as readonly string[]).includes(r));
