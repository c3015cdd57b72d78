import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Domain } from '../../domain/domain';
import { isRefusal } from '../../domain/domain';
import type { FileJobRunner } from '../files/file-job.runner';
import { isKnownFile } from '../files/file-job.runner';
import type { FileJobStore } from '../files/file-job.store';
import { fileTexts } from '../files/file-texts';
import { localeOf } from '../i18n/messages';
import type { Logger } from '../log';

/** What Teams sends for a file attached in the personal chat (TEAMS.md, files). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface AttachedFile {
  name: string;
  downloadUrl: string;
  uniqueId: string;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The files of a Teams message: `content.downloadUrl` (short-lived), `content.uniqueId`, the attachment's `name`. */
export function attachedFiles(activity: Activity): AttachedFile[] {
  if (activity.type !== ActivityTypes.Message || activity.channelId !== 'msteams') return [];
  return (activity.attachments ?? []).flatMap((a) => {
    const c = record(a.content);
    if (a.contentType !== FILE_DOWNLOAD_INFO || typeof c.downloadUrl !== 'string') return [];
    const name = (a.name ?? '').replace(/[\r\n\t]/g, ' ').slice(0, 255) || 'file';
    return [{ name, downloadUrl: c.downloadUrl, uniqueId: typeof c.uniqueId === 'string' ? c.uniqueId : name }];
  });
}

const tenantOf = (activity: Activity): string => {
  const id = record(record(activity.channelData).tenant).id;
  return typeof id === 'string' && id ? id : (activity.conversation?.tenantId ?? '');
};

/**
 * A message with attached files. In the personal chat each file is answered at once ("Received,
 * reading…"), recorded as a job in MongoDB and processed after the answer is sent; elsewhere the
 * bot asks for a link or the personal chat. A file of a kind it cannot take is refused at once.
 */
export function createFileTurn(deps: { domain: Domain; jobs: FileJobStore; runner: FileJobRunner; log: Logger }) {
  return async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const t = fileTexts[localeOf(activity.locale)];
    if (activity.conversation?.conversationType !== 'personal') {
      await context.sendActivity(t.notHere);
      return;
    }
    const partner = await deps.domain.partners.byTenant(tenantOf(activity));
    const actor = partner
      ? await deps.domain.people
          .resolveActor(partner._id, activity.from?.aadObjectId ?? '')
          .catch((e: unknown) => (isRefusal(e) ? null : Promise.reject(e)))
      : null;
    if (!partner || !actor || !actor.roles.some((r) => r === 'admin' || r === 'staff')) {
      await context.sendActivity(t.unknownPerson);
      return;
    }
    const started = [];
    for (const file of attachedFiles(activity)) {
      if (!isKnownFile(file.name)) {
        await context.sendActivity(t.wrongKind(file.name));
        continue;
      }
      const job = await deps.jobs.add({
        key: `${activity.conversation.id}|${activity.id ?? ''}|${file.uniqueId}`,
        partnerId: partner._id,
        tenantId: tenantOf(activity),
        aadObjectId: actor.aadObjectId,
        locale: activity.locale ?? 'en',
        fileName: file.name,
        downloadUrl: file.downloadUrl,
        hint: (activity.text ?? '').slice(0, 500),
      });
      await context.sendActivity(t.received(file.name));
      started.push(job._id);
    }
    // After the answers are sent: the download never holds the turn (TEAMS.md: answer within seconds).
    for (const id of started) deps.runner.start(id);
    deps.log.info({ activityId: activity.id, files: started.length }, 'files received');
  };
}

/** A Teams message carrying files goes to the file turn; everything else to `next`. */
export function withFiles(files: (context: TurnContext) => Promise<void>, next: (context: TurnContext) => Promise<void>) {
  return (context: TurnContext): Promise<void> => (attachedFiles(context.activity).length > 0 ? files(context) : next(context));
}
