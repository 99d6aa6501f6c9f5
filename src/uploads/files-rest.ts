import { AppError } from '../errors.js'
import { defineRoutes } from '../rest/route.js'
import type { UploadFile } from './file.js'
import { filePath } from './files.js'

/** JustChat sends one file part (`photo` in its document; `file` is taken too). */
function oneFile(files: UploadFile[]): UploadFile {
  if (files.length !== 1)
    throw new AppError('FILE_COUNT_INVALID', `Exactly one file is required, got ${files.length}`, { field: 'photo' })
  return files[0]
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
])
