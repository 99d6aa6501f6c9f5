import type { Builder } from '../schema/builder.js'
import { signedIn } from '../auth/signed-in.js'
import { addFileScalar } from './file.js'
import { fileUrl, saveUpload, type FileView } from './files.js'
import { LARGE_UPLOAD } from './body-limit.js'

const refs = new WeakMap<Builder, ReturnType<typeof makeFileType>>()

function makeFileType(builder: Builder) {
  return builder.objectRef<FileView>('UploadedFile').implement({
    description:
      'An uploaded file. Anyone with its URL can read it (the id is random); images are stored without metadata',
    fields: (t) => ({
      id: t.exposeID('id', { description: 'Random: whoever has it can read the file' }),
      name: t.exposeString('name', { description: "The uploader's name, cleaned, with the extension of its type" }),
      mimeType: t.exposeString('mimeType', { description: 'Sniffed from the bytes' }),
      size: t.exposeInt('size', { description: 'Bytes as stored' }),
      width: t.exposeInt('width', { nullable: true, description: 'Images only' }),
      height: t.exposeInt('height', { nullable: true, description: 'Images only' }),
      url: t.string({ description: 'Where the file is served', resolve: (f, _a, ctx) => fileUrl(ctx.config, f) }),
    }),
  })
}

/** The `UploadedFile` object type of this schema, for fields that show files (attachments …). */
export function fileType(builder: Builder) {
  let ref = refs.get(builder)
  if (!ref) refs.set(builder, (ref = makeFileType(builder)))
  return ref
}

export function addFileSchema(builder: Builder) {
  addFileScalar(builder)
  const UploadedFile = fileType(builder)
  builder.mutationField('uploadFile', (t) =>
    t.field({
      type: UploadedFile,
      authScopes: { authenticated: true },
      description:
        'Uploads one file (GraphQL multipart request): an image (PNG, JPEG, GIF, WebP), a PDF, plain UTF-8 text or an archive (ZIP, gzip, 7z) of at most UPLOAD_MAX_BYTES; 10 a minute',
      args: { file: t.arg({ type: 'File', required: true, description: 'The file part of the multipart request' }) },
      extensions: LARGE_UPLOAD,
      resolve: (_p, a, ctx) => saveUpload(ctx.services, signedIn(ctx).id, a.file),
    }),
  )
}
