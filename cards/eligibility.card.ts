import type { ChecklistView } from '../domain/enrollment/eligibility.service';
import { ITEM_INPUT_PREFIX } from './admin-verbs';
import { md } from './escape';
import { fill, formatInstant, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';

/** A program's eligibility checklist (issue 9, step 4): a checkbox per item, who ticked it and when, what is missing. */
export interface EligibilityData {
  l: Labels;
  title: string;
  notice: string;
  statusLine: string;
  statusColor: 'Good' | 'Warning' | 'Attention';
  items: { id: string; label: string; value: 'true' | 'false'; detail: string }[];
  missingLine: string;
  active: boolean;
  ref: VerbInput<'eligibility.save'>;
  enroll: VerbInput<'help.suggest'>;
}

const COLORS = { not_started: 'Attention', in_progress: 'Warning', active: 'Good' } as const;

/** The catalog's item, in the reader's words when the labels know it. */
function itemLabel(l: Labels, item: { key: string; label: string }): string {
  const suffix = item.key.slice(item.key.indexOf('.') + 1);
  const words: Record<string, string> = l.admin.eligibility.item;
  return words[suffix] ?? md(item.label, 300);
}

export function toEligibilityData(view: ChecklistView, ctx: CardContext, notice: string | null = null): EligibilityData {
  const l = labelsFor(ctx.locale);
  const e = l.admin.eligibility;
  const missing = view.missing.map((x) => itemLabel(l, x));
  return {
    l,
    title: fill(e.title, { program: view.program }),
    notice: md(notice, 500),
    statusLine: fill(e.statusLine, { status: e.status[view.status] }),
    statusColor: COLORS[view.status],
    items: view.items.map((x) => ({
      id: `${ITEM_INPUT_PREFIX}${x.key}`,
      label: itemLabel(l, x),
      value: x.done ? 'true' : 'false',
      detail:
        x.done && x.on ? fill(e.ticked, { name: md(x.byName ?? x.by ?? '', 200), at: formatInstant(new Date(x.on), ctx.locale) }) : '',
    })),
    missingLine: missing.length ? fill(e.missing, { items: missing.join('; ') }) : e.allDone,
    active: view.status === 'active',
    ref: {
      program: view.program,
      shown: view.items
        .filter((x) => x.done)
        .map((x) => x.key)
        .join(','),
    },
    enroll: { text: `${ctx.locale === 'fr' ? 'inscrire' : 'enroll'} ${view.program}` },
  };
}
