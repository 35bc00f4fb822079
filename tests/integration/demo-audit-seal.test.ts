import { describe, expect, it } from 'vitest';
import { openTestApp } from '../support/services';

/**
 * The demo edition is written at start-up, outside any contract call: the configuration digest
 * sealed when the database opened must follow it, or the organizer's first screen says the audit
 * log was altered outside the app (seen on every `serve --demo`, the venue's hub included).
 */
describe('the demo edition and the audit seal of the configuration', () => {
  for (const demo of ['ensure', 'ifEmpty'] as const) {
    it(`a new database with the demo added at start-up (${demo}) verifies clean`, async () => {
      const app = await openTestApp({ demo });
      try {
        const verdict = await app.call('audit.verify', {});
        expect(verdict).toMatchObject({ ok: true });
      } finally {
        app.close();
      }
    });
  }
});
