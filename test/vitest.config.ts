import { defineConfig } from 'vitest/config'

/** One config for every tier; files mirror src/ inside unit/, integration/ and e2e/. */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
})
