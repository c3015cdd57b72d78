import type { Page } from 'playwright-core';
import { SHOTS_DIR } from './screenshots';

/**
 * A user flow as a chain of mocha tests: each step is its own test, so the report says which
 * steps pass; a step after a failed one fails too (it cannot run on a broken conversation), with
 * the name of the step that broke the chain. A failing step leaves a screenshot of the window.
 */
export function flowSteps(prefix: string, page: () => Page) {
  let broken: string | undefined;
  let index = 0;
  return function step(name: string, body: () => Promise<void>): void {
    const number = String(++index).padStart(2, '0');
    it(name, async function () {
      if (broken) throw new Error(`not run: the earlier step "${broken}" failed`);
      try {
        await body();
      } catch (error) {
        broken = name;
        await page()
          .screenshot({ path: `${SHOTS_DIR}/${prefix}-FAILED-step-${number}.png` })
          .catch((shotError: unknown) => process.stderr.write(`no failure screenshot: ${String(shotError)}\n`));
        throw error;
      }
    });
  };
}

/** Text before a catalog label's first placeholder, to find it in a card: "Voucher found: {number}" -> "Voucher found:". */
export function labelStart(template: string): RegExp {
  const start = (template.split('{')[0] ?? template).trim();
  return new RegExp(start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

export function isoDay(date: Date, plusDays = 0): string {
  return new Date(date.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}
