import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

export default defineConfig({
  // graphql 16 has no exports map: vitest would hand our files its .mjs build while CJS packages (graphql-armor,
  // yoga internals) load index.js — two copies of graphql, which production never has. One copy, as in Node.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts', 'client/test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // each file starts its own app and database; two workers fit the 2-core CI machine
    maxWorkers: 2,
    fileParallelism: true,
  },
})
