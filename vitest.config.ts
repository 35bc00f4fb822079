import { defineConfig } from 'vitest/config';

// Services, repositories and pure domain code, against real SQLite files and real workbooks;
// tests/renderer drives renderer stores against the real services (no browser needed).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
