// @ts-check
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Mutation testing (StrykerJS + its vitest runner) of the security- and money-critical modules, one Stryker run per
 * module: `npm run mutate` (this file run by node) runs them all, `npm run mutate -- auth support` those named (MODULES
 * below); Stryker itself reads the module from MUTATE. Each run mutates only its
 * module's files and runs only the tests listed for it — every test here starts a real server, so running the whole
 * suite per mutant would take days. Results are kept per module in reports/mutation/ (incremental: a re-run tests only
 * mutants whose code or covering tests changed).
 */

/**
 * `file:from-to`: the lines of the block whose first line starts (after its indentation) with `head`, up to the next
 * line at that indentation that closes it (not one that opens the body, as `): Promise<T> {` after a parameter list
 * does) — found by reading the file, so the range follows the code when lines above it move.
 */
function block(file, head) {
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const from = lines.findIndex((l) => l.trimStart().startsWith(head))
  if (from < 0) throw new Error(`stryker.config.mjs: "${head}" not found in ${file}`)
  const indent = lines[from].length - lines[from].trimStart().length
  const to = lines.findIndex((l, i) => i > from && new RegExp(`^ {${indent}}[})\\]](?!.*\\{$)`).test(l))
  return `${file}:${from + 1}-${to + 1}`
}

/**
 * Each module: the files mutated, and the tests that run against them — the suite's own tests of that area, and the
 * sharp ones of test/strength/<module>/ written to kill what those let survive.
 * @type {Record<string, { mutate: string[]; tests: string[] }>}
 */
export const MODULES = {
  uploads: {
    // The PNG checks smiles and rooms use, and what decides a general upload's type from its bytes (the allow list that
    // keeps HTML, SVG and scripts out). The metadata strippers (jpeg, webp, gif) are not mutated: their tests upload
    // 10 MB files, minutes a mutant on a shared 2-core machine.
    mutate: ['src/uploads/png.ts', 'plugins/smiles/upload.ts', 'src/uploads/sniff.ts', 'src/uploads/text.ts'],
    tests: ['test/smiles/uploads.test.ts', 'test/uploads/uploads.test.ts', 'test/strength/uploads/**/*.test.ts'],
  },
  auth: {
    // passwords, tokens, sessions, roles and the access letters
    mutate: ['src/auth/tokens.ts', 'src/auth/passwords.ts', 'src/auth/roles.ts', 'src/auth/sessions.ts'],
    tests: [
      'test/core/passwords.test.ts',
      'test/core/roles.test.ts',
      'test/core/accounts.test.ts',
      'test/platform/ws-revocation.test.ts',
      'test/strength/auth/**/*.test.ts',
    ],
  },
  access: {
    // the role scopes every GraphQL field's authScopes read, and the REST access letter check
    mutate: [block('src/schema/builder.ts', 'scopeAuth: {'), block('src/rest/engine.ts', 'function checkAccess')],
    tests: [
      'test/core/authz-matrix.test.ts',
      'test/moderation/authz.test.ts',
      'test/smiles/authz.test.ts',
      'test/strength/access/**/*.test.ts',
    ],
  },
  moderation: {
    // What enforces every sanction: the publish guard and which channel sanctions are in force, and who may accuse with
    // which reason. The rest of the module (the accusation limits and vote counting, bans and undo, who sanctions whom,
    // 625 mutants in all) is not mutated: at several seconds a mutant on a shared 2-core machine it would take hours.
    mutate: [
      'plugins/moderation/guard.ts',
      block('plugins/moderation/sanctions.ts', 'export const inForce'),
      block('plugins/moderation/reasons.ts', 'export function mayAccuseWith'),
    ],
    tests: [
      'test/moderation/accuse.test.ts',
      'test/moderation/bans.test.ts',
      'test/moderation/sanctions.test.ts',
      'test/moderation/race.test.ts',
      'test/strength/moderation/**/*.test.ts',
    ],
  },
  support: {
    // The anonymity of support conversations and who may read, write and see a ticket: the channel kind and the ticket
    // lookup. The asking limits, lists and ordering of service.ts are not mutated (time, as for moderation).
    mutate: [
      'plugins/moderation/support/kind.ts',
      block('plugins/moderation/support/service.ts', 'export async function ticketsByIds'),
    ],
    tests: [
      'test/moderation/support.test.ts',
      'test/moderation/support-anonymity.test.ts',
      'test/strength/support/**/*.test.ts',
    ],
  },
  store: {
    // the store's ledger: balanced entries, balances that never go below zero or past the cap, idempotent retries
    mutate: ['plugins/store/ledger/*.ts'],
    tests: [
      'test/store/ledger.test.ts',
      'test/store/concurrency.test.ts',
      'test/store/property.test.ts',
      'test/strength/store/**/*.test.ts',
    ],
  },
}

// `node stryker.config.mjs [module …]`: one Stryker run per module, in turn
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(MODULES)
  for (const m of names) {
    if (!(m in MODULES)) throw new Error(`unknown module ${m}: one of ${Object.keys(MODULES).join(', ')}`)
    const run = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, MUTATE: m } })
    if (run.status !== 0) process.exit(run.status ?? 1)
  }
  process.exit(0)
}

const name = process.env.MUTATE ?? ''
const selected = MODULES[name]
if (!selected) throw new Error(`stryker.config.mjs: set MUTATE to one of ${Object.keys(MODULES).join(', ')}`)
// The test runner processes inherit this: vitest.mutate.config.ts includes only these files. Not Stryker's own
// `testFiles`: in 9.6.1 it makes module-level (static) mutants activate after their module loaded, so they survive
// whatever the tests say (stryker-js#6144).
process.env.MUTATE_TESTS ??= JSON.stringify(selected.tests)

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // the module's tests are the run (vitest.mutate.config.ts): no search for "related" test files, through the server
  // every test is related
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: selected.mutate,
  coverageAnalysis: 'perTest',
  // two cores, shared: one runner leaves room for the rest of the machine
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  // each test starts a server; a loaded machine makes a normal run slower than Stryker's default margin expects
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { reportTests: false, logTests: false, allowEmojis: false },
  ignorePatterns: ['data', 'reports', 'bench', '.ci'],
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
}
