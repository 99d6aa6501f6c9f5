/**
 * The operator console (/ops) end to end: the real app, Debian's Chromium driven by playwright-core (no browser
 * download), the page signing in, switching a plugin off and on, and showing live figures and moderation actions
 * that the test makes through the API. Screenshots go to test-artifacts/operators-console/ (the path is printed).
 *
 * Without Debian's Chromium it is skipped with a message, unless CI_REQUIRE_BROWSER is set (test/helpers/browser.ts).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserMissing, launchChromium } from '../helpers/browser.js'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, subscribe, until, wsClient } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { seed } from '../../src/seed.js'
import { CONSOLE_CSP } from '../../src/ops/console-route.js'
import { graphql } from '../generated/index.js'

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/operators-console')
const SKIP = browserMissing('operator console browser test')

const ADMIN = { name: 'ops_admin', password: 'ops-admin-pass-1' }
const OPERATOR_TOKEN = 'console-test-operator-token-0123456789'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({
    SEED_ADMIN_NAME: ADMIN.name,
    SEED_ADMIN_PASSWORD: ADMIN.password,
    OPERATOR_TOKEN,
  })
  // what `npm start` does after createApp: the admin account with every role
  await seed(t.app.services, t.app.plugins)
})
afterAll(() => closeAll(t))

describe('the /ops route', () => {
  it('serves the page and its modules as files: types, a strict CSP, no inline script, revalidated caching', async () => {
    for (const p of ['/ops', '/ops/']) {
      const r = await fetch(`${t.url}${p}`)
      expect(r.status).toBe(200)
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(r.headers.get('content-security-policy')).toBe(CONSOLE_CSP)
      expect(r.headers.get('cache-control')).toBe('no-cache')
      expect(r.headers.get('x-content-type-options')).toBe('nosniff')
      const html = await r.text()
      // every script is a file of this origin: the CSP allows no other
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      expect(scripts.length).toBeGreaterThan(0)
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\bsrc="\/ops\/[\w.-]+\.js"/)
        expect(body.trim()).toBe('')
      }
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'")
    expect(CONSOLE_CSP).not.toContain('unsafe')
    for (const [p, type] of [
      ['/ops/app.js', 'text/javascript; charset=utf-8'],
      ['/ops/console.css', 'text/css; charset=utf-8'],
      ['/ops/vendor/preact.mjs', 'text/javascript; charset=utf-8'],
      ['/ops/vendor/htm.mjs', 'text/javascript; charset=utf-8'],
      ['/ops/vendor/graphql-ws/client.js', 'text/javascript; charset=utf-8'],
    ]) {
      const r = await fetch(`${t.url}${p}`)
      expect(r.status, p).toBe(200)
      expect(r.headers.get('content-type'), p).toBe(type)
      // a conditional GET of an unchanged file is a 304 without a body
      const again = await fetch(`${t.url}${p}`, { headers: { 'if-none-match': r.headers.get('etag')! } })
      expect(again.status, p).toBe(304)
    }
    // the graphql-ws client's own imports are served too (its chunk name carries a hash)
    const client = await (await fetch(`${t.url}/ops/vendor/graphql-ws/client.js`)).text()
    for (const [, dep] of client.matchAll(/from '\.\/([\w.-]+\.js)'/g))
      expect((await fetch(`${t.url}/ops/vendor/graphql-ws/${dep}`)).status, dep).toBe(200)
  })

  it('serves nothing else: other files are 404, other methods 405', async () => {
    for (const p of [
      '/ops/nope.js',
      '/ops/vendor/graphql-ws/index.js',
      '/ops/vendor/preact/package.json',
      '/ops/vendor',
    ])
      expect((await fetch(`${t.url}${p}`)).status, p).toBe(404)
    // a raw path that fetch would normalise away: sent as written
    const traversal = await rawGet(t.url, '/ops/..%2f..%2fpackage.json')
    expect(traversal).toBe(404)
    const post = await fetch(`${t.url}/ops/`, { method: 'POST', body: '{}' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
    const head = await fetch(`${t.url}/ops/app.js`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

/** GET with the path exactly as given (fetch would resolve dot segments first). */
async function rawGet(base: string, rawPath: string): Promise<number> {
  const u = new URL(base)
  return new Promise((resolve, reject) => {
    http
      .get({ host: u.hostname, port: u.port, path: rawPath }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      .on('error', reject)
  })
}

const LOGIN = graphql(`mutation ConsoleTestLogin($i: LoginInput!) { login(input: $i) { token } }`)
const BLOCK = graphql(`mutation ConsoleTestBlock($userId: Int!) { blockUser(userId: $userId, state: true) }`)
const PING = graphql(`query ConsoleTestPing { __typename }`)
const PLUGINS = graphql(`query ConsoleTestPlugins { plugins { name enabled requiredBy changedBy } }`)
const PLUGINS_CHANGED = graphql(`subscription ConsoleTestPluginsChanged { pluginsChanged { name enabled changedBy } }`)

describe.skipIf(SKIP)('the operator console in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined
  let page: Page
  let shot = 0
  const pageErrors: string[] = []
  const screenshot = async (p: Page, name: string) => {
    const file = path.join(ARTIFACTS, `${String(++shot).padStart(2, '0')}-${name}.png`)
    await p.screenshot({ path: file, fullPage: true })
    console.log(`operator console screenshot: ${file}`)
  }
  const plugins = async () => {
    const r = await gql(t.url, PLUGINS, {}, OPERATOR_TOKEN)
    expect(r.errors).toBeUndefined()
    return r.data!.plugins
  }

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    browser = await launchChromium({ width: 1280, height: 900 })
    page = await browser.context.newPage()
    page.setDefaultTimeout(10_000)
    // a script error or a CSP refusal on the page fails the test that caused it
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) pageErrors.push(m.text())
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('signs in with name and password and lists every plugin with its state', async () => {
    await page.goto(`${t.url}/ops`)
    await page.getByLabel('Name or email').fill(ADMIN.name)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect(await page.locator('[data-who]').textContent()).toBe(ADMIN.name)
    // the token is kept in this tab only
    expect(await page.evaluate(() => sessionStorage.getItem('streamhub.ops.token'))).toMatch(/\S{16,}/)
    const expected = await plugins()
    expect(expected.length).toBeGreaterThan(0)
    await page
      .locator('tr[data-plugin]')
      .nth(expected.length - 1)
      .waitFor()
    const shown = await page
      .locator('tr[data-plugin]')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-plugin'), r.getAttribute('data-state')]))
    expect(shown).toEqual(expected.map((p) => [p.name, p.enabled ? 'on' : 'off']))
    await screenshot(page, 'signed-in')
    expect(pageErrors).toEqual([])
  })

  it('switches a plugin off and on again; a second client sees each change', async () => {
    const before = await plugins()
    // one that nothing needs (and not moderation: the audit test below needs it), polls where it is on
    const free = before.filter((p) => p.enabled && p.requiredBy.length === 0 && p.name !== 'moderation')
    const target = free.find((p) => p.name === 'polls') ?? free[0]
    expect(target, 'a plugin that can be switched off').toBeDefined()
    const name = target.name
    const second = wsClient(t.url, OPERATOR_TOKEN)
    const ps = t.app.services.pubsub
    const listeners = ps.listenerCount()
    const changes = subscribe(second, PLUGINS_CHANGED)
    // live before the click: an event published earlier would not reach it
    await until(() => ps.listenerCount() > listeners, 5000, 'the second client to be subscribed')
    await ps.ready()
    try {
      const row = page.locator(`tr[data-plugin="${name}"]`)
      await page.getByRole('switch', { name: `${name} enabled` }).click()
      await page.locator(`tr[data-plugin="${name}"][data-state="off"]`).waitFor()
      const off = (await changes.next(5000)).data?.pluginsChanged.find((p) => p.name === name)
      expect(off).toMatchObject({ enabled: false, changedBy: ADMIN.name })
      expect((await plugins()).find((p) => p.name === name)).toMatchObject({ enabled: false, changedBy: ADMIN.name })
      expect(await row.getByRole('switch').getAttribute('aria-checked')).toBe('false')
      await screenshot(page, `plugin-${name}-off`)

      await page.getByRole('switch', { name: `${name} enabled` }).click()
      await page.locator(`tr[data-plugin="${name}"][data-state="on"]`).waitFor()
      const on = (await changes.next(5000)).data?.pluginsChanged.find((p) => p.name === name)
      expect(on).toMatchObject({ enabled: true })
      expect((await plugins()).find((p) => p.name === name)?.enabled).toBe(true)
    } finally {
      changes.unsubscribe()
      await second.dispose()
    }
    // a plugin that others need cannot be switched off from the page (the server would refuse: PLUGIN_REQUIRED)
    const needed = (await plugins()).find((p) => p.enabled && p.requiredBy.length > 0)
    if (needed) expect(await page.getByRole('switch', { name: `${needed.name} enabled` }).isDisabled()).toBe(true)
    expect(pageErrors).toEqual([])
  })

  it('shows a moderation action made through the API in the audit list, live', async () => {
    await page.locator('#audit').waitFor()
    const login = await gql(t.url, LOGIN, { i: { login: ADMIN.name, password: ADMIN.password } })
    const target = await registerUser(t)
    const r = await gql(t.url, BLOCK, { userId: target.id }, login.data!.login.token)
    expect(r.errors).toBeUndefined()
    const row = page.locator('#audit tr[data-audit]', { hasText: target.name })
    await row.waitFor()
    expect(await row.textContent()).toContain('BLOCK')
    expect(await row.textContent()).toContain(ADMIN.name)
    await screenshot(page, 'audit-live')
    expect(pageErrors).toEqual([])
  })

  it('hides the audit panel while the moderation plugin is off, and brings it back when it is on', async () => {
    const moderation = (await plugins()).find((p) => p.name === 'moderation')
    expect(moderation).toMatchObject({ enabled: true, requiredBy: [] })
    await page.locator('#audit').waitFor()
    await page.getByRole('switch', { name: 'moderation enabled' }).click()
    await page.locator('tr[data-plugin="moderation"][data-state="off"]').waitFor()
    await page.locator('#audit').waitFor({ state: 'detached' })
    await page.getByRole('switch', { name: 'moderation enabled' }).click()
    await page.locator('tr[data-plugin="moderation"][data-state="on"]').waitFor()
    // the earlier action is read back from the log
    await page.locator('#audit tr[data-audit]', { hasText: 'BLOCK' }).waitFor()
    expect(pageErrors).toEqual([])
  })

  // a plugin switched off and on again publishes on its topics as before (its live feed resubscribes)
  it('after moderation is back on, a new moderation action arrives live again', async () => {
    const login = await gql(t.url, LOGIN, { i: { login: ADMIN.name, password: ADMIN.password } })
    const target = await registerUser(t)
    expect((await gql(t.url, BLOCK, { userId: target.id }, login.data!.login.token)).errors).toBeUndefined()
    await page.locator('#audit tr[data-audit]', { hasText: target.name }).waitFor({ timeout: 5000 })
    expect(await page.locator('#audit [role="alert"]').count()).toBe(0)
  })

  it('shows live rates: requests, GraphQL operations by name, events published, health', async () => {
    for (let i = 0; i < 5; i++) expect((await gql(t.url, PING)).data?.__typename).toBe('Query')
    // the test's own operation shows up by name, with its total
    const op = page.locator('#operations tr[data-rate="ConsoleTestPing"]')
    await op.waitFor()
    // the figures arrive every second: the row may show an earlier total first
    await expect
      .poll(async () => Number((await op.locator('td').nth(2).textContent())!.replace(/,/g, '')), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(5)
    // the block above published to the audit topic
    await page.locator('#published tr[data-rate]').first().waitFor()
    expect(Number(await page.locator('[data-figure="requests"] .value').textContent())).toBeGreaterThan(0)
    expect(await page.locator('[data-health="database"] .badge').textContent()).toBe('up')
    expect(await page.locator('[data-health="redis"] .badge').textContent()).toBe(
      process.env.TEST_REDIS_URL ? 'up' : 'not configured',
    )
    expect(await page.locator('#instances tr[data-instance]').count()).toBeGreaterThanOrEqual(1)
    await screenshot(page, 'rates')
    expect(pageErrors).toEqual([])
  })

  it('signs out, refuses a wrong token and a non-operator, and signs in with the operator token', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('streamhub.ops.token'))).toBeNull()

    const user = await registerUser(t)
    await page.getByLabel('Name or email').fill(user.name)
    await page.getByLabel('Password').fill(user.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect(await page.getByRole('alert').textContent()).toContain('not an operator')

    await page.getByRole('tab', { name: 'Operator token' }).click()
    await page.getByLabel('Operator token').fill('not-the-operator-token-at-all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').waitFor()
    expect(await page.locator('[data-who]').count()).toBe(0)

    await page.getByLabel('Operator token').fill(OPERATOR_TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect(await page.locator('[data-who]').textContent()).toBe('operator token')
    await page.locator('tr[data-plugin]').first().waitFor()
    // the token signs in no user: the moderators' audit log says so instead of signing out
    await page.locator('#audit', { hasText: 'needs the moderator role' }).waitFor()
    // a reload keeps the tab's session
    await page.reload()
    expect(await page.locator('[data-who]').textContent()).toBe('operator token')
    await screenshot(page, 'operator-token')
    expect(pageErrors).toEqual([])
  })
})
