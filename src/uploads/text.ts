/**
 * Plain text by its bytes: valid UTF-8, no NUL or other control character but tab, line breaks, form feed and escape,
 * and nothing a browser or an editor would take for markup or a script. Such files are served as text/plain
 * attachments anyway (files-route.ts); refusing them keeps HTML from being stored at all.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/

/** How far into the text markup is looked for. */
const HEAD = 1024

/** Markup anywhere near the start (case-insensitive). */
const MARKUP_NEAR_START = /<(?:html|script|svg|!doctype|\?xml)/i

/**
 * What a browser's content sniffing takes for HTML or XML at the start (WHATWG MIME Sniffing 7.1, "identifying a
 * resource with an unknown MIME type"), and a script's `#!` line.
 */
const MARKUP_AT_START =
  /^(?:<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg)[\s>/]|<!--|<\?xml|#!)/i

export function isPlainText(bytes: Uint8Array): boolean {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return false
  }
  if (CONTROL.test(text)) return false
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, HEAD)
  return !MARKUP_AT_START.test(head) && !MARKUP_NEAR_START.test(head)
}
