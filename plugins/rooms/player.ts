/**
 * The HTML player of a video URL (peka2 getCurrentVideo `code`): an <iframe> built from the URL alone, never HTML a
 * user wrote. The URL was checked as http(s) when the playlist was set; here it is parsed again and every character
 * that could leave the attribute is escaped, so even a row written some other way cannot inject markup.
 */

export interface PlayerCode {
  /** plays at once */
  started: string
  /** waits for a click */
  paused: string
}

const ATTR: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' }
export const escapeAttribute = (s: string) => s.replace(/[&"'<>]/g, (c) => ATTR[c] ?? c)

const YOUTUBE_ID = /^[\w-]{6,20}$/

/** YouTube's page links play only through its embed address; every other URL is embedded as it is. */
function embeddable(u: URL): URL {
  const host = u.hostname.replace(/^(www|m)\./, '')
  const id =
    host === 'youtu.be'
      ? u.pathname.slice(1)
      : host === 'youtube.com' && u.pathname === '/watch'
        ? (u.searchParams.get('v') ?? '')
        : null
  return id !== null && YOUTUBE_ID.test(id) ? new URL(`https://www.youtube.com/embed/${id}`) : u
}

function iframe(url: string, autoplay: boolean): string {
  let src: string
  try {
    const u = embeddable(new URL(url))
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return ''
    u.searchParams.set('autoplay', autoplay ? '1' : '0')
    src = u.toString()
  } catch {
    return ''
  }
  return (
    `<iframe src="${escapeAttribute(src)}" width="100%" height="100%" frameborder="0" ` +
    `allow="autoplay; fullscreen" allowfullscreen></iframe>`
  )
}

/** Both players of a URL; empty strings for a URL that is not http(s). */
export const playerCode = (url: string): PlayerCode => ({ started: iframe(url, true), paused: iframe(url, false) })
