import assert from 'node:assert/strict';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';

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

  it('needs nothing outside this machine', function () {
    // The Playground's Fluent UI asks Microsoft's CDN for Segoe UI and an animation script; both are
    // optional (it falls back to local fonts), and they are the only requests allowed to fail.
    const others = e2e.browser.blocked.filter((url) => !url.startsWith('https://res-1.cdn.office.net/files/fabric-cdn-prod_'));
    assert.deepEqual(others, []);
  });
});
