import { defineConfig } from 'vitest/config';

// Projects keep fast pure tests apart from the ones that need a database, a browser or a mail server.
// `db-*.test.ts` files run once per dialect: the project sets TEST_DIALECT and the body picks it up
// through test/support/test-db.ts, so one test body covers SQLite and PostgreSQL.
const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'unit',
          include: ['{lending,server,placements,emulator,widgets,templates}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'db-sqlite',
          include: ['{server,emulator,scripts}/**/*.db.test.ts'],
          env: { TEST_DIALECT: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'db-postgres',
          include: ['{server,emulator,scripts}/**/*.db.test.ts'],
          env: { TEST_DIALECT: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
