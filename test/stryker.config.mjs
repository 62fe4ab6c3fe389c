// @ts-check
/**
 * Mutation testing of the safety files (`npm run test:mutation`; not part of `npm test`).
 * StrykerJS 9.6.x: 10.x needs Node 22, and this project still supports Node 20.
 *
 * Speed on 2 shared cores comes from two choices:
 * - `coverageAnalysis: 'perTest'`: each mutant runs only the tests that executed its code.
 * - `test/stryker.vitest.config.ts` lists only the tiers that exercise these files directly
 *   (unit tests, the exchange contract against the fake exchange, the secrets at rest). The e2e,
 *   security and slow integration tiers drive the same code through the bot and the monitor's
 *   timers; they add minutes per mutant, so every behaviour a mutant could break must be pinned
 *   by a test in these tiers. (Stryker's own `testFiles` option is not enough: a mutant in
 *   module-level code runs every file the vitest config includes.)
 *
 * Static mutants (module-level tables such as the landing rules and the secret-name pattern)
 * are run too: they need a fresh module graph per mutant, which vitest gives every test file.
 * Reports and the incremental file go to `.stryker/` (git-ignored). Options on the command
 * line win: `npm run test:mutation -- --mutate src/domain/status.ts --incremental`.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'test/stryker.vitest.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/domain/status.ts',
    'src/exchanges/diagnose.ts',
    'src/exchanges/report.ts',
    'src/exchanges/session.ts',
    'src/exchanges/*-permissions.ts',
    'src/exchanges/key-checks.ts',
    'src/monitor/transitions.ts',
    'src/secrets/*.ts',
    'src/domain/paste.ts',
    'src/domain/identity.ts',
    'src/storage/wal-scrubber.ts',
    'src/bot/credential-intake.ts',
  ],
  ignoreStatic: false,
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: '.stryker/tmp',
  ignorePatterns: ['.stryker', 'db/*.sqlite*', 'db/*.key'],
  incrementalFile: '.stryker/incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: '.stryker/mutation.html' },
  jsonReporter: { fileName: '.stryker/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85, break: null },
}
