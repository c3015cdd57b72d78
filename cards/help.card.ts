import type { Role } from '../domain/person/person.model';
import { md, plain } from './escape';
import { fill, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';

/** The help card (issue 8, step 9): what this person may do, by role, with examples. */
export type HelpCommand = keyof Labels['help']['commands'];

export interface HelpData {
  l: Labels;
  rolesLine: string;
  canPaste: boolean;
  rows: { usage: string; summary: string; example: string }[];
  vouchers: VerbInput<'help.suggest'> | null;
  approvals: VerbInput<'help.suggest'> | null;
  canRedeem: boolean;
}

const keywordOf = (l: Labels, command: HelpCommand) => l.help.commands[command].usage.split(' ')[0] ?? command;

export function toHelpData(roles: readonly Role[], commands: readonly HelpCommand[], ctx: CardContext): HelpData {
  const l = labelsFor(ctx.locale);
  const allowed = new Set(commands);
  return {
    l,
    rolesLine: fill(l.help.roles, { roles: roles.length > 0 ? roles.map((r) => l.help.role[r]).join(', ') : l.common.none }),
    canPaste: roles.includes('admin') || roles.includes('staff'),
    rows: commands.map((c) => {
      const entry = l.help.commands[c];
      return {
        usage: `**${md(entry.usage, 100)}**`,
        summary: entry.summary,
        example: fill(l.help.example, { example: md(entry.example, 100) }),
      };
    }),
    vouchers: allowed.has('vouchers') ? { text: plain(keywordOf(l, 'vouchers'), 40) } : null,
    approvals: allowed.has('approvals') ? { text: plain(keywordOf(l, 'approvals'), 40) } : null,
    canRedeem: allowed.has('redeem'),
  };
}

/** The welcome card, when the bot is installed or added to a team. */
export interface WelcomeData {
  l: Labels;
  text: string;
  help: VerbInput<'help.suggest'>;
  vouchers: VerbInput<'help.suggest'>;
}

export function toWelcomeData(partnerName: string | null, ctx: CardContext): WelcomeData {
  const l = labelsFor(ctx.locale);
  return {
    l,
    text: fill(l.welcome.text, { partner: md(partnerName, 100, ctx.locale === 'fr' ? 'votre partenaire' : 'your partner') }),
    help: { text: keywordOf(l, 'help') },
    vouchers: { text: keywordOf(l, 'vouchers') },
  };
}
