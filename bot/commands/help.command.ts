import { z } from 'zod';
import type { CommandEntry, Handler } from '../routing/types';
import { allowed } from '../routing/tables';
import { helpView } from '../views/help.view';

/** `help` / `aide`: what this person may do, by role, with examples. */
export const helpArgs = () => z.array(z.string()).transform(() => ({}));

export function helpFor(commands: readonly CommandEntry[]): Handler<object> {
  return async (ctx) => helpView(ctx, commands.filter((c) => allowed(c.roles, ctx.actor.roles)).map((c) => c.id));
}
