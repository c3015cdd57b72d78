import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { Config } from '../config';
import type { Logger } from '../log';

/** The slice of an HTTP request and response the handler uses (restify's fit). */
export interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}
export interface HttpResponse {
  status(code: number): unknown;
  send(body?: unknown): unknown;
}
export type HttpHandler = (req: HttpRequest, res: HttpResponse) => Promise<void>;

/** The least an activity must have before botbuilder sees it; anything else gets 400. */
const IncomingActivity = z.looseObject({ type: z.string().min(1) });

/** CloudAdapter with its turn processing exposed, so this module answers HTTP itself. */
class BotAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

function isAuthenticationFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: unknown }).statusCode === 401;
}

/**
 * The Bot Framework edge: CloudAdapter with ConfigurationBotFrameworkAuthentication. With no app
 * id configured, botbuilder authenticates nothing; main.ts says so loudly in the log. Answers are
 * written here rather than by CloudAdapter.process, which prints stacks to stderr and echoes
 * error messages in the HTTP body.
 */
export function createMessagesHandler(config: Config, log: Logger, logic: (context: TurnContext) => Promise<void>): HttpHandler {
  const credentials: Record<string, string> = { MicrosoftAppType: config.MicrosoftAppType };
  if (config.MicrosoftAppId) credentials.MicrosoftAppId = config.MicrosoftAppId;
  if (config.MicrosoftAppPassword) credentials.MicrosoftAppPassword = config.MicrosoftAppPassword;
  if (config.MicrosoftAppTenantId) credentials.MicrosoftAppTenantId = config.MicrosoftAppTenantId;
  const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication(credentials));
  adapter.onTurnError = async (context, error) => {
    // turn.ts catches everything a handler throws; this only sees adapter-level failures.
    log.error({ err: error, activityId: context.activity?.id }, 'adapter turn error');
  };

  return async (req, res) => {
    const parsed = IncomingActivity.safeParse(req.body);
    if (!parsed.success) {
      res.status(400);
      res.send({ error: 'the body is not a Bot Framework activity (a JSON object with a "type")' });
      return;
    }
    const header = req.headers.authorization;
    const authHeader = typeof header === 'string' ? header : '';
    if (config.MicrosoftAppId && !authHeader) {
      log.warn({ activityId: parsed.data.id }, 'rejected a request without credentials (401)');
      res.status(401);
      res.send();
      return;
    }
    try {
      const invoke = await adapter.handle(authHeader, parsed.data as unknown as Activity, logic);
      res.status(invoke?.status ?? 200);
      res.send(invoke?.body);
    } catch (error) {
      const unauthorized = isAuthenticationFailure(error);
      if (unauthorized) log.warn({ activityId: parsed.data.id, reason: (error as Error).message }, 'rejected a request with invalid credentials (401)');
      else log.error({ err: error, activityId: parsed.data.id }, 'activity processing failed');
      res.status(unauthorized ? 401 : 500);
      res.send();
    }
  };
}
