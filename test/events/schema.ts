// What the event-completeness tests cover, read from the schema itself: every subscription field and every event type
// it can emit, and a selection of every field of its payload. A new subscription, union member or enum kind therefore
// shows up here without anyone listing it — and fails until a recipe for it exists.
import fs from 'node:fs'
import path from 'node:path'
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** The API with every plugin on (`npm run schema:check` keeps the file current; events.test.ts checks it is). */
export const schemaText = () => fs.readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8')
export const schema: GraphQLSchema = buildSchema(schemaText())

/** Names a payload's event-kind field may have when it has more than one non-null enum field. */
const KIND_FIELDS = ['kind', 'action', 'change', 'type']

export interface EventPair {
  subscription: string
  /** the union member, the enum value of the payload's kind field, or the notification type */
  event: string
  /** how the event type is told apart in a payload: __typename, a top-level enum field, Notification.type, or '*'
   * (the subscription has one event type: every payload is of it) */
  by: string
}

/**
 * Notification types are strings (each plugin sends its own), so they come from the code: every literal type passed
 * to core's notify() or to moderation's Effects.notice(). A call whose type is not a literal becomes a pair of its own
 * (named by its file and expression) that no recipe can cover, except the one place that forwards collected notices.
 */
export function notificationTypes(): string[] {
  const types = new Set<string>()
  const dynamic: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name !== 'generated') walk(p)
      } else if (e.name.endsWith('.ts') && p !== path.join(ROOT, 'src/core/notifications/notify.ts')) {
        const text = fs.readFileSync(p, 'utf8')
        for (const m of text.matchAll(/\bnotify\(\s*[^,]+,\s*[^,]+,\s*([^,]+),/g)) collect(m[1], p)
        for (const m of text.matchAll(/\.notice\(\s*[^,]+,\s*([^,]+),/g)) collect(m[1], p)
      }
    }
  }
  const collect = (arg: string, file: string) => {
    const literal = /^'([^']+)'$/.exec(arg.trim())
    if (literal) types.add(literal[1])
    else if (!(file.endsWith(path.join('moderation', 'effects.ts')) && arg.trim() === 'n.type'))
      dynamic.push(`${path.relative(ROOT, file)}: ${arg.trim()}`)
  }
  walk(path.join(ROOT, 'src'))
  walk(path.join(ROOT, 'plugins'))
  // not a literal: listed as it is written, so the test that finds no recipe for it names the place
  return [...[...types].sort(), ...dynamic.map((d) => `(not a literal) ${d}`)]
}

/** Every (subscription field, event type) pair of the schema. */
export function eventPairs(s: GraphQLSchema = schema): EventPair[] {
  const out: EventPair[] = []
  for (const field of Object.values(s.getSubscriptionType()?.getFields() ?? {})) {
    const type = getNamedType(field.type)
    if (isUnionType(type)) {
      for (const member of type.getTypes()) out.push({ subscription: field.name, event: member.name, by: '__typename' })
    } else if (isObjectType(type) && type.name === 'Notification') {
      for (const n of notificationTypes()) out.push({ subscription: field.name, event: n, by: 'type' })
    } else if (isObjectType(type)) {
      const enums = Object.values(type.getFields()).filter(
        (f) => isNonNullType(f.type) && isEnumType(getNamedType(f.type)),
      )
      const kind = enums.length > 1 ? enums.filter((f) => KIND_FIELDS.includes(f.name)) : enums
      if (kind.length > 1)
        throw new Error(
          `${field.name}: ${type.name} has several event-kind fields (${kind.map((f) => f.name).join(', ')})`,
        )
      const values = kind.length ? getNamedType(kind[0].type) : null
      // no kind field: the subscription emits one event type, named by its payload type
      if (!values || !isEnumType(values)) out.push({ subscription: field.name, event: type.name, by: '*' })
      else for (const v of values.getValues()) out.push({ subscription: field.name, event: v.name, by: kind[0].name })
    } else throw new Error(`${field.name}: payload ${type.name} is neither a union nor an object`)
  }
  return out
}

/** Types shown by identity only: a payload's user is a reference, not the account (whose fields are owner-only). */
const REFERENCES: Record<string, string> = {
  User: 'id databaseId name',
  // rooms: a room's own fields grow with every part of the plugin (and some are for its members only)
  Room: 'id databaseId name',
}
/**
 * Fields shown by identity only where their type is shown whole elsewhere. polls: a message's poll (its counts are
 * pollUpdated's; selected whole inside DM events it would pass the API's query depth limit).
 */
const FIELD_REFERENCES: Record<string, string> = {
  // polls: ChatMessage.poll
  'ChatMessage.poll': 'id databaseId',
  // polls: end
}
/**
 * Fields left out of event payloads: chat's ChatUser.store is the store plugin's view of an author, one level deeper
 * than DM events may go within the API's query depth limit; its events are the store's (and peka2's `/chat/message`
 * carries it: test/conformance).
 */
const OMITTED: ReadonlySet<string> = new Set(['ChatUser.store'])
const MAX_DEPTH = 4

/** A selection of every field (arguments-free) of a type, nested types included, unions and interfaces resolved. */
export function selectAll(typeName: string, s: GraphQLSchema = schema, depth = 0): string {
  const type = s.getType(typeName)
  if (!type) throw new Error(`no type ${typeName}`)
  return selectType(type, s, depth)
}

function selectType(type: GraphQLNamedType, s: GraphQLSchema, depth: number): string {
  if (REFERENCES[type.name]) return `{ ${REFERENCES[type.name]} }`
  if (depth > MAX_DEPTH) throw new Error(`${type.name}: nested deeper than ${MAX_DEPTH}; add it to REFERENCES`)
  if (isUnionType(type))
    return `{ __typename ${type
      .getTypes()
      .map((m) => `... on ${m.name} ${selectType(m, s, depth)}`)
      .join(' ')} }`
  if (isInterfaceType(type))
    return `{ __typename ${s
      .getPossibleTypes(type)
      .map((m) => `... on ${m.name} ${selectType(m, s, depth)}`)
      .join(' ')} }`
  if (!isObjectType(type)) throw new Error(`${type.name} is not selectable`)
  const fields = Object.values(type.getFields()).filter(
    (f: GraphQLField<unknown, unknown>) => f.args.length === 0 && !OMITTED.has(`${type.name}.${f.name}`),
  )
  return `{ ${fields
    .map((f) => {
      const t = getNamedType(f.type)
      const ref = FIELD_REFERENCES[`${type.name}.${f.name}`] as string | undefined
      if (ref) return `${f.name} { ${ref} }`
      return isLeafType(t) ? f.name : `${f.name} ${selectType(t, s, depth + 1)}`
    })
    .join(' ')} }`
}

/** `subscription … { field(args) { every field } }` for a subscription field. */
export function subscriptionDocument(fieldName: string, s: GraphQLSchema = schema): string {
  const field = s.getSubscriptionType()!.getFields()[fieldName]
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`)
  const args = field.args.map((a) => `${a.name}: $${a.name}`)
  return `subscription${vars.length ? `(${vars.join(', ')})` : ''} { ${fieldName}${args.length ? `(${args.join(', ')})` : ''} ${selectType(getNamedType(field.type), s, 1)} }`
}
