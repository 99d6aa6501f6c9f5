import { png, post, upload, type Entry, type World } from '../harness.js'
import { nonEmpty } from '../shape.js'
import { SMILE } from './peka2-objects.js'

/**
 * peka2-full/smile.md: public smiles (a smiler's, at once) and a masterstreamer's smiles and icon through the
 * approval workflow — change set, prepare, approve or reject, revert. A file's name without its extension is the code.
 */

const code = (w: World, key: string): string => (w.vars[`code:${key}`] ??= `cf${key}${w.users.admin.id}`)

/**
 * /api/smile/update's items: peka2-full/smile.md has `id, tab, position`; the primary peka2-smiles.md also `level`
 * (README: the primary file wins where they differ), so the documented request carries it.
 */
const item = (id: number, tab: number, position: number) => ({ id, tab, position, level: 0 })

/** a public smile's or icon's id, by code */
async function idOf(w: World, smileCode: string, icon = false): Promise<number> {
  const d = await w.gql('query($i: Boolean) { smiles(icon: $i) { databaseId code } }', { i: icon })
  return d.smiles.find((s: { code: string }) => s.code === smileCode)?.databaseId
}

const file = (w: World, key: string, size: [number, number]) => ({
  field: 'file',
  name: `${code(w, key)}.png`,
  bytes: png(...size),
})

export const smile: Entry[] = [
  {
    key: 'POST /api/smile/add',
    variant: 'smiler: public at once',
    run: upload('/api/smile/add', 'admin', {}, (w) => file(w, 'pub', [30, 30])),
    response: {},
  },
  {
    key: 'POST /api/smile',
    run: post('/api/smile', null, {}),
    response: nonEmpty(SMILE),
  },
  {
    key: 'POST /api/smile/update',
    variant: 'smiler',
    run: post('/api/smile/update', 'admin', async (w) => [item(await idOf(w, code(w, 'pub')), 1, 2)]),
    response: {},
  },
  {
    key: 'POST /api/smile/add',
    variant: 'masterstreamer: into the change set',
    run: upload('/api/smile/add', 'streamer', {}, (w) => file(w, 'ms', [30, 30])),
    response: {},
  },
  {
    key: 'POST /api/icon/add',
    run: upload('/api/icon/add', 'streamer', {}, (w) => file(w, 'icon', [14, 14])),
    response: {},
  },
  {
    key: 'POST /api/smile/ms/pending',
    run: post('/api/smile/ms/pending', 'streamer', {}),
    response: { pending: 'boolean' },
  },
  {
    key: 'POST /api/smile/ms/prepare',
    run: post('/api/smile/ms/prepare', 'streamer', {}),
    response: {},
  },
  {
    key: 'POST /api/smile/pending',
    run: post('/api/smile/pending', 'admin', {}),
    response: nonEmpty(SMILE),
  },
  {
    key: 'POST /api/smile/approve',
    run: post('/api/smile/approve', 'admin', (w) => ({ userId: w.users.streamer.id })),
    response: {},
  },
  {
    key: 'POST /api/icon/list',
    run: post('/api/icon/list', null, {}),
    response: nonEmpty(SMILE),
  },
  {
    key: 'POST /api/icon/remove',
    run: post('/api/icon/remove', 'streamer', async (w) => [await idOf(w, code(w, 'icon'), true)]),
    response: {},
  },
  {
    key: 'POST /api/smile/ms/revert',
    run: post('/api/smile/ms/revert', 'streamer', {}),
    response: {},
  },
  {
    key: 'POST /api/smile/update',
    variant: 'masterstreamer: into the change set',
    run: post('/api/smile/update', 'streamer', async (w) => [item(await idOf(w, code(w, 'ms')), 0, 1)]),
    response: {},
  },
  {
    key: 'POST /api/smile/remove',
    variant: 'masterstreamer: into the change set',
    run: post('/api/smile/remove', 'streamer', async (w) => [await idOf(w, code(w, 'ms'))]),
    response: {},
  },
  {
    key: 'POST /api/smile/reject',
    run: post('/api/smile/reject', 'admin', async (w) => {
      await w.gql('mutation { submitSmileChanges }', {}, 'streamer')
      return { userId: w.users.streamer.id }
    }),
    response: {},
  },
  {
    key: 'POST /api/smile/remove',
    variant: 'smiler',
    run: post('/api/smile/remove', 'admin', async (w) => [await idOf(w, code(w, 'pub'))]),
    response: {},
  },
]
