import { z } from 'zod';
import type { Handler } from '../routing/types';
import { announceDecision } from '../proactive/approval-notify';
import { approvalView } from '../views/approval.view';
import { numberArg } from './lookup';
import { approvalIdOf } from './approve.command';

/** `reject <id|number> <reason>` / `rejeter`: the reason is required. */
export const rejectArgs = () =>
  z.tuple([numberArg, z.string()], z.string()).transform(([ref, ...words]) => ({ ref, reason: words.join(' ') }));

export const rejectRequest: Handler<{ ref: string; reason: string }> = async (ctx, { ref, reason }) => {
  const result = await ctx.domain.approvals.reject(ctx.actor, { approvalId: await approvalIdOf(ctx, ref), comment: reason });
  await announceDecision(ctx, result.approval);
  return approvalView(ctx, result.approval);
};
