import type { Domain } from '../../domain/domain';
import { writeGeneration } from '../../domain/write';

/** Entries kept at most; the oldest go first. */
const MAX_ENTRIES = 5_000;

interface Entry {
  at: number;
  generations: string;
  value: unknown;
}

/**
 * A short-lived cache of the reads every turn repeats (who is writing, the partner, people's
 * names), so that a turn costs one database round trip fewer for each. It never decides alone:
 * an entry lives at most `ttlMs` (IDENTITY_CACHE_MS, 2 s by default; 0 turns it off), and only
 * while this process has written nothing to the collections it was read from
 * (domain/write.ts's generations). Another instance's change is seen within `ttlMs` by what a turn
 * shows; a turn that changes something reads who is acting afresh (bot/routing/identify.ts). Only
 * found things are kept: a person just added, or a tenant just set up, is read from the database.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** `fresh`: read the database whatever is kept (and keep what was read), for a turn that changes something. */
  async get<T>(
    key: string,
    collections: readonly string[],
    load: () => Promise<T>,
    keep: (value: T) => boolean = () => true,
    options: { fresh?: boolean } = {},
  ): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const generations = collections.map(writeGeneration).join(',');
    const hit = this.entries.get(key);
    if (!options.fresh && hit && hit.generations === generations && this.now() - hit.at < this.ttlMs) return hit.value as T;
    const started = this.now();
    const value = await load();
    if (keep(value)) this.put(key, { at: started, generations, value });
    else this.entries.delete(key);
    return value;
  }

  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/** One cache per domain (per database connection): two bots in one process never share entries. */
const caches = new WeakMap<Domain, ReadCache>();

export const DEFAULT_IDENTITY_CACHE_MS = 2_000;

export function readCacheOf(domain: Domain): ReadCache {
  const found = caches.get(domain);
  if (found) return found;
  const made = new ReadCache(DEFAULT_IDENTITY_CACHE_MS);
  caches.set(domain, made);
  return made;
}

/** The bot's setting (bot/config.ts, IDENTITY_CACHE_MS) for this domain's cache. */
export function configureReadCache(domain: Domain, ttlMs: number): void {
  if (caches.get(domain)?.ttlMs !== ttlMs) caches.set(domain, new ReadCache(ttlMs));
}

/** The collections a cached read comes from, by the domain's model names. */
export const collectionsOf = (domain: Domain, ...models: ('people' | 'partners' | 'locations')[]): string[] =>
  models.map((m) => domain.deps.models[m].collection.collectionName);
