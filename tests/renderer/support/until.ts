import { vi } from 'vitest';

/**
 * Waits until the assertion holds, with a limit that suits a busy machine: vi.waitFor's default
 * (1 s) is shorter than a save through the real services takes while other suites run (the e2e
 * `eventually` helper says the same of expect.poll). The limit only bounds a failure; a passing
 * run returns as soon as the condition holds.
 */
export function until<T>(assertion: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(assertion, { timeout: 15_000, interval: 20 });
}
