import { it } from 'vitest'
import { createRequire } from 'node:module'
import * as G from 'graphql'
import { startTestApp } from '../helpers/app.js'
import { AppError } from '../../src/errors.js'
it('probe', async () => {
  const req = createRequire(import.meta.url)
  const CJS = req('graphql').GraphQLError
  const yogaG = await import(req.resolve('graphql-yoga').replace(/cjs\/index.js$/, 'esm/error.js'))
  const t = await startTestApp()
  const { subscribe, parse, schema, contextFactory } = t.app.yoga.getEnveloped({} as any)
  const r: any = await subscribe({ schema, document: parse('subscription { notifications { type } }'), contextValue: await contextFactory() })
  const e = r.errors[0]
  console.log('ERR esm', e instanceof G.GraphQLError, 'cjs', e instanceof CJS, 'orig esm', e.originalError instanceof G.GraphQLError, 'orig cjs', e.originalError instanceof CJS, 'AppError esm?', new AppError('UNAUTHENTICATED') instanceof G.GraphQLError, 'yoga', yogaG.isGraphQLError(e), yogaG.isOriginalGraphQLError(e))
  console.log(new Error().stack)
  console.log(e.stack)
  await t.close()
})
