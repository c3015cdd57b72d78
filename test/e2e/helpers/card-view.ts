import type { Locator } from 'playwright-core';
import type { Exchange, PlaygroundPage } from './playground-page';

/**
 * One rendered Adaptive Card in the Playground, read the way a person reads it: its visible text,
 * its buttons, its inputs by label. The locator is positional, so a card the bot replaced after a
 * click is found again at the same place.
 */
export class CardView {
  constructor(
    private readonly playground: PlaygroundPage,
    readonly root: Locator,
  ) {}

  /** The card's visible text, lines joined with "\n" and spaces collapsed. */
  async text(): Promise<string> {
    await this.root.waitFor();
    const raw = await this.root.innerText();
    return raw
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
  }

  /** Titles of the visible action buttons (card actions and action sets), in order. */
  async buttons(): Promise<string[]> {
    await this.root.waitFor();
    const titles = await this.root.locator('.ac-actionSet button:visible, .ac-actionSet [role="button"]:visible').allInnerTexts();
    return titles.map((t) => t.trim()).filter(Boolean);
  }

  async fillText(label: string | RegExp, value: string): Promise<void> {
    const input = this.root.getByRole('textbox', { name: label, exact: false }).first();
    await input.fill(value);
  }

  /** Input.Date: the Playground renders a date picker whose text field accepts YYYY-MM-DD. */
  async fillDate(label: string | RegExp, isoDay: string): Promise<void> {
    const input = this.root.getByRole('combobox', { name: label, exact: false }).first();
    await input.fill(isoDay);
    await input.press('Escape');
  }

  /** Compact Input.ChoiceSet: opens the list and picks the option with this title. */
  async choose(label: string | RegExp, option: string | RegExp): Promise<void> {
    await this.root.getByRole('combobox', { name: label, exact: false }).first().click();
    await this.root.page().getByRole('option', { name: option }).first().click();
  }

  /** Input.Toggle or one box of an expanded multi-select Input.ChoiceSet, by its title. */
  async check(title: string | RegExp): Promise<void> {
    await this.root.getByRole('checkbox', { name: title }).first().check();
  }

  /**
   * Clicks an Action.Execute button and waits for the bot's answer to the invoke (HTTP 200) and
   * for the card to change on screen; returns what the Playground logged for the exchange.
   */
  async click(title: string | RegExp): Promise<Exchange> {
    const before = await this.root.innerText();
    const answer = await this.playground.turn('invoke', () => this.root.getByRole('button', { name: title }).first().click());
    const deadline = Date.now() + 5_000;
    // A card can come back identical (a refusal shown as a message); the caller asserts on what it reads.
    while (Date.now() < deadline && (await this.root.innerText().catch(() => '')) === before) {
      await this.root.page().waitForTimeout(100);
    }
    return answer;
  }
}
