import { defineRoutes } from '../../src/rest/route.js'
import { singleFile } from './upload.js'

/** peka2 smile and icon routes (peka2-smiles.md). The access letter `Ms` of the icon routes is peka2's MS. */

const SMILE =
  'databaseId code url tab position width height level masterStreamerLevel siteLevel icon user { databaseId name slug }'

interface SmileOut {
  databaseId: number
  code: string
  url: string
  tab: number
  position: number
  width: number
  height: number
  level: number
  masterStreamerLevel: number
  siteLevel: number
  icon: boolean
  user: { databaseId: number; name: string; slug: string } | null
}

/** The documented smile object; `user` is the /api/user object. */
const smile = (s: SmileOut) => ({
  id: s.databaseId,
  code: s.code,
  url: s.url,
  tab: s.tab,
  position: s.position,
  width: s.width,
  height: s.height,
  level: s.level,
  masterStreamerLevel: s.masterStreamerLevel,
  siteLevel: s.siteLevel,
  user: s.user && { id: s.user.databaseId, name: s.user.name, slug: s.user.slug },
  icon: s.icon,
})

const empty = () => ({})

/** Only the documented fields of an update item go on (clients may post whole smile objects back). */
const updateItem = (i: unknown) => {
  if (!i || typeof i !== 'object') return i
  const { id, tab, position, level } = i as Record<string, unknown>
  return { id, tab, position, level }
}

export const smileRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/smile',
    access: 'P',
    operation: `query { smiles { ${SMILE} } }`,
    result: (d: { smiles: SmileOut[] }) => d.smiles.map(smile),
  },
  {
    dialect: 'peka2',
    path: '/api/smile/add',
    access: 'MS',
    orAccess: ['Sm'],
    body: 'multipart',
    operation: 'mutation($file: File!) { addSmile(file: $file) { databaseId } }',
    variables: (b) => ({ file: singleFile(b.files) }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/smile/approve',
    // the index and the text say smiler (Sm); the section heading's `P` is a typo
    access: 'Sm',
    operation: 'mutation($userId: Int!) { approveSmileChanges(userId: $userId) }',
    variables: (b) => ({ userId: b.userId }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/smile/pending',
    access: 'Sm',
    operation: `query { smileApprovalQueue { smiles { ${SMILE} } } }`,
    result: (d: { smileApprovalQueue: { smiles: SmileOut[] }[] }) =>
      d.smileApprovalQueue.flatMap((set) => set.smiles.map(smile)),
  },
  {
    dialect: 'peka2',
    path: '/api/smile/reject',
    access: 'Sm',
    operation: 'mutation($userId: Int!) { rejectSmileChanges(userId: $userId) }',
    variables: (b) => ({ userId: b.userId }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/smile/remove',
    access: 'MS',
    orAccess: ['Sm'],
    body: 'json-array',
    operation: 'mutation($ids: [Int!]!) { removeSmiles(ids: $ids) }',
    variables: (b) => ({ ids: b }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/smile/update',
    access: 'MS',
    orAccess: ['Sm'],
    body: 'json-array',
    operation: 'mutation($smiles: [SmileUpdateInput!]!) { updateSmiles(smiles: $smiles) }',
    variables: (b) => ({ smiles: b.map(updateItem) }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/smile/ms/pending',
    access: 'MS',
    operation: 'query { mySmileChanges { submitted } }',
    result: (d: { mySmileChanges: { submitted: boolean } }) => ({ pending: d.mySmileChanges.submitted }),
  },
  {
    dialect: 'peka2',
    path: '/api/smile/ms/prepare',
    access: 'MS',
    operation: 'mutation { submitSmileChanges }',
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/smile/ms/revert',
    access: 'MS',
    operation: 'mutation { revertSmileChanges }',
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/icon/add',
    access: 'MS',
    body: 'multipart',
    operation: 'mutation($file: File!) { addIcon(file: $file) { databaseId } }',
    variables: (b) => ({ file: singleFile(b.files) }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/icon/list',
    access: 'P',
    operation: `query { smiles(icon: true) { ${SMILE} } }`,
    result: (d: { smiles: SmileOut[] }) => d.smiles.map(smile),
  },
  {
    dialect: 'peka2',
    path: '/api/icon/remove',
    access: 'MS',
    body: 'json-array',
    operation: 'mutation($ids: [Int!]!) { removeIcons(ids: $ids) }',
    variables: (b) => ({ ids: b }),
    result: empty,
  },
])
