import assert from 'node:assert/strict';
import { Refusal } from '../../domain/refusal';

/** Awaits a promise that must be refused with `code`; returns the refusal. */
export async function refused(p: Promise<unknown>, code: string): Promise<Refusal> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof Refusal, `expected a Refusal ${code}, got ${String(e)}`);
    assert.equal(e.code, code, `expected ${code}, got ${e.code} ${JSON.stringify(e.params)}`);
    return e;
  }
  assert.fail(`expected refusal ${code}, but it succeeded`);
}
