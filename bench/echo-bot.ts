import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import restify from 'restify';

/**
 * The baseline of `npm run bench:bot`: a plain botbuilder echo bot on the same stack as the
 * voucher bot (restify, CloudAdapter, no app id), answering a message with its text and a card
 * click with an empty 200. `tsx bench/echo-bot.ts <port>`; prints "listening <port>" when ready.
 */
class EchoAdapter extends CloudAdapter {
  handle(activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity('', activity, logic);
  }
}

const adapter = new EchoAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppType: 'MultiTenant' }));
const server = restify.createServer({ name: 'echo-bot' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
  const invoke = await adapter.handle(req.body as Activity, async (context) => {
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    else if (context.activity.type === ActivityTypes.Invoke)
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' } },
      });
  });
  res.send(invoke?.status ?? 200, invoke?.body);
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
