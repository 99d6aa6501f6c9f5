/**
 * The kinds of file the general upload service accepts, each known by its bytes (sniff.ts): images, documents and
 * archives. Anything else — HTML, SVG, XML, scripts, executables, unknown formats — is refused.
 */
export interface FileType {
  mime: string
  /** the extension a stored file's name and URL end with */
  ext: string
  /** other extensions a client's name may keep for this type */
  aliases: readonly string[]
  /** shown by the browser (Content-Disposition: inline); everything else downloads as an attachment */
  inline: boolean
}

export const FILE_TYPES = {
  png: { mime: 'image/png', ext: 'png', aliases: [], inline: true },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', aliases: ['jpeg', 'jpe'], inline: true },
  gif: { mime: 'image/gif', ext: 'gif', aliases: [], inline: true },
  webp: { mime: 'image/webp', ext: 'webp', aliases: [], inline: true },
  pdf: { mime: 'application/pdf', ext: 'pdf', aliases: [], inline: false },
  text: { mime: 'text/plain', ext: 'txt', aliases: ['md', 'csv', 'log'], inline: false },
  zip: { mime: 'application/zip', ext: 'zip', aliases: [], inline: false },
  gzip: { mime: 'application/gzip', ext: 'gz', aliases: ['tgz'], inline: false },
  sevenZip: { mime: 'application/x-7z-compressed', ext: '7z', aliases: [], inline: false },
} as const satisfies Record<string, FileType>

export type FileTypeName = keyof typeof FILE_TYPES

/** The images whose metadata is removed before they are stored (images.ts). */
export type ImageTypeName = 'png' | 'jpeg' | 'gif' | 'webp'

export const isImageType = (t: FileTypeName): t is ImageTypeName =>
  t === 'png' || t === 'jpeg' || t === 'gif' || t === 'webp'

const BY_MIME = new Map<string, FileType>(Object.values(FILE_TYPES).map((t) => [t.mime, t]))

/** The accepted type with this (sniffed, stored) MIME type, or undefined. */
export const typeOfMime = (mime: string): FileType | undefined => BY_MIME.get(mime)

/** The extensions a name may end with for this type: its own first. */
export const extensionsOf = (t: FileType): readonly string[] => [t.ext, ...t.aliases]
