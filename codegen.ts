import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * Typed documents for the tests: every `graphql(`…`)` call in test/ is validated against the committed schema.graphql
 * (offline) and gets its result and variables types in test/generated/. `npm run codegen:check` fails when the
 * committed output is stale.
 */
/** The client preset as both outputs use it: `graphql()` documents, no fragment masking, ESM imports. */
const TYPED_DOCUMENTS = {
  preset: 'client',
  presetConfig: { gqlTagName: 'graphql', fragmentMasking: false },
  config: {
    useTypeImports: true,
    importExtension: '.js',
    scalars: { DateTime: 'string', JSON: 'unknown', File: 'File' },
  },
} as const

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'test/generated/': {
      documents: ['test/**/*.ts', '!test/generated/**'],
      ...TYPED_DOCUMENTS,
    },
    // the client SDK's (client/): its own operations, typed the same way, shipped with the package
    'client/src/generated/': {
      documents: ['client/src/**/*.ts', '!client/src/generated/**'],
      ...TYPED_DOCUMENTS,
    },
  },
}
export default config
