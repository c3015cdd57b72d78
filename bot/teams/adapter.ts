import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';

export type HttpHandler = (req: Request, res: Response) => Promise<void>;

/**
 * The Bot Framework edge: CloudAdapter with ConfigurationBotFrameworkAuthentication. With no app
 * id configured, botbuilder authenticates nothing; main.ts says so loudly in the log.
 */
export function createMessagesHandler(
  config: Config,
  log: Logger,
  logic: (context: TurnContext) => Promise<void>,
): HttpHandler {
  const credentials: Record<string, string> = { MicrosoftAppType: config.MicrosoftAppType };
  if (config.MicrosoftAppId) credentials.MicrosoftAppId = config.MicrosoftAppId;
  if (config.MicrosoftAppPassword) credentials.MicrosoftAppPassword = config.MicrosoftAppPassword;
  if (config.MicrosoftAppTenantId) credentials.MicrosoftAppTenantId = config.MicrosoftAppTenantId;
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(credentials));
  adapter.onTurnError = async (context, error) => {
    // turn.ts catches everything a handler throws; this only sees adapter-level failures.
    log.error({ err: error, activityId: context.activity?.id }, 'adapter turn error');
  };
  return async (req, res) => {
    // botbuilder prints a stack to stderr for a request with no credentials; answer that case here.
    if (config.MicrosoftAppId && !req.headers?.authorization) {
      log.warn({ path: '/api/messages' }, 'rejected a request without credentials (401)');
      res.status(401);
      res.end();
      return;
    }
    await adapter.process(req, res, logic);
  };
}
