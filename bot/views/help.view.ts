import type { HandlerContext, Reply } from '../routing/types';

export interface HelpRow {
  keyword: string;
  text: string;
  example: string;
}

/** Help: one row per command this person may run. */
export async function helpView(_ctx: HandlerContext, rows: HelpRow[]): Promise<Reply> {
  return { kind: 'text', text: rows.map((r) => `**${r.keyword}**: ${r.text} (${r.example})`).join('\n\n') };
}
