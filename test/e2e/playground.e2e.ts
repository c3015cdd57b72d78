import assert from 'node:assert/strict';
import en from '../../cards/i18n/en.json';
import { CardView } from './helpers/card-view';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { labelStart } from './helpers/flow';
import { StepShots } from './helpers/screenshots';

/** The Playground reaches the bot as the demo user, offline, and the chat works both ways. */
describe('Agents Playground and the bot (browser)', function () {
  let e2e: E2eStack;

  before(async function () {
    e2e = await startE2eStack('smoke');
  });

  after(async function () {
    await e2e?.stop();
  });

  it('connects as Alex Wilber of the demo tenant, and the bot answers a message typed in the compose box', async function () {
    const { playground } = e2e;
    const before = await playground.botMessageCount();
    const exchange = await playground.send('help');
    const from = exchange.request?.body?.from as { aadObjectId?: string; name?: string } | undefined;
    const conversation = exchange.request?.body?.conversation as { tenantId?: string } | undefined;
    assert.equal(from?.aadObjectId, '00000000-0000-0000-0000-0000000000020');
    assert.equal(from?.name, 'Alex Wilber');
    assert.equal(conversation?.tenantId, '00000000-0000-0000-0000-0000000000001');
    assert.ok((await playground.botMessageCount()) > before, 'the bot answered with a message');
    const answer = await playground.textAt(-1);
    assert.doesNotMatch(answer, /not (a )?(known|member)|inconnu|ask .*admin/i, 'the demo user is a known person of the partner');
    assert.match(answer, /vouchers?/i);
  });

  it('answers in a team channel where it is @mentioned, the mention not read as part of the command', async function () {
    const { playground } = e2e;
    const exchange = await playground.postInChannel('Contoso Consulting - Vouchers', 'Voucher bot', 'vouchers');
    const body = exchange.request?.body ?? {};
    assert.equal((body.conversation as { conversationType?: string } | undefined)?.conversationType, 'channel');
    assert.match(String(body.text), /^<at>Voucher bot<\/at> vouchers$/);
    const list = new CardView(playground, playground.page.locator('.ac-adaptiveCard', { hasText: labelStart(en.list.title) }).last());
    assert.match(await list.text(), /DEMO-\d{4}/);
    assert.ok((await list.buttons()).includes(en.button.details), 'each row has Details');
    await new StepShots(playground.page, 'channel').take('vouchers', list.root);
  });

  it('needs nothing outside this machine', function () {
    // The Playground's Fluent UI asks Microsoft's CDN for Segoe UI and an animation script; both are
    // optional (it falls back to local fonts), and they are the only requests allowed to fail.
    const others = e2e.browser.blocked.filter((url) => !url.startsWith('https://res-1.cdn.office.net/files/fabric-cdn-prod_'));
    assert.deepEqual(others, []);
  });
});
