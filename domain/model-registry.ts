import type { Connection, Model, Schema } from 'mongoose';

/**
 * Registers a model on a given connection (not mongoose's global one), so two connections,
 * as two bot instances would have, each get their own. Indexes are built by `ensureIndexes`.
 */
export function modelOn<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  const existing = connection.models[name] as Model<T> | undefined;
  return existing ?? connection.model<T>(name, schema);
}

export const schemaOptions = { autoIndex: false, autoCreate: false, versionKey: false, strict: 'throw' } as const;
