// Plugins: state, requirements and the on/off switches (plugins, setPluginEnabled, pluginsChanged).
import { gql, isMissingField } from './api.js'
import { Card, Component, ErrorLine, dateTime, html } from './ui.js'

const FIELDS = 'name enabled requires requiredBy changedAt changedBy'
const PLUGINS = `query OpsPlugins { plugins { ${FIELDS} } }`
const SET = `mutation OpsSetPluginEnabled($name: String!, $enabled: Boolean!) {
  setPluginEnabled(name: $name, enabled: $enabled) { ${FIELDS} }
}`
const CHANGED = `subscription OpsPluginsChanged { pluginsChanged { ${FIELDS} } }`

/** Why a switch is locked: the server would refuse (PLUGIN_REQUIRED / PLUGIN_REQUIREMENT_OFF); null when free. */
function lockReason(p, byName) {
  if (p.enabled && p.requiredBy.length) return `needed by ${p.requiredBy.join(', ')}`
  const off = p.requires.filter((r) => !byName.get(r)?.enabled)
  if (!p.enabled && off.length) return `needs ${off.join(', ')} on first`
  return null
}

export class PluginsPanel extends Component {
  state = { plugins: null, missing: false, error: null, pending: null }

  componentDidMount() {
    void this.load()
    this.stop = this.props.live.subscribe(
      CHANGED,
      (d) => this.show(d.pluginsChanged),
      (e) => this.failed(e),
    )
  }

  componentWillUnmount() {
    this.stop?.()
  }

  async load() {
    try {
      const d = await gql(this.props.token, PLUGINS)
      this.show(d.plugins)
      this.setState({ error: null })
    } catch (e) {
      this.failed(e)
    }
  }

  show(plugins) {
    this.setState({ plugins })
    this.props.onPlugins?.(plugins)
  }

  failed(e) {
    if (isMissingField(e)) this.setState({ missing: true })
    else if (!this.props.onApiError(e)) this.setState({ error: e.message })
  }

  async toggle(p) {
    this.setState({ pending: p.name, error: null })
    try {
      const d = await gql(this.props.token, SET, { name: p.name, enabled: !p.enabled })
      this.show(d.setPluginEnabled)
    } catch (e) {
      this.failed(e)
    } finally {
      this.setState({ pending: null })
    }
  }

  render(_props, { plugins, missing, error, pending }) {
    if (missing)
      return html`<${Card} title="Plugins" id="plugins">
        <p class="empty">This server's API has no plugin switches.</p>
      <//>`
    const byName = new Map((plugins ?? []).map((p) => [p.name, p]))
    const on = plugins?.filter((p) => p.enabled).length ?? 0
    return html`<${Card} title="Plugins" id="plugins" wide status=${plugins ? `${on} of ${plugins.length} on` : null}>
      <${ErrorLine} error=${error} />
      ${
        plugins === null
          ? html`<p class="empty">Loading…</p>`
          : html`<table aria-label="Plugins">
              <thead>
                <tr>
                  <th>Plugin</th>
                  <th>State</th>
                  <th>Requires</th>
                  <th>Required by</th>
                  <th>Last change</th>
                  <th>Switch</th>
                </tr>
              </thead>
              <tbody>
                ${plugins.map((p) => {
                  const lock = lockReason(p, byName)
                  return html`<tr key=${p.name} data-plugin=${p.name} data-state=${p.enabled ? 'on' : 'off'}>
                    <td class="mono">${p.name}</td>
                    <td><span class=${`badge ${p.enabled ? 'ok' : 'off'}`}>${p.enabled ? 'on' : 'off'}</span></td>
                    <td>${p.requires.join(', ') || '—'}</td>
                    <td>${p.requiredBy.join(', ') || '—'}</td>
                    <td>
                      ${
                        p.changedAt
                          ? html`${dateTime(p.changedAt)}<br /><small>by ${p.changedBy ?? 'unknown'}</small>`
                          : html`<small>start-up default</small>`
                      }
                    </td>
                    <td>
                      <button
                        type="button"
                        role="switch"
                        class="switch"
                        aria-checked=${p.enabled ? 'true' : 'false'}
                        aria-label=${`${p.name} enabled`}
                        title=${lock ?? (p.enabled ? `turn ${p.name} off` : `turn ${p.name} on`)}
                        disabled=${pending !== null || lock !== null}
                        onClick=${() => this.toggle(p)}
                      >
                        <span class="knob"></span>
                      </button>
                      ${lock ? html`<small class="lock">${lock}</small>` : null}
                    </td>
                  </tr>`
                })}
              </tbody>
            </table>`
      }
    <//>`
  }
}
