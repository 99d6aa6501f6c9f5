import { extensionsOf, type FileType } from './file-types.js'

/** The longest cleaned name, extension included (code points). */
export const NAME_MAX = 100

/**
 * The uploader's file name as it is kept (only for Content-Disposition and display, never a path): its last path
 * segment, without control and formatting characters (a right-to-left override could disguise "gpj.exe" as
 * "exe.jpg") or characters file systems refuse, trimmed of spaces and dots, at most NAME_MAX characters, and ending
 * with an extension of the type its bytes are — a text file named page.html is kept as page.txt.
 */
export function cleanFileName(name: string, type: FileType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"|?*]/gu, '')
    .replace(/^[\s.]+|[\s.]+$/gu, '')
  const dot = base.lastIndexOf('.')
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
  const keep = extensionsOf(type).includes(ext) ? ext : type.ext
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/[\s.]+$/u, '') || 'file'
  const space = NAME_MAX - keep.length - 1
  const cut =
    Array.from(stem)
      .slice(0, space)
      .join('')
      .replace(/[\s.]+$/u, '') || 'file'
  return `${cut}.${keep}`
}

/** The extension of a cleaned name (what its URL ends with). */
export const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1)
