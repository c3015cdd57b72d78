import { performance } from 'node:perf_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { errorBody } from '../server';
import { describeShapeProblem, IncomingActivity, isInboundType } from './activity-shape';
import { withEdge } from './deadline';

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
    const arrivedAt = performance.now();
    const parsed = IncomingActivity.safeParse(req.body, { reportInput: true });
    if (!parsed.success) {
      const problem = describeShapeProblem(parsed.error);
      log.warn({ activityId: idOf(req.body), status: 400, problem }, 'rejected a request that is not a valid activity (400)');
      return answerError(res, 400, 'BadRequest', problem);
    }
    const activity = parsed.data;
    const header = req.headers.authorization;
    const authHeader = typeof header === 'string' ? header : '';
    if (config.MicrosoftAppId && !authHeader) {
      log.warn({ activityId: activity.id, status: 401 }, 'rejected a request without credentials (401)');
      return answerError(res, 401, 'Unauthorized', 'Bot Framework credentials are required');
    }
    // Types the bot does not handle still go through authentication, then get an empty answer (rule A2014).
    const ignored = !isInboundType(activity.type);
    try {
      // The turn's deadline (issue 8) counts from the request's arrival; past it the turn answers early and goes on.
      const early = answerable<InvokeResponse | undefined>();
      const edge = { arrivedAt, answerNow: early.answer };
      const handled = adapter.handle(authHeader, activity as unknown as Activity, ignored ? async () => {} : withEdge(logic, edge));
      const first = await Promise.race([
        handled.then((invoke) => ({ invoke, early: false })),
        early.promise.then((invoke) => ({ invoke, early: true })),
      ]);
      const invoke = first.invoke;
      const status = invoke?.status ?? 200;
      if (ignored)
        log.info(
          { activityId: activity.id, type: activity.type.slice(0, 40), status },
          'ignored an activity of a type the bot does not handle',
        );
      if (status >= 300 && invoke?.body === undefined) answerError(res, status, 'NotImplemented', 'the bot does not handle this request');
      else {
        res.status(status);
        res.send(invoke?.body);
      }
      // Answered early: the request stays in flight until the turn ends, so a shutdown waits for it.
      if (first.early)
        await handled.catch((error: unknown) =>
          log.error({ err: error, activityId: activity.id }, 'activity processing failed after its early answer'),
        );
    } catch (error) {
      if (isAuthenticationFailure(error)) {
        log.warn(
          { activityId: activity.id, status: 401, reason: (error as Error).message },
          'rejected a request with invalid credentials (401)',
        );
        return answerError(res, 401, 'Unauthorized', 'the Bot Framework credentials are not valid');
      }
      log.error({ err: error, activityId: activity.id, status: 500 }, 'activity processing failed');
      answerError(res, 500, 'InternalServer', 'the activity could not be processed');
    }
  };
}

/** A promise and the function that resolves it. */
function answerable<T>(): { promise: Promise<T>; answer: (value: T) => void } {
  let answer: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

function answerError(res: HttpResponse, status: number, code: string, message: string): void {
  res.status(status);
  res.send(errorBody(code, message));
}

/** The activity id of a rejected body, when it has one, so the log line can be matched to the sender's. */
function idOf(body: unknown): string | undefined {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 100) : undefined;
}
