import type { Locator, Page, WebSocket } from 'playwright-core';
import { CardView } from './card-view';

/**
 * Page object for the Microsoft 365 Agents Playground (0.2.x) web client. Its DOM has hashed class
 * names, so it is read through ARIA labels ("Message header", "Message author", "Send Message") and
 * the Adaptive Cards renderer's `ac-*` classes. A turn is complete when the Playground's own log
 * stream (the websocket behind its Log Panel) reports the bot's HTTP answer to the activity.
 */
export interface Exchange {
  activityName: string;
  from: string;
  to: string;
  request?: { body?: Record<string, unknown> };
  response?: { statusCode?: number; body?: unknown };
}

const TO_BOT = 'User Application';
const TURN_TIMEOUT_MS = 30_000;

export class PlaygroundPage {
  readonly exchanges: Exchange[] = [];
  /** Messages the Playground was told to create, by conversation id. */
  private readonly created = new Map<string, number>();

  constructor(
    readonly page: Page,
    readonly url: string,
  ) {
    page.on('websocket', (socket) => this.listen(socket));
  }

  /** Opens the Playground on Personal Chat and waits for the install turns the Playground sends first. */
  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.composer().waitFor();
    await this.waitForExchanges((e) => e.activityName === 'conversationUpdate', 1);
    await this.settle();
    await this.page.getByRole('button', { name: 'Hide log panel' }).click();
  }

  composer(): Locator {
    return this.page.locator('[data-lexical-editor="true"][role="textbox"]');
  }

  /** Types a message in the compose box and sends it with Enter, as a user does. */
  async send(text: string): Promise<Exchange> {
    return this.turn('message', async () => {
      await this.composer().click();
      await this.composer().pressSequentially(text);
      await this.page.keyboard.press('Enter');
    });
  }

  /**
   * Sends a message through Mock an Activity > Custom activity: the Playground's own activity
   * (its conversation, user and tenant) with these fields set. Needed for a pasted email (the
   * compose box joins lines: its serializer keeps text nodes and drops line breaks) and for a
   * locale other than en-US (the compose box always sends en-US).
   */
  async sendActivity(fields: Record<string, unknown>): Promise<Exchange> {
    await this.page.getByRole('button', { name: 'Mock an Activity' }).click();
    await this.page.getByRole('menuitem', { name: 'Custom activity' }).click();
    const editor = this.page.locator('.monaco-editor textarea');
    await editor.waitFor();
    await editor.focus();
    const base = JSON.parse(await this.copyEditor()) as Record<string, unknown>;
    const activity = { ...base, ...fields };
    await this.page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(JSON.stringify(activity, null, 2))})`);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+V');
    const written = JSON.parse(await this.copyEditor()) as unknown;
    if (JSON.stringify(written) !== JSON.stringify(activity))
      throw new Error('the Custom activity editor did not take the activity as written');
    return this.turn('message', () => this.page.getByRole('button', { name: 'Send activity' }).click());
  }

  private async copyEditor(): Promise<string> {
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    return String(await this.page.evaluate('navigator.clipboard.readText()'));
  }

  /** Opens a team channel and posts a message that @mentions the bot, picked from the mention list. */
  async postInChannel(channel: string, botName: string, text: string): Promise<Exchange> {
    await this.page.getByRole('treeitem', { name: channel }).click();
    const newPost = this.page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await newPost.click();
    await newPost.pressSequentially(`@${botName.slice(0, 4)}`);
    await this.page.getByRole('menuitem', { name: botName }).click();
    await newPost.pressSequentially(` ${text}`);
    return this.turn('message', () => this.page.getByRole('button', { name: 'Post', exact: true }).click());
  }

  /** Bot messages in the open conversation, oldest first. */
  botMessages(): Locator {
    return this.page.locator('div:has(> [aria-label="Message header"] [aria-label="Message author"])');
  }

  async botMessageCount(): Promise<number> {
    return this.botMessages().count();
  }

  /** The card of the n-th bot message (0-based; negative counts from the end). */
  async cardAt(index: number): Promise<CardView> {
    const count = await this.botMessageCount();
    const at = index < 0 ? count + index : index;
    return new CardView(this, this.botMessages().nth(at).locator('.ac-adaptiveCard').first());
  }

  /**
   * Clicks a card button and returns the card to read next: the newest bot message's card when the
   * click made the bot post one, else the clicked card, which the bot's answer replaced in place.
   */
  async press(card: CardView, title: string | RegExp): Promise<CardView> {
    const before = await this.botMessageCount();
    await card.click(title);
    return (await this.botMessageCount()) > before ? this.cardAt(-1) : card;
  }

  /** The newest card that shows a button with this title. */
  async cardWithButton(title: string): Promise<CardView | undefined> {
    for (let i = (await this.botMessageCount()) - 1; i >= 0; i--) {
      const card = new CardView(this, this.botMessages().nth(i).locator('.ac-adaptiveCard').first());
      if ((await card.root.count()) > 0 && (await card.buttons()).includes(title)) return card;
    }
    return undefined;
  }

  /** The text of the n-th bot message (0-based; negative counts from the end). */
  async textAt(index: number): Promise<string> {
    const count = await this.botMessageCount();
    return this.botMessages()
      .nth(index < 0 ? count + index : index)
      .innerText();
  }

  /**
   * Runs a user action that sends one activity of this kind, waits for the bot's HTTP answer to it
   * and for every message the bot sent to be on screen. Fails when the bot answers other than 200.
   */
  async turn(kind: 'message' | 'invoke', action: () => Promise<void>): Promise<Exchange> {
    const before = this.exchanges.length;
    await action();
    const deadline = Date.now() + TURN_TIMEOUT_MS;
    let answer: Exchange | undefined;
    while (!answer) {
      answer = this.exchanges.slice(before).find((e) => e.to === TO_BOT && e.activityName === kind && e.response);
      if (!answer && Date.now() > deadline) throw new Error(`the bot did not answer the ${kind} within ${TURN_TIMEOUT_MS / 1000} s`);
      if (!answer) await this.page.waitForTimeout(100);
    }
    if (answer.response?.statusCode !== 200) {
      throw new Error(
        `the bot answered the ${kind} with HTTP ${String(answer.response?.statusCode)}: ${JSON.stringify(answer.response?.body)}`,
      );
    }
    await this.settle();
    return answer;
  }

  private async waitForExchanges(match: (e: Exchange) => boolean, count: number): Promise<void> {
    const deadline = Date.now() + TURN_TIMEOUT_MS;
    while (this.exchanges.filter((e) => match(e) && e.response).length < count) {
      if (Date.now() > deadline) throw new Error('the Playground did not reach the bot');
      await this.page.waitForTimeout(100);
    }
  }

  /** Every message the Playground was told to create is on screen, and nothing moved for 300 ms. */
  private async settle(): Promise<void> {
    // Only the open conversation is on screen: the last one an activity went to the bot from.
    const last = [...this.exchanges].reverse().find((e) => e.to === TO_BOT);
    const conversation = last?.request?.body?.conversation as { id?: string; conversationType?: string } | undefined;
    // A channel draws posts and replies without the chat's "Message author" labels: the caller waits
    // for what it expects there.
    const expected = conversation?.conversationType === 'channel' ? 0 : (this.created.get(conversation?.id ?? '') ?? 0);
    await this.page.waitForFunction(`document.querySelectorAll('[aria-label="Message author"]').length >= ${expected}`, undefined, {
      timeout: TURN_TIMEOUT_MS,
    });
    await this.page.waitForTimeout(300);
  }

  private listen(socket: WebSocket): void {
    socket.on('framereceived', ({ payload }) => {
      let frame: { log?: Exchange; action?: string; actionConversationId?: string };
      try {
        frame = JSON.parse(String(payload)) as typeof frame;
      } catch {
        return; // not a JSON frame: nothing the test reads
      }
      if (frame.log?.activityName) this.exchanges.push(frame.log);
      if (frame.action === 'createMessage') {
        const id = frame.actionConversationId ?? '';
        this.created.set(id, (this.created.get(id) ?? 0) + 1);
      }
    });
  }
}
