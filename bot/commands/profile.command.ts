import type { Handler } from '../routing/types';
import { profileView } from '../views/admin.view';
import { anyWords } from './admin-words';

/** `profile` / `profil`: the directory profile (admins edit it on the card). */
export const profileArgs = anyWords;
export const showProfile: Handler<string[]> = (ctx) => profileView(ctx);
