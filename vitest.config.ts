import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // each file starts its own app and database; two workers fit the 2-core CI machine
    maxWorkers: 2,
    fileParallelism: true,
  },
})
