import { expect, type ExpectStatic } from 'vitest';

type PolledAssertion = ReturnType<ExpectStatic['poll']>;

/**
 * expect.poll with a timeout that suits a busy machine: vitest's default (1 s) is shorter
 * than a file import takes when other test suites run at the same time.
 */
export function eventually(read: () => unknown): PolledAssertion {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}
