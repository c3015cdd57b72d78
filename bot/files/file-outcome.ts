import type { Domain, RefusalCode } from '../../domain/domain';
import { reasonOf, Refusal } from '../../domain/domain';
import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import type { Partner } from '../../domain/partner/partner.model';
import { localeOf, type Locale } from '../i18n/messages';
import type { HandlerContext, Reply } from '../routing/types';
import { voucherFoundView } from '../views/voucher-found.view';
import { voucherView } from '../views/voucher.view';
import type { FileJob, FileJobStore, FileOutcome } from './file-job.store';
import { fileTexts } from './file-texts';

const text = (value: string): Reply => ({ kind: 'text', text: value });

/** The outbox payload: the job and how it ended (the result as JSON text). */
export interface FileOutcomeData {
  jobId: string;
  outcome: FileOutcome | null;
  voucherId: string | null;
  result: string | null;
}

/** The person's context as a handler would have it, for the views (the job names person and partner). */
async function contextOf(domain: Domain, job: FileJob, locale: Locale): Promise<HandlerContext> {
  const [actor, partner] = await Promise.all([
    domain.people.resolveActor(job.partnerId, job.aadObjectId),
    domain.deps.models.partners.findById(job.partnerId).lean<Partner>(),
  ]);
  const turn = {
    kind: 'message' as const,
    activityId: '',
    text: job.hint,
    htmlTexts: [],
    locale,
    userAadObjectId: job.aadObjectId,
    tenantId: job.tenantId,
    conversationId: '',
    channelId: 'msteams',
    invoke: null,
    botAdded: false,
  };
  return { domain, actor, partnerName: partner?.name ?? '', locale, turn };
}

/**
 * What the person reads when their file is done (sent through the outbox, rendered then): the
 * voucher's card with the deliverable, the Voucher found card of an attached email, or why not.
 */
export async function renderFileOutcome(
  domain: Domain,
  jobs: FileJobStore,
  data: FileOutcomeData,
  localeTag: string,
): Promise<Reply | null> {
  const found = await jobs.byId(data.jobId);
  if (!found) return null;
  const job: FileJob = { ...found, outcome: data.outcome, voucherId: data.voucherId, result: data.result };
  const locale = localeOf(job.locale || localeTag);
  const t = fileTexts[locale];
  switch (job.outcome) {
    case 'stored': {
      const ctx = await contextOf(domain, job, locale);
      const number = (await domain.queries.details(ctx.actor, job.voucherId ?? '')).voucher.number;
      return voucherView(ctx, job.voucherId ?? '', [t.stored(job.fileName, number)]);
    }
    case 'voucher-email': {
      const ctx = await contextOf(domain, job, locale);
      return voucherFoundView(ctx, JSON.parse(job.result ?? '{}') as VoucherEmailAnalysis, null);
    }
    case 'refused': {
      const r = JSON.parse(job.result ?? '{}') as { code: RefusalCode; params: never };
      return text(reasonOf(new Refusal(r.code, r.params), locale));
    }
    case 'which-voucher':
      return text(t.whichVoucher(job.fileName));
    case 'not-voucher-email':
      return text(t.notAVoucherEmail(job.fileName));
    default:
      return text(t.downloadFailed(job.fileName));
  }
}
