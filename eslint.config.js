// @ts-check
import fs from 'node:fs'
import eslint from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

const production = ['src/**/*.ts', 'plugins/**/*.ts', 'scripts/**/*.ts']

/**
 * The plugin import boundary: a plugin imports from another plugin only its public.ts, and only of a plugin it
 * declares in `requires` or `optional` (read from its manifest, plugins/<name>/index.ts); the core (src/) imports no plugin.
 */
const pluginNames = fs
  .readdirSync('plugins', { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(`plugins/${e.name}/index.ts`))
  .map((e) => e.name)
const requiresOf = (name) => {
  const manifest = fs.readFileSync(`plugins/${name}/index.ts`, 'utf8')
  const lists = [...manifest.matchAll(/(?:requires|optional):\s*\[([^\]]*)\]/g)].map((m) => m[1]).join(',')
  return [...lists.matchAll(/'([^']+)'/g)].map((m) => m[1])
}
const boundary = pluginNames.map((name) => {
  const required = requiresOf(name)
  return {
    files: [`plugins/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: pluginNames
            .filter((other) => other !== name)
            .map((other) => ({
              regex: required.includes(other)
                ? `^(\\.\\./)+${other}/(?!public\\.js$)`
                : `^(\\.\\./)+(plugins/)?${other}(/|$)`,
              message: required.includes(other)
                ? `import only ${other}'s public.ts`
                : `${name} does not require ${other}: add it to requires, then import its public.ts`,
            })),
        },
      ],
    },
  }
})

export default tseslint.config(
  // the plain-JS config files are outside tsconfig: no type information to lint them with
  {
    ignores: [
      'node_modules',
      'src/generated/**',
      'test/generated/**',
      'client/src/generated/**',
      'examples/dashboard/dist/**',
      'eslint.config.js',
      'stryker.config.mjs',
      '.stryker-tmp/**',
      'reports/**',
      'data/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `interface ErrorCodes extends X {}` is how a plugin merges its codes into the one registry
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  { files: production, rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+plugins/', message: 'the core imports no plugin: its callers hand the list in' },
          ],
        },
      ],
    },
  },
  ...boundary,
  {
    // the operator console's browser modules, served as written (src/ops/console-route.ts): plain JS outside tsconfig
    files: ['src/ops/console/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { document: 'readonly', location: 'readonly', sessionStorage: 'readonly', fetch: 'readonly' },
    },
  },
  {
    // Tests and benchmarks talk to the server as clients do: responses are JSON of a shape the test asserts on.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'client/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  prettier,
)
