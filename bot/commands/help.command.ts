import { z } from 'zod';
import type { CommandEntry, Handler } from '../routing/types';
import { findCommand } from '../routing/read-command';
import { allowed } from '../routing/tables';
import { helpView } from '../views/help.view';

/** `help [command]` / `aide [commande]`: what this person may do, by role, with examples; or one command. */
export const helpArgs = () => z.array(z.string()).transform((words) => ({ topics: words.slice(0, 6) }));

export function helpFor(commands: readonly CommandEntry[]): Handler<{ topics: string[] }> {
  return async (ctx, { topics }) => {
    const mine = commands.filter((c) => allowed(c.roles, ctx.actor.roles)).map((c) => c.id);
    // "help reserve", "help with reserve", "aide sur réserver": the first word that names a command.
    const asked = topics.map((w) => findCommand(commands, w)).find((c) => c !== undefined);
    return helpView(ctx, asked && asked.id !== 'help' && mine.includes(asked.id) ? [asked.id] : mine);
  };
}
