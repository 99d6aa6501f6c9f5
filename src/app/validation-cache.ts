import type { DocumentNode, GraphQLSchema } from 'graphql'
import type { Plugin as YogaPlugin } from 'graphql-yoga'

/**
 * Validation results by document: the app's rules (graphql-js', GraphQL Armor's, the declared cost, introspection in
 * production) are the same for every request, so a document Yoga's parse cache hands out again is valid or not as it
 * was. Replaces Yoga's own validation cache, which keys each lookup by the joined names of the rules (a string built
 * per request).
 */
export function validationCache(): YogaPlugin {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly Error[]>>()
  return {
    onValidate({ params, setResult }) {
      // envelop leaves them untyped: they are graphql-js' own
      const schema = params.schema as GraphQLSchema
      const documentAST = params.documentAST as DocumentNode
      let results = bySchema.get(schema)
      if (!results) bySchema.set(schema, (results = new WeakMap()))
      const known = results.get(documentAST)
      if (known) {
        setResult(known)
        return
      }
      const store = results
      return ({ result }) => {
        store.set(documentAST, result)
      }
    },
  }
}
