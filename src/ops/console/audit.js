// Recent moderation actions (the moderation plugin's moderationAudit / moderationAuditEvents). An optional panel: it
// stays away when this server's schema lacks the subscription, and says so when the token may not read it.
import { gql, isAccessDenied, isMissingField } from './api.js'
import { Card, Component, ErrorLine, dateTime, html } from './ui.js'

const FIELDS = 'databaseId action time actorName targetName channel reasonId'
const RECENT = `query OpsAuditRecent { moderationAudit(first: 20) { edges { node { ${FIELDS} } } } }`
const LIVE = `subscription OpsAuditLive { moderationAuditEvents { ${FIELDS} } }`
const KEEP = 50

export class AuditPanel extends Component {
  state = { rows: [], missing: false, denied: false, error: null, fresh: new Set() }

  componentDidMount() {
    this.stop = this.props.live.subscribe(
      LIVE,
      (d) => this.add([d.moderationAuditEvents], true),
      (e) => this.failed(e),
    )
    void this.load()
  }

  componentWillUnmount() {
    this.stop?.()
  }

  async load() {
    try {
      const d = await gql(this.props.token, RECENT)
      this.add(
        d.moderationAudit.edges.map((e) => e.node),
        false,
      )
    } catch (e) {
      // the history is a nicety: the live list still works without it
      if (!isMissingField(e)) this.failed(e)
    }
  }

  add(entries, live) {
    this.setState((s) => {
      const seen = new Set(s.rows.map((r) => r.databaseId))
      const rows = [...entries.filter((e) => !seen.has(e.databaseId)), ...s.rows]
        .sort((a, b) => b.databaseId - a.databaseId)
        .slice(0, KEEP)
      const fresh = live ? new Set([...s.fresh, ...entries.map((e) => e.databaseId)]) : s.fresh
      return { rows, fresh }
    })
  }

  failed(e) {
    if (isMissingField(e)) this.setState({ missing: true })
    // an operator token signs in no user, and this log is the moderators': not a reason to sign out
    else if (isAccessDenied(e)) this.setState({ denied: true })
    else this.setState({ error: e.message })
  }

  render(_props, { rows, missing, denied, error, fresh }) {
    if (missing) return null
    return html`<${Card} title="Moderation audit" id="audit" wide status="recent actions, live">
      <${ErrorLine} error=${error} />
      ${
        denied
          ? html`<p class="empty">Reading the audit log needs the moderator role (sign in with an account).</p>`
          : rows.length === 0
            ? html`<p class="empty">No moderation actions yet.</p>`
            : html`<table aria-label="Moderation audit">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Time</th>
                    <th>Action</th>
                    <th>By</th>
                    <th>Target</th>
                    <th>Channel</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) =>
                      html`<tr
                        key=${r.databaseId}
                        data-audit=${r.databaseId}
                        class=${fresh.has(r.databaseId) ? 'fresh' : ''}
                      >
                        <td class="num">${r.databaseId}</td>
                        <td>${dateTime(r.time)}</td>
                        <td class="mono">${r.action}</td>
                        <td>${r.actorName ?? html`<small>server</small>`}</td>
                        <td>${r.targetName ?? '—'}</td>
                        <td>${r.channel ?? '—'}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
    <//>`
  }
}
