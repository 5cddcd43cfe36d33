import { defineConfig } from 'vitest/config';

// Projects keep fast pure tests apart from the ones that need a database, a browser or a mail server.
// `db-*.test.ts` files run once per dialect: the project sets TEST_DIALECT and the body picks it up
// through test/support/test-db.ts, so one test body covers SQLite and PostgreSQL.
const shared = { testTimeout: 30_000, hookTimeout: 60_000 };
// Unit and DB files: two workers (the machine's 2 cores) that keep their imported modules from
// file to file (isolate: false) — importing the app's module graph afresh was most of a file's time
// (unit + db-sqlite: 1,274 s → 306 s wall on the loaded machine; db-postgres 208 s, each file its own
// database). So a test file must not count on fresh module state: no module-level mutable state in
// production code (issue 12), and a test that stubs a global or fakes timers puts them back in
// afterEach/afterAll. Files here read no wall-clock bounds (frame-gate.test.ts reads a fake clock).
// e2e files (Chromium, Dovecot, child processes) run two at a time too, and keep modules between files
// as well (isolate: false; per file, importing the app and the emulator afresh cost several seconds of
// a worker — issue 12 item 7): every rig listens on ports the OS picks, keeps its state in a temp dir
// or a database of its own, restores what it stubs, and asserts counts and order, never wall-clock
// bounds. Much of an e2e file's time is waiting on a browser, a server or a child, which a second file
// fills. The widget bundles they serve are built once, and one Chromium server started, before any
// file (test/support/e2e-global-setup.ts). Groups: unit and DB first, e2e after (their global setup).
const parallel = { maxWorkers: 2, isolate: false, sequence: { groupOrder: 0 } };
const e2e = { maxWorkers: 2, isolate: false, sequence: { groupOrder: 1 } };

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          ...parallel,
          name: 'unit',
          include: ['{lending,server,placements,emulator,widgets,templates,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          ...parallel,
          name: 'db-sqlite',
          include: ['{server,emulator,scripts}/**/*.db.test.ts'],
          env: { TEST_DIALECT: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          ...parallel,
          name: 'db-postgres',
          include: ['{server,emulator,scripts}/**/*.db.test.ts'],
          env: { TEST_DIALECT: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          ...e2e,
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/support/e2e-global-setup.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
