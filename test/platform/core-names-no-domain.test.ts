/**
 * The plugin contract's boundaries, checked on the source text (fast, no app started):
 * - the core (src/) names no domain — its words are the plugins';
 * - a plugin imports from another plugin only that plugin's public.ts, and only of a plugin it requires or lists as optional;
 * - a plugin (and the core) touches no other plugin's Prisma models or tables.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ALL_PLUGINS } from '../../plugins/index.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const rel = (file: string) => path.relative(ROOT, file)

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return tsFiles(full)
    return e.name.endsWith('.ts') ? [full] : []
  })
}

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n')

/** Every line of `files` the pattern matches, as file:line: text. */
function hits(files: string[], match: (line: string) => boolean): string[] {
  return files.flatMap((f) => lines(f).flatMap((l, i) => (match(l) ? [`${rel(f)}:${i + 1}: ${l.trim()}`] : [])))
}

const DOMAIN_WORDS = /chat|smile|moderat|complaint|\bbans?\b|channel kind|publish guard|pekoin|\brooms?\b|\bpolls?\b/i

/**
 * Left out of the check: generated code; src/auth/roles.ts, peka2's one registry of site roles and access letters
 * (moderator, smiler …); and the name of the JustChat REST dialect, a legacy protocol the core speaks (its "chat" is the
 * protocol's name, not the chat domain).
 */
const CORE_FILES = tsFiles(path.join(ROOT, 'src')).filter(
  (f) => !rel(f).startsWith('src/generated/') && rel(f) !== 'src/auth/roles.ts',
)
const withoutDialectName = (line: string) => line.replace(/just\s?chat/gi, '')

/** A module specifier of an import or export-from statement (static or dynamic). */
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/g
function imports(file: string): { line: number; target: string }[] {
  return lines(file).flatMap((l, i) => [...l.matchAll(SPECIFIER)].map((m) => ({ line: i + 1, target: m[1] })))
}
/** The file an import names, relative to the repository ('src/…', 'plugins/chat/public.ts'), or null for a package. */
const resolveImport = (file: string, target: string) =>
  target.startsWith('.') ? rel(path.resolve(path.dirname(file), target)).replace(/\.js$/, '.ts') : null

describe('the core names no domain', () => {
  it('no domain word in src/ (code or comments)', () => {
    expect(hits(CORE_FILES, (l) => DOMAIN_WORDS.test(withoutDialectName(l)))).toEqual([])
  })

  it('src/ imports no plugin, not even the list of shipped ones (its callers, scripts/ and test/, hand that in)', () => {
    const bad = CORE_FILES.flatMap((f) =>
      imports(f).flatMap(({ line, target }) => {
        const to = resolveImport(f, target)
        return to?.startsWith('plugins/') ? [`${rel(f)}:${line}: ${target}`] : []
      }),
    )
    expect(bad).toEqual([])
  })
})

const PLUGINS_DIR = path.join(ROOT, 'plugins')
const pluginDirs = fs
  .readdirSync(PLUGINS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
const requiresOf = new Map(ALL_PLUGINS.map((p) => [p.name, [...p.requires, ...p.optional]]))

describe('plugins meet only through public.ts of the plugins they require', () => {
  it('every plugin folder holds one shipped plugin of that name', () => {
    expect([...pluginDirs].sort()).toEqual([...requiresOf.keys()].sort())
  })

  it.each(pluginDirs)('%s imports from other plugins only their public.ts, and only of plugins it requires', (name) => {
    const bad = tsFiles(path.join(PLUGINS_DIR, name)).flatMap((f) =>
      imports(f).flatMap(({ line, target }) => {
        const to = resolveImport(f, target)
        const other = to?.match(/^plugins\/([^/]+)\//)?.[1]
        if (!to || !other || other === name) return []
        const ok = to === `plugins/${other}/public.ts` && requiresOf.get(name)!.includes(other)
        return ok ? [] : [`${rel(f)}:${line}: ${target}`]
      }),
    )
    expect(bad).toEqual([])
  })
})

/** Model names by owner: prisma/schema/<plugin>.prisma; core.prisma and base.prisma are the core's. */
function modelsByOwner(): Map<string, string[]> {
  const dir = path.join(ROOT, 'prisma/schema')
  const out = new Map<string, string[]>()
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.prisma'))) {
    const owner = file.replace(/\.prisma$/, '')
    const models = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^model\s+(\w+)/gm)].map((m) => m[1])
    out.set(owner === 'base' ? 'core' : owner, [...(out.get(owner === 'base' ? 'core' : owner) ?? []), ...models])
  }
  return out
}

/** A model in code: the client's delegate (`.chatMessage.`), its table in raw SQL ("ChatMessage"), its Prisma types. */
const usesModel = (model: string) => {
  const delegate = model[0].toLowerCase() + model.slice(1)
  return new RegExp(`\\.${delegate}\\b|"${model}"|\\bPrisma\\.${model}[A-Z]?\\w*`)
}

describe('plugins read and write only their own models', () => {
  const models = modelsByOwner()
  const pluginModels = (except: string) =>
    [...models]
      .filter(([owner]) => owner !== 'core' && owner !== except)
      .flatMap(([owner, ms]) => ms.map((m) => ({ owner, m })))

  it('every plugin folder has its models file, or none of its own', () => {
    for (const owner of models.keys())
      if (owner !== 'core') expect(pluginDirs, `prisma/schema/${owner}.prisma`).toContain(owner)
  })

  it.each([...pluginDirs, 'core'])("%s touches no other plugin's models or tables", (name) => {
    const files = name === 'core' ? CORE_FILES : tsFiles(path.join(PLUGINS_DIR, name))
    const bad = pluginModels(name).flatMap(({ owner, m }) =>
      hits(files, (l) => usesModel(m).test(l)).map((h) => `${h}  ← ${owner}'s ${m}`),
    )
    expect(bad).toEqual([])
  })
})
