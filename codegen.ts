import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * Typed documents for the tests: every `graphql(`…`)` call in test/ is validated against the committed schema.graphql
 * (offline) and gets its result and variables types in test/generated/. `npm run codegen:check` fails when the
 * committed output is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'test/generated/': {
      documents: ['test/**/*.ts', '!test/generated/**'],
      preset: 'client',
      presetConfig: { gqlTagName: 'graphql', fragmentMasking: false },
      config: {
        useTypeImports: true,
        importExtension: '.js',
        scalars: { DateTime: 'string', JSON: 'unknown', File: 'File' },
      },
    },
    // the client SDK's (client/): its own operations, typed the same way, shipped with the package
    'client/src/generated/': {
      documents: ['client/src/**/*.ts', '!client/src/generated/**'],
      preset: 'client',
      presetConfig: { gqlTagName: 'graphql', fragmentMasking: false },
      config: {
        useTypeImports: true,
        importExtension: '.js',
        scalars: { DateTime: 'string', JSON: 'unknown', File: 'File' },
      },
    },
  },
}
export default config
