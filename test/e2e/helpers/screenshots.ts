import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const SHOTS_DIR = path.resolve(__dirname, '..', '..', '..', 'build', 'e2e');

const WIDE = { width: 1280, height: 900 };
/**
 * The Playground is a desktop web app: below about 800 px it scrolls sideways instead of reflowing,
 * and it draws every card in a fixed 450 px column (Teams desktop's card width), so a narrow window
 * alone changes nothing in a card. Teams mobile gives a card the phone's width less its margins, so
 * the narrow shot sets that column to 360 px (a 400 px wide phone) and lets the card fill it.
 */
const NARROW_CARD_CSS = `
  div:has(> .ac-preview-panel) { width: 360px !important; max-width: 360px !important; }
  .ac-preview-panel, .ac-preview-panel > .ac-adaptiveCard { width: 100% !important; }
`;

/** Saves `NN-step-wide.png` (the whole window) and `NN-step-narrow.png` (the card, at phone width). */
export class StepShots {
  private step = 0;

  constructor(
    private readonly page: Page,
    private readonly prefix: string,
  ) {
    mkdirSync(SHOTS_DIR, { recursive: true });
  }

  async take(name: string, card: Locator): Promise<void> {
    this.step++;
    const base = path.join(SHOTS_DIR, `${this.prefix}-${String(this.step).padStart(2, '0')}-${name}`);
    try {
      // A window tall enough for the whole card: the Playground's header and compose box stay
      // on screen and would cover a card taller than the window.
      await this.page.setViewportSize({ ...WIDE, height: await this.heightFor(card, WIDE.height) });
      await this.hideLogPanel();
      await card.scrollIntoViewIfNeeded();
      await this.page.screenshot({ path: `${base}-wide.png` });
      await this.page.evaluate(
        `{ const s = document.createElement('style'); s.dataset.e2eNarrow = ''; s.textContent = ${JSON.stringify(NARROW_CARD_CSS)}; document.head.append(s); }`,
      );
      // The window stays wide: below its minimum width the Playground scrolls sideways and its
      // side bar can cover the card's left edge, while the card's layout only follows its column.
      await this.page.setViewportSize({ ...WIDE, height: await this.heightFor(card, WIDE.height) });
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: `${base}-narrow.png` });
    } finally {
      await this.page.evaluate(`document.querySelectorAll('style[data-e2e-narrow]').forEach((node) => node.remove())`);
      await this.page.setViewportSize(WIDE);
    }
  }

  /** The Playground opens its Log Panel again when the window is resized. */
  private async hideLogPanel(): Promise<void> {
    const hide = this.page.getByRole('button', { name: 'Hide log panel' });
    if (await hide.isVisible()) await hide.click();
  }

  private async heightFor(card: Locator, minimum: number): Promise<number> {
    const box = await card.boundingBox();
    return Math.max(minimum, Math.ceil((box?.height ?? 0) + 320));
  }
}
