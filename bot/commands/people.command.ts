import type { Handler } from '../routing/types';
import { peopleView } from '../views/admin.view';
import { anyWords } from './admin-words';

/** `people` / `personnes`: people with their roles, locations and qualifications (issue 9, step 2). */
export const peopleArgs = anyWords;
export const listPeople: Handler<string[]> = (ctx) => peopleView(ctx);
