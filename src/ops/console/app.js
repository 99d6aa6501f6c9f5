// The operator console: sign in (account name + password, or the operator token), then the panels. The token stays
// in this tab's sessionStorage and goes only to this origin's /graphql.
import {
  ApiError,
  forgetSession,
  gql,
  isAccessDenied,
  isMissingField,
  liveClient,
  saveSession,
  savedSession,
} from './api.js'
import { AuditPanel } from './audit.js'
import { OverviewPanels } from './overview.js'
import { PluginsPanel } from './plugins.js'
import { Component, ErrorLine, html, render } from './ui.js'

const LOGIN = `mutation OpsLogin($input: LoginInput!) { login(input: $input) { token viewer { name } } }`
const LOGOUT = `mutation OpsLogout { logout }`
const VIEWER = `query OpsViewer { viewer { name } }`
/** Operator-only fields, tried in turn: the first one this server has tells whether the token may use the console. */
const ACCESS_CHECKS = [`query OpsAccessPlugins { plugins { name } }`, `query OpsAccessOverview { opsOverview { at } }`]

const NOT_OPERATOR = 'This sign-in is not an operator (it needs the admin role, or the operator token).'

async function checkOperator(token) {
  for (const query of ACCESS_CHECKS) {
    try {
      await gql(token, query)
      return
    } catch (e) {
      if (isAccessDenied(e)) throw new ApiError([{ message: NOT_OPERATOR }])
      if (!isMissingField(e)) throw e
    }
  }
}

class Login extends Component {
  state = { mode: 'account', name: '', password: '', token: '', busy: false, error: null }

  async submit(ev) {
    ev.preventDefault()
    const { mode, name, password, token } = this.state
    this.setState({ busy: true, error: null })
    try {
      let session
      if (mode === 'account') {
        const d = await gql(null, LOGIN, { input: { login: name.trim(), password } })
        session = { token: d.login.token, label: d.login.viewer.name, account: true }
        try {
          await checkOperator(session.token)
        } catch (e) {
          // a session this console will not use is closed again at once
          await gql(session.token, LOGOUT).catch(() => null)
          throw e
        }
      } else {
        const t = token.trim()
        await checkOperator(t)
        // a pasted session token names its user; the operator token signs in nobody
        const viewer = (await gql(t, VIEWER).catch(() => null))?.viewer
        session = { token: t, label: viewer ? viewer.name : 'operator token', account: false }
      }
      this.props.onSignIn(session)
    } catch (e) {
      this.setState({ busy: false, error: e.message })
    }
  }

  render({ notice }, { mode, name, password, token, busy, error }) {
    const tab = (m, label) =>
      html`<button
        type="button"
        role="tab"
        aria-selected=${mode === m ? 'true' : 'false'}
        onClick=${() => this.setState({ mode: m, error: null })}
      >
        ${label}
      </button>`
    return html`<main class="login">
      <h1>Operator console</h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : null}
      <div role="tablist" aria-label="Sign-in method">
        ${tab('account', 'Account')} ${tab('token', 'Operator token')}
      </div>
      <form onSubmit=${(e) => this.submit(e)}>
        ${
          mode === 'account'
            ? html`<label>
                  Name or email
                  <input
                    name="login"
                    autocomplete="username"
                    required
                    value=${name}
                    onInput=${(e) => this.setState({ name: e.currentTarget.value })}
                  />
                </label>
                <label>
                  Password
                  <input
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                    value=${password}
                    onInput=${(e) => this.setState({ password: e.currentTarget.value })}
                  />
                </label>`
            : html`<label>
                Operator token
                <input
                  name="token"
                  type="password"
                  autocomplete="off"
                  required
                  value=${token}
                  onInput=${(e) => this.setState({ token: e.currentTarget.value })}
                />
              </label>`
        }
        <${ErrorLine} error=${error} />
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <p class="hint">The token is kept in this tab only (sessionStorage) and sent to this server's GraphQL API.</p>
    </main>`
  }
}

const STATUS_TEXT = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…' }

class App extends Component {
  constructor() {
    super()
    const session = savedSession()
    this.state = { session, status: 'connecting', notice: null, enabled: '' }
    this.live = session ? this.connect(session) : null
  }

  connect(session) {
    return liveClient(session.token, (status) => {
      if (this.live) this.setState({ status })
    })
  }

  signIn(session) {
    saveSession(session)
    this.live = this.connect(session)
    this.setState({ session, status: 'connecting', notice: null })
  }

  signOut(notice = null) {
    const { session } = this.state
    if (!session) return
    if (session.account) void gql(session.token, LOGOUT).catch(() => null)
    forgetSession()
    const live = this.live
    this.live = null
    live?.dispose()
    this.setState({ session: null, notice })
  }

  /**
   * A plugin switched on or off changes the schema: the panels of a plugin's API start again (and hide while it is
   * off, their fields gone).
   */
  pluginsNow(list) {
    const enabled = list
      .filter((p) => p.enabled)
      .map((p) => p.name)
      .join(',')
    if (enabled !== this.state.enabled) this.setState({ enabled })
  }

  /** For the operator panels: a refused token ends the session here. True when handled. */
  apiError(e) {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
      this.signOut('The session ended: sign in again.')
      return true
    }
    if (e instanceof ApiError && e.code === 'INSUFFICIENT_PERMISSIONS') {
      this.signOut(NOT_OPERATOR)
      return true
    }
    return false
  }

  render(_props, { session, status, notice, enabled }) {
    if (!session) return html`<${Login} notice=${notice} onSignIn=${(s) => this.signIn(s)} />`
    const panel = { token: session.token, live: this.live, onApiError: (e) => this.apiError(e) }
    return html`<div class="shell">
      <header class="top">
        <h1>Operator console</h1>
        <span class=${`live ${status}`} role="status" aria-label="live updates">${STATUS_TEXT[status]}</span>
        <span class="who">signed in as <strong data-who>${session.label}</strong></span>
        <button type="button" onClick=${() => this.signOut()}>Sign out</button>
      </header>
      <main class="grid">
        <${PluginsPanel} ...${panel} onPlugins=${(list) => this.pluginsNow(list)} />
        <${OverviewPanels} ...${panel} />
        <${AuditPanel} key=${enabled} ...${panel} />
      </main>
    </div>`
  }
}

const root = document.getElementById('app')
root.textContent = '' // the "Loading…" line of index.html
render(html`<${App} />`, root)
