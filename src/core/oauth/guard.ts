import { getOperationAST, Kind, OperationTypeNode, type ExecutionArgs, type ExecutionResult } from 'graphql'
import type { Plugin as YogaPlugin } from 'graphql-yoga'
import type { Context } from '../../context.js'
import { AppError } from '../../errors.js'

/** Mutations a token may run without `write`: ending itself (RFC 7009's point: a client can always give a token up). */
const WITHOUT_WRITE = new Set(['logout'])

/**
 * The `write` scope, checked once per operation before it runs (HTTP, graphql-ws, the REST dialects alike): an OAuth
 * token without it runs queries and subscriptions only. Role scopes need no check here — a token's roles are already
 * cut to its scopes, so every role rule (GraphQL scopes, REST access letters) sees them so.
 */
export function oauthScopes(): YogaPlugin {
  const refusal = ({ document, operationName, contextValue }: ExecutionArgs): ExecutionResult | null => {
    const oauth = (contextValue as Context | undefined)?.viewer?.oauth
    if (!oauth || oauth.scopes.includes('write')) return null
    const op = getOperationAST(document, operationName)
    if (op?.operation !== OperationTypeNode.MUTATION) return null
    const fields = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : ['…']))
    if (fields.every((f) => WITHOUT_WRITE.has(f))) return null
    const error = new AppError('OAUTH_SCOPE_MISSING', "This token's scopes do not include write", { scope: 'write' })
    return { errors: [error] }
  }
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = refusal(args)
      if (refused) setResultAndStopExecution(refused)
    },
  }
}
