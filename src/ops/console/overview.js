// Live figures of the deployment (opsOverview once, then opsStats about every second): health of the database and
// Redis, request / error / WebSocket rates, GraphQL operations by name, events published per topic, instances seen.
import { gql, isMissingField } from './api.js'
import { Card, Component, ErrorLine, RateTable, ago, count, html, rate, time } from './ui.js'

const FIELDS = `at instance databaseUp redisUp requestsPerSecond errorsPerSecond wsConnections wsSubscriptions
  operations { name perSecond total } published { name perSecond total }
  instances { id startedAt lastSeenAt plugins wsConnections }`
const OVERVIEW = `query OpsOverview { opsOverview { ${FIELDS} } }`
const STATS = `subscription OpsStats { opsStats { ${FIELDS} } }`

const Health = ({ label, up }) =>
  html`<div class="health" data-health=${label}>
    <span>${label}</span>
    ${
      up === null
        ? html`<span class="badge off">not configured</span>`
        : html`<span class=${`badge ${up ? 'ok' : 'bad'}`}>${up ? 'up' : 'down'}</span>`
    }
  </div>`

const Figure = ({ label, value, id }) =>
  html`<div class="figure" data-figure=${id}>
    <span class="value">${value}</span><span class="label">${label}</span>
  </div>`

export class OverviewPanels extends Component {
  state = { o: null, missing: false, error: null, updates: 0 }

  componentDidMount() {
    void this.load()
    this.stop = this.props.live.subscribe(
      STATS,
      (d) => this.setState((s) => ({ o: d.opsStats, error: null, updates: s.updates + 1 })),
      (e) => this.failed(e),
    )
  }

  componentWillUnmount() {
    this.stop?.()
  }

  async load() {
    try {
      const d = await gql(this.props.token, OVERVIEW)
      // a subscription event that came first is newer
      this.setState((s) => (s.o ? null : { o: d.opsOverview }))
    } catch (e) {
      this.failed(e)
    }
  }

  failed(e) {
    if (isMissingField(e)) this.setState({ missing: true })
    else if (!this.props.onApiError(e)) this.setState({ error: e.message })
  }

  render(_props, { o, missing, error, updates }) {
    if (missing)
      return html`<${Card} title="Health and rates" id="health">
        <p class="empty">This server's API has no live figures (opsOverview).</p>
      <//>`
    if (!o)
      return html`<${Card} title="Health and rates" id="health">
        <${ErrorLine} error=${error} />
        <p class="empty">${error ? '' : 'Loading…'}</p>
      <//>`
    const status = `${updates ? 'live' : 'snapshot'} · ${time(o.at)} · answered by ${o.instance}`
    return html`
      <${Card} title="Health" id="health" status=${status}>
        <${ErrorLine} error=${error} />
        <div class="healths">
          <${Health} label="database" up=${o.databaseUp} />
          <${Health} label="redis" up=${o.redisUp} />
        </div>
      <//>
      <${Card} title="Rates" id="rates">
        <div class="figures">
          <${Figure} id="requests" label="HTTP requests / s" value=${rate(o.requestsPerSecond)} />
          <${Figure} id="errors" label="errors / s" value=${rate(o.errorsPerSecond)} />
          <${Figure} id="ws-connections" label="WS connections" value=${count(o.wsConnections)} />
          <${Figure} id="ws-subscriptions" label="WS subscriptions" value=${count(o.wsSubscriptions)} />
        </div>
      <//>
      <${Card} title="GraphQL operations" id="operations">
        <${RateTable} rows=${o.operations} label="GraphQL operations" empty="No operations yet." />
      <//>
      <${Card} title="Events published" id="published">
        <${RateTable}
          rows=${o.published}
          label="Events published per topic"
          empty="No events published yet."
          hideQuiet
        />
      <//>
      <${Card} title="Instances" id="instances" wide status=${`${o.instances.length} seen`}>
        <table aria-label="Instances">
          <thead>
            <tr>
              <th>Instance</th>
              <th>Started</th>
              <th>Last seen</th>
              <th class="num">WS</th>
              <th>Plugins</th>
            </tr>
          </thead>
          <tbody>
            ${o.instances.map(
              (i) =>
                html`<tr key=${i.id} data-instance=${i.id}>
                  <td class="mono">${i.id}${i.id === o.instance ? html` <small>(this one)</small>` : null}</td>
                  <td>${time(i.startedAt)}</td>
                  <td>${ago(i.lastSeenAt, o.at)}</td>
                  <td class="num">${count(i.wsConnections)}</td>
                  <td>${i.plugins.join(', ') || '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      <//>
    `
  }
}
