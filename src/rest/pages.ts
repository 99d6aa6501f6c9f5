import { Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql'
import { DEFAULT_MAX_ITEMS } from '../schema/input-bounds.js'

/** The most items the argument a list variable feeds takes (its `maxItems`; the smallest, when it feeds several). */
export function pageSizeOf(schema: GraphQLSchema, document: DocumentNode, variable: string): number {
  const info = new TypeInfo(schema)
  let size = Infinity
  visit(
    document,
    visitWithTypeInfo(info, {
      Argument(node) {
        if (node.value.kind !== Kind.VARIABLE || node.value.name.value !== variable) return
        size = Math.min(size, info.getArgument()?.extensions.maxItems ?? DEFAULT_MAX_ITEMS)
      },
    }),
  )
  if (!Number.isFinite(size)) throw new Error(`REST pageBy: no argument takes $${variable}`)
  return size
}

/** `variables` once per page of `list`'s items (at least one page: an empty list is the operation's to judge). */
export function pagesOf(variables: Record<string, unknown>, name: string, size: number): Record<string, unknown>[] {
  const list = variables[name]
  if (!Array.isArray(list) || list.length <= size) return [variables]
  const pages: Record<string, unknown>[] = []
  for (let i = 0; i < list.length; i += size) pages.push({ ...variables, [name]: list.slice(i, i + size) })
  return pages
}
