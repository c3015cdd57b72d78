import type { Handler } from '../routing/types';
import { statusView } from '../views/admin.view';
import { anyWords } from './admin-words';

/** `status` / `état`: the partner overview. */
export const statusArgs = anyWords;
export const showStatus: Handler<string[]> = (ctx) => statusView(ctx);
