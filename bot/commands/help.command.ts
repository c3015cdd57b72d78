import { z } from 'zod';
import { descriptions, examples } from '../i18n/examples';
import type { CommandEntry, Handler } from '../routing/types';
import { helpView } from '../views/help.view';
import { allowed } from '../routing/tables';

/** `help` / `aide`: what this person may do, by role, with an example each. */
export const helpArgs = () => z.array(z.string()).transform(() => ({}));

export function helpFor(commands: readonly CommandEntry[]): Handler<object> {
  return async (ctx) => {
    const mine = commands.filter((c) => allowed(c.roles, ctx.actor.roles));
    const rows = mine.map((c) => ({ id: c.id, keyword: ctx.locale === 'fr' ? c.fr : c.en, text: descriptions[ctx.locale][c.id] ?? '', example: examples[ctx.locale][c.id] ?? '' }));
    return helpView(ctx, rows);
  };
}
