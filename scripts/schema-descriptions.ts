/**
 * Walks a schema for elements without a description: every named type (built-in scalars and introspection types
 * aside), field, argument, input field and enum value; a deprecation must name its replacement. `npm run
 * schema:descriptions` lists what is missing in the schema the code builds (every plugin on); the test
 * test/platform/schema-descriptions.test.ts fails on any.
 */
import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql'
import { pathToFileURL } from 'node:url'

const described = (text: string | null | undefined): boolean => (text ?? '').trim().length > 0
/** A replacement is named when the reason mentions another element (`use x`, `replaced by x`, a backquoted name). */
const namesReplacement = (reason: string): boolean => /\b(use|replaced by|instead)\b|`[^`]+`/i.test(reason)

export function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = []
  const deprecated = (path: string, reason: string | null | undefined) => {
    if (reason != null && !namesReplacement(reason)) missing.push(`${path} (deprecation names no replacement)`)
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue
    if (!described(type.description)) missing.push(type.name)
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const path = `${type.name}.${field.name}`
        if (!described(field.description)) missing.push(path)
        deprecated(path, field.deprecationReason)
        for (const arg of field.args) {
          if (!described(arg.description)) missing.push(`${path}(${arg.name})`)
          deprecated(`${path}(${arg.name})`, arg.deprecationReason)
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`)
        deprecated(`${type.name}.${field.name}`, field.deprecationReason)
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!described(value.description)) missing.push(`${type.name}.${value.name}`)
        deprecated(`${type.name}.${value.name}`, value.deprecationReason)
      }
    }
  }
  return missing
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { buildSchema } = await import('graphql')
  const fs = await import('node:fs')
  const missing = undocumented(buildSchema(fs.readFileSync('schema.graphql', 'utf8')))
  for (const line of missing) console.log(line)
  console.error(`${missing.length} elements without a description`)
  process.exit(missing.length > 0 ? 1 : 0)
}
