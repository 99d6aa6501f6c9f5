import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { gqlUpload as multipart } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'

/** Real multipart bodies (FormData + Blob through fetch), as browsers send them, and a throwaway upload directory. */

export const UPLOAD_FILE = graphql(
  `mutation UploadFile($file: File!) { uploadFile(file: $file) { id name mimeType size width height url } }`,
)

export interface Part {
  name: string
  bytes: Uint8Array
  /** what the client claims; the server must not care */
  type?: string
}

const blob = (p: Part) => new Blob([p.bytes as Uint8Array<ArrayBuffer>], { type: p.type ?? 'application/octet-stream' })

/** A GraphQL multipart request with the file in `variables.file`; the client claims no particular type by default. */
export const gqlUpload = <R>(base: string, doc: TypedDocumentNode<R, { file: File }>, file: Part, token?: string) =>
  multipart(base, doc, { type: 'application/octet-stream', ...file }, token)

/** JustChat's POST /upload: the session key in the form, the file under `field` (its document says `photo`). */
export async function justchatUpload(
  base: string,
  parts: Part[],
  sessionKey?: string,
  field = 'photo',
): Promise<{ status: number; body: any }> {
  const form = new FormData()
  if (sessionKey) form.append('session_key', sessionKey)
  for (const p of parts) form.append(field, blob(p), p.name)
  const res = await fetch(`${base}/upload`, { method: 'POST', body: form })
  const text = await res.text()
  try {
    return { status: res.status, body: JSON.parse(text) }
  } catch {
    return { status: res.status, body: text }
  }
}

export interface UploadsApp extends TestApp {
  uploadDir: string
  /** the stored objects (temp files included, so a half-written one shows) */
  objects(): string[]
  object(hash: string): Buffer
}

export async function startUploadsApp(env: Record<string, string> = {}): Promise<UploadsApp> {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-test-'))
  const t = await startTestApp({ UPLOAD_DIR: uploadDir, PUBLIC_URL: 'https://files.example.test', ...env })
  const dir = path.join(uploadDir, 'files')
  return {
    ...t,
    uploadDir,
    objects: () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []),
    object: (hash) => fs.readFileSync(path.join(dir, hash)),
    async close() {
      await t.close()
      fs.rmSync(uploadDir, { recursive: true, force: true })
    },
  }
}

/** The path part of a file's URL (the app's PUBLIC_URL is not where it listens). */
export const pathOf = (url: string) => new URL(url).pathname
