// Preact with htm's tagged templates: components without a build step (class components: preact/hooks imports
// "preact" by its bare name, which a browser cannot resolve without an import map, an inline script the CSP forbids).
import { h, Component, render } from './vendor/preact.mjs'
import htm from './vendor/htm.mjs'

export { Component, render }
export const html = htm.bind(h)

export const rate = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))
export const count = (n) => Math.round(n).toLocaleString('en')
export const time = (iso) => (iso ? new Date(iso).toLocaleTimeString('en-GB') : '—')
export const dateTime = (iso) => (iso ? new Date(iso).toLocaleString('en-GB') : '—')

/** "12 s ago" from the server's timestamp, measured against the server's own `now` (clocks may differ). */
export function ago(iso, now) {
  const s = Math.max(0, Math.round((Date.parse(now) - Date.parse(iso)) / 1000))
  return s < 120 ? `${s} s ago` : s < 7200 ? `${Math.round(s / 60)} min ago` : `${Math.round(s / 3600)} h ago`
}

/** A card with a heading; `status` is a short note beside the heading (live, error …). */
export const Card = ({ title, id, status, wide, children }) => html`
  <section class=${`card${wide ? ' wide' : ''}`} id=${id} aria-labelledby=${`${id}-title`}>
    <header>
      <h2 id=${`${id}-title`}>${title}</h2>
      ${status ? html`<span class="note">${status}</span>` : null}
    </header>
    ${children}
  </section>
`

export const ErrorLine = ({ error }) => (error ? html`<p class="error" role="alert">${error}</p>` : null)

/**
 * A table of name / per second / total rows, busiest first as the server orders them; `hideQuiet` leaves out the
 * rows that never counted anything (every topic is listed from the start) and says how many.
 */
export const RateTable = ({ rows: all, label, empty, hideQuiet }) => {
  const rows = hideQuiet ? all.filter((r) => r.total > 0) : all
  const quiet = all.length - rows.length
  const more = quiet ? html`<p class="empty">+ ${quiet} with none so far</p>` : null
  return rows.length === 0
    ? html`<p class="empty">${empty}</p>
        ${more}`
    : html`<table class="rates" aria-label=${label}>
          <thead>
            <tr>
              <th>Name</th>
              <th class="num">per s</th>
              <th class="num">total</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr key=${r.name} data-rate=${r.name}>
                  <td class="mono">${r.name}</td>
                  <td class="num">${rate(r.perSecond)}</td>
                  <td class="num">${count(r.total)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${more}`
}
