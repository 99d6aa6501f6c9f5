import { AppError } from '../errors.js'
import { defineRoutes } from '../rest/route.js'
import type { UploadFile } from './file.js'
import { filePath } from './files.js'

/** JustChat sends one file part (`photo` in its document; `file` is taken too); the messenger's is `file`. */
function oneFile(files: UploadFile[], field = 'photo'): UploadFile {
  if (files.length !== 1)
    throw new AppError('FILE_COUNT_INVALID', `Exactly one file is required, got ${files.length}`, { field })
  return files[0]
}

interface Uploaded {
  id: string
  name: string
  size: number
  mimeType: string
}

/** justchat-api.md, "Загрузка изображений": 201 { url } relative to the site, ending with the file's extension. */
export const fileRoutes = defineRoutes([
  {
    dialect: 'justchat',
    path: '/upload',
    access: 'A',
    body: 'multipart',
    largeUploads: true,
    fields: { file: 'photo' },
    operation: 'mutation($file: File!) { uploadFile(file: $file) { id name } }',
    variables: (b) => ({ file: oneFile(b.files) }),
    status: () => 201,
    result: (d: { uploadFile: { id: string; name: string } }) => ({ url: filePath(d.uploadFile) }),
  },
  {
    // messenger-api.md "Загрузка файла": 201 { filename, path (relative to the site), size, mimetype }
    dialect: 'messenger',
    path: '/api/upload',
    access: 'A',
    body: 'multipart',
    largeUploads: true,
    operation: 'mutation($file: File!) { uploadFile(file: $file) { id name size mimeType } }',
    variables: (b) => ({ file: oneFile(b.files, 'file') }),
    status: () => 201,
    result: (d: { uploadFile: Uploaded }) => ({
      filename: d.uploadFile.name,
      path: filePath(d.uploadFile).replace(/^\//, ''),
      size: d.uploadFile.size,
      mimetype: d.uploadFile.mimeType,
    }),
  },
])
