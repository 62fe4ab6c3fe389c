import { defineConfig } from 'vitest/config'
import full from './stryker.vitest.config.js'

/** The quick mutation tier (see stryker.unit.config.mjs): the Stryker test list without the exchange contract suite. */
export default defineConfig({
  ...full,
  test: {
    ...full.test,
    include: (full.test?.include ?? []).filter((p) => !p.startsWith('test/integration/exchanges/')),
  },
})
