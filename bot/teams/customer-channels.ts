import type { TurnContext } from 'botbuilder';
import type { Connection } from 'mongoose';
import type { Domain } from '../../domain/domain';
import { emailPayloadHandlers, type EmailPayloadHandler } from '../email/email-payloads';
import type { Enqueue } from '../email/staff-notice';
import { FILE_OUTCOME_KIND, fileJobRunner } from '../files/file-job.runner';
import { fileJobStore } from '../files/file-job.store';
import { renderFileOutcome, type FileOutcomeData } from '../files/file-outcome';
import type { Logger } from '../log';
import type { ProcessedActivityStore } from '../store/processed-activity.store';
import { emailChannel, type EmailChannelOptions } from './email-channel';
import { byChannel } from './email-turn';
import { createFileTurn, withFiles } from './file-turn';

type Logic = (context: TurnContext) => Promise<void>;

/** What the proactive side gives this one: the outbox's enqueue and the conversation reference store. */
export interface ProactiveLink {
  enqueue: Enqueue;
  remember: EmailChannelOptions['remember'];
}

/**
 * Customers by email and files (issue 10) as bot/app.ts wires them: the outbox payloads they send
 * (built first, for the outbox worker), then the turn wrapper (email activities, Teams messages
 * with files, the rest to the Teams turn) and the background loops (reservation emails, orphaned
 * file jobs), started after the server listens.
 */
export function customerChannels(o: {
  connection: Connection;
  domain: Domain;
  log: Logger;
  once: ProcessedActivityStore;
  repliesPerHour: number;
}) {
  const jobs = fileJobStore(o.connection, o.domain.deps.clock);
  const handlers: Record<string, EmailPayloadHandler> = {
    ...emailPayloadHandlers(o.domain),
    [FILE_OUTCOME_KIND]: {
      render: async (data, to) => {
        const reply = await renderFileOutcome(o.domain, jobs, data as unknown as FileOutcomeData, to.locale);
        return reply ? { reply } : null;
      },
    },
  };
  return {
    handlers,
    jobs,
    /** Binds to the outbox; returns the turn wrapper and the loops. */
    link(proactive: ProactiveLink) {
      const email = emailChannel({ ...o, enqueue: proactive.enqueue, remember: proactive.remember });
      const runner = fileJobRunner({ domain: o.domain, jobs, enqueue: proactive.enqueue, log: o.log });
      const files = createFileTurn({ domain: o.domain, jobs, runner, log: o.log });
      let stops: Array<() => void> = [];
      return {
        email,
        runner,
        ensureIndexes: async () => {
          await email.ensureIndexes();
          await jobs.ensureIndexes();
        },
        wrap: (teams: Logic): Logic => byChannel(email.turn, withFiles(files, teams)),
        start(everyMs = 30_000): void {
          const resume = setInterval(
            () => void runner.resume().catch((e: unknown) => o.log.error({ err: e }, 'file jobs could not be resumed; trying again')),
            everyMs,
          );
          resume.unref();
          stops = [email.watch(everyMs), () => clearInterval(resume)];
        },
        stop: () => stops.forEach((stop) => stop()),
      };
    },
  };
}
