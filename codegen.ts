import type { CodegenConfig } from '@graphql-codegen/cli'

/** Typed results and variables for the operations the tests send (offline: reads the committed schema.graphql). */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  generates: {
    'test/generated/operations.ts': {
      plugins: ['typescript-operations'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true },
        scalars: { DateTime: 'string', JSON: 'unknown', File: 'File' },
      },
    },
  },
}
export default config
