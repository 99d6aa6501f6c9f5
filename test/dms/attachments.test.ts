// Files in direct messages (and in chat, which stores them): only one's own uploads can be attached, both members see
// them, a stranger can neither attach them nor read the message that carries them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gqlRaw } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { UPLOAD_FILE, gqlUpload } from '../uploads/support.js'
import { png, pdf } from '../uploads/fixtures.js'
import { conversation, send } from './dm-support.js'

let t: TestApp
let dir: string
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-files-'))
  t = await startTestApp({ UPLOAD_DIR: dir })
})
afterAll(async () => {
  await t.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function upload(u: TestUser, name: string, bytes: Uint8Array) {
  const r = await gqlUpload(t.url, UPLOAD_FILE, { name, bytes }, u.token)
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data!.uploadFile
}

const FILES = 'attachments { id name mimeType size url }'

describe('attachments', () => {
  it('a DM carries the sender’s files (text optional); both members see them; the file is served', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const image = await upload(a, 'holiday.png', png(4, 3, 'camera secrets'))
    const doc = await upload(a, 'notes.pdf', pdf())
    const r = await gqlRaw(
      t.url,
      `mutation($i: SendDirectMessageInput!) { sendDirectMessage(input: $i) { isSent message { text ${FILES} } } }`,
      { i: { to: b.id, text: '', attachments: [image.id, doc.id] } },
      a.token,
    )
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
    const files = [
      { id: image.id, name: 'holiday.png', mimeType: 'image/png', size: image.size, url: image.url },
      { id: doc.id, name: 'notes.pdf', mimeType: 'application/pdf', size: doc.size, url: doc.url },
    ]
    expect(r.data.sendDirectMessage).toEqual({ isSent: true, message: { text: '', attachments: files } })
    const seen = await gqlRaw(
      t.url,
      `query($u: Int!) { directConversation(user: $u) { ${FILES} } }`,
      { u: a.id },
      b.token,
    )
    expect(seen.data.directConversation).toEqual([{ attachments: files }])
    const served = await fetch(image.url.replace(/^https?:\/\/[^/]+/, t.url))
    expect(served.status).toBe(200)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await served.arrayBuffer()).includes(Buffer.from('camera secrets'))).toBe(false)
  })

  it('someone else’s file, an unknown id, or too many are refused naming the entry; no text and no file is refused', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const theirs = await upload(b, 'b.png', png())
    for (const [ids, field] of [
      [[theirs.id], 'attachments[0]'],
      [['AAAAAAAAAAAAAAAAAAAAAA'], 'attachments[0]'],
      [Array.from({ length: 11 }, (_, i) => `x${i}`), 'attachments'],
    ] as const) {
      const r = await send(t, a, b.id, 'look', { attachments: ids })
      expect(codeOf(r)).toBe('INVALID_INPUT')
      expect(r.errors![0].extensions?.field).toBe(field)
    }
    const empty = await send(t, a, b.id, '', { attachments: [] })
    expect(empty.errors![0].extensions?.field).toBe('text')
    expect(await conversation(t, b, a.id)).toEqual([])
  })
})
