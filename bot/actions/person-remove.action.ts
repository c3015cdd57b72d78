import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { removeAndList } from '../commands/remove.command';

/** A person's Remove on the people card (the text twin is `remove @name`). */
export const removePersonAction: Handler<VerbData<'person.remove'>> = (ctx, d) => removeAndList(ctx, d.aadObjectId);
