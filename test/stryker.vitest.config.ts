import { defineConfig } from 'vitest/config'
import base from './vitest.config.js'

/**
 * The tests `npm run test:mutation` runs (see stryker.config.mjs): the tiers that exercise the
 * mutated files directly. Stryker runs every file listed here for a mutant in module-level code
 * (a table, a regex), so the slow e2e, security and timer-driven tiers stay out, and so do unit
 * tests of files that are not mutated (a flaky one would count as a kill).
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/unit/domain/**/*.test.ts',
      'test/unit/exchanges/**/*.test.ts',
      'test/unit/monitor/transitions*.test.ts',
      'test/unit/secrets/**/*.test.ts',
      'test/unit/bot/credential-intake*.test.ts',
      'test/unit/bot/render/**/*.test.ts',
      'test/unit/storage/wal-scrubber*.test.ts',
      'test/unit/logger.test.ts',
      'test/integration/exchanges/contract*.test.ts',
      'test/integration/secrets/**/*.test.ts',
    ],
  },
})
