import type { z } from 'zod';
import type { Actor, Domain, Role } from '../../domain/domain';
import type { Partner } from '../../domain/partner/partner.model';
import type { Locale } from '../i18n/messages';

/** What a handler sees of a turn: no botbuilder types leave bot/teams/. */
export interface IncomingTurn {
  kind: 'message' | 'invoke' | 'conversationUpdate' | 'installationUpdate' | 'other';
  activityId: string;
  /** The message text with the bot's @mention removed. */
  text: string;
  /** Bodies of `text/html` attachments (Teams sends a pasted message this way too). */
  htmlTexts: string[];
  locale: Locale;
  userAadObjectId: string | undefined;
  /** The sender's display name as Teams sent it (a first admin's name at setup). */
  userName?: string;
  tenantId: string | undefined;
  conversationId: string;
  channelId: string;
  /** An `adaptiveCard/action` (or other) invoke; null for other activities. */
  invoke: { name: string; verb: string; data: unknown; trigger: string } | null;
  /** The bot itself was installed or added to a conversation. */
  botAdded: boolean;
  /** People @mentioned in the message, the bot excepted (issue 9: people are found by mention). */
  mentions?: { id: string; name: string; aadObjectId: string | null }[];
  /** Teams' roster for this conversation (TeamsInfo.getMember); absent outside a live turn. */
  members?: MemberDirectory;
}

/** A person as Teams knows them in the conversation's tenant. */
export interface TeamsMember {
  aadObjectId: string;
  name: string;
  email: string | null;
  tenantId: string | null;
}
export interface MemberDirectory {
  /** By the mention's id (`29:...`) or AAD object id; null when Teams does not know them here. */
  get(id: string): Promise<TeamsMember | null>;
}

/** An Adaptive Card as JSON, rendered by cards/render.ts. */
export type CardJson = Record<string, unknown>;

/** `email`: an Email channel message (subject and HTML body go in channelData; bot/teams/email-turn.ts). */
export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'card'; card: CardJson }
  | { kind: 'email'; email: { subject: string; text: string; html: string } };

export type Outcome = 'ok' | 'refused' | 'stale' | 'unknown-person' | 'unknown-tenant' | 'unrecognised' | 'ignored' | 'error';

/** Everything a turn answers: messages to send and, for an invoke, the invoke response. */
export interface Answer {
  replies: Reply[];
  invoke: Reply | null;
  outcome: Outcome;
  /** A short name of what ran, for the log line (never user text). */
  command: string;
}

/** What each handler gets: the acting person (roles from the database), the domain, the language. */
export interface HandlerContext {
  domain: Domain;
  actor: Actor;
  partnerName: string;
  /** The partner as read when the turn identified the actor, so a view need not read it again. */
  partner?: Partner;
  locale: Locale;
  turn: IncomingTurn;
}

export type Handler<A> = (ctx: HandlerContext, args: A) => Promise<Reply>;

/** A text command: English and French keyword, who may run it, its argument schema, its handler. */
export interface CommandEntry<A = unknown> {
  id: string;
  en: string;
  fr: string;
  /**
   * Other words that name the command without doubt, in either language: the source document's
   * vocabulary ("document" for a voucher), singular or plural forms, a common synonym.
   */
  aliases?: readonly string[];
  /**
   * Where the command takes voucher numbers as typed (`first`: its first argument; `each`: every
   * argument): a number typed in pieces ("DEMO 0001") is put back together before the arguments are read.
   */
  numbers?: 'first' | 'each';
  roles: readonly Role[];
  /**
   * The command may change something: each delivery is then applied once (processed ids in
   * MongoDB). A command that only reads is answered again on a redelivery, which changes nothing.
   */
  changes: boolean;
  /** Parses the words after the keyword (as typed); a failure shows the usage. */
  args: (locale: Locale) => z.ZodType<A, string[]>;
  handler: Handler<A>;
}

/** A card verb (`noun.action`): the schema of `action.data`, who may use it, its text twin, its handler. */
export interface VerbEntry<D = unknown> {
  verb: string;
  roles: readonly Role[];
  data: z.ZodType<D>;
  /** The id of the command that does the same thing in text (STYLE.md §3: no orphan verbs). */
  twin: string;
  /** The verb changes something: a second identical click (double click) gets the first answer. */
  changes: boolean;
  handler: Handler<D>;
}

/** Keeps each entry's argument type tied to its handler while the tables hold them side by side. */
export function command<A>(entry: CommandEntry<A>): CommandEntry {
  return entry as unknown as CommandEntry;
}
export function verb<D>(entry: VerbEntry<D>): VerbEntry {
  return entry as unknown as VerbEntry;
}
