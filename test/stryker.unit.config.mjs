// @ts-check
/**
 * The quick tier of `npm run test:mutation` (`npm run test:mutation:unit`): the same mutants,
 * killed by the unit and secrets tests only (`test/stryker.unit.vitest.config.ts`). A mutant in an
 * adapter-facing file (key-checks, the permission parsers, session) is otherwise re-run against
 * every exchange-contract case that reaches it, a minute per mutant on a loaded 2-core machine.
 * Scores from this tier are a lower bound of the full run's.
 */
import base from './stryker.config.mjs'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'test/stryker.unit.vitest.config.ts' },
}
