import { z } from 'zod';
import type { Handler } from '../routing/types';
import { approvalsView } from '../views/approval.view';

/** `approvals` / `approbations`: what this manager has to decide. */
export const approvalsArgs = () => z.tuple([]).transform(() => ({}));

export const listApprovals: Handler<object> = async (ctx) => approvalsView(ctx, await ctx.domain.approvals.pendingFor(ctx.actor));
