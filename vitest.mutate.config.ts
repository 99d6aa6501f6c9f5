import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import base from './vitest.config.js'

/**
 * Stryker's vitest runs (stryker.config.mjs): the suite's settings, only the test files of the module being mutated
 * (MUTATE_TESTS, set by stryker.config.mjs), ordered so the sharp tests of test/strength/ come first. Stryker stops at
 * the first failure, so a mutant they kill never waits for the slower server tests behind them.
 */
class StrengthFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const strength = (f: TestSpecification) => (f.moduleId.includes('/test/strength/') ? 0 : 1)
    return sorted.sort((a, b) => strength(a) - strength(b))
  }
}

const tests = process.env.MUTATE_TESTS
const include = tests ? (JSON.parse(tests) as string[]) : base.test?.include

export default defineConfig({ ...base, test: { ...base.test, include, sequence: { sequencer: StrengthFirst } } })
