import tseslint from 'typescript-eslint';

// Production folders (server/, lending/, wire/, placements/, templates/, widgets/): what the app and the widgets ship. They may not import test support, the
// portal emulator or scripts (issue 12): those are for tests and the demo, and would otherwise end up
// in `npm start` or in a widget bundle.
const TESTS = ['**/*.test.{ts,tsx}'];
const NOT_TEST_SUPPORT = {
  regex: '^(\\.\\./)+(test|emulator|scripts)(/|$)',
  message: 'Production code may not import test/, emulator/ or scripts/ (test and demo support only).',
};
const NOT_SERVER = {
  regex: '^(\\.\\./)+server(/|$)',
  message: 'lending/, templates/ and widgets/ end up in widget bundles: pure shared code goes in lending/, not server/.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'widgets/dist/', 'test-results/', '**/*.js', '!eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Type-aware rules where the money and the server live.
  {
    files: ['server/**/*.{ts,tsx}', 'lending/**/*.{ts,tsx}', 'wire/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Off on purpose: `async` here marks a function that fulfils a Promise-returning contract — a
      // Fastify plugin or route handler, a provider port, a job handler, a fake of one — whether or
      // not its body awaits yet. `async` also turns a synchronous throw into a rejection, which is
      // what callers of those contracts handle; dropping it to please the rule would change behaviour.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read `app.inject()` answers through `res.json()`, which is `any` by design (the test then
    // asserts on the shape); the no-unsafe-* family would demand a cast on every line of that.
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes of the portal throw what the SDK and batch answers carry: plain { error } objects.
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    // server/ and placements/ run in `npm start`.
    files: ['server/**/*.{ts,tsx}', 'placements/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_TEST_SUPPORT] }] },
  },
  {
    // lending/, templates/ and widgets/ are bundled into the widgets too: no server code either; nor in
    // wire/, the API shapes both the server and the widgets import (ARCHITECTURE.md).
    files: ['lending/**/*.{ts,tsx}', 'templates/**/*.{ts,tsx}', 'widgets/**/*.{ts,tsx}', 'wire/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_TEST_SUPPORT, NOT_SERVER] }] },
  },
);
