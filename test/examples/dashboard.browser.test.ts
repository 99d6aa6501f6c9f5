/**
 * examples/dashboard end to end: the page built by vite's build API, served from another origin than the app (as a
 * frontend team would host it), opened in Debian's Chromium through playwright-core. It must list the channel's
 * history and then show a message sent through the API while the page is open, live over graphql-ws.
 * The screenshot goes to test-artifacts/examples-dashboard/ (the path is printed).
 *
 * Without Debian's Chromium it is skipped with a message, unless CI_REQUIRE_BROWSER is set (test/helpers/browser.ts).
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserMissing, launchChromium } from '../helpers/browser.js'
import { build } from 'vite'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, until } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { OpsOverviewDocument } from '../generated/graphql.js'
import { SendChatMessageMutation } from '../../client/src/index.js'

const ROOT = path.resolve(import.meta.dirname, '../../examples/dashboard')
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/examples-dashboard')
const SKIP = browserMissing('dashboard example browser test')

const OPERATOR_TOKEN = 'dashboard-test-operator-token-0123456789'
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** A static file server for the built page: files of `dir` only, on its own port (another origin than the app). */
async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html'
    const file = path.resolve(dir, rel)
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe.skipIf(SKIP)('the dashboard example in Chromium', () => {
  let t: TestApp
  let out: string
  let site: { url: string; close(): Promise<void> } | undefined
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined
  let page: Page
  let alice: TestUser
  const pageErrors: string[] = []

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-dist-'))
    // the example's own config, built into a temp dir: the test does not depend on (or overwrite) a local dist/
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), build: { outDir: out, emptyOutDir: true } })
    t = await startTestApp({ OPERATOR_TOKEN })
    site = await serveStatic(out)
    alice = await registerUser(t)
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    browser = await launchChromium({ width: 1024, height: 700 })
    page = await browser.context.newPage()
    page.setDefaultTimeout(10_000)
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text())
    })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    fs.rmSync(out, { recursive: true, force: true })
    await closeAll(t)
  })

  const send = async (text: string) => {
    const r = await gql(t.url, SendChatMessageMutation, { input: { channel: 'main', text } }, alice.token)
    expect(r.errors).toBeUndefined()
    expect(r.data?.sendChatMessage.isSent).toBe(true)
  }

  it('lists the history, then shows a message sent while it is open', async () => {
    const tag = randomBytes(4).toString('hex')
    const old = `history ${tag}`
    await send(old)

    const before = (await gql(t.url, OpsOverviewDocument, {}, OPERATOR_TOKEN)).data!.opsOverview.wsSubscriptions
    const query = new URLSearchParams({ api: `${t.url}/graphql`, channel: 'main' })
    await page.goto(`${site!.url}/index.html?${query.toString()}`)
    const items = page.locator('#messages li')
    await expect.poll(() => items.allTextContents()).toEqual([`${alice.name}${old}`])
    expect(await page.locator('#status').getAttribute('data-state')).toBe('live')
    expect(await page.locator('#channel').textContent()).toBe('main')

    // the page's subscription is registered on the server before the live message is sent (no event is lost to a race)
    await until(
      async () =>
        (await gql(t.url, OpsOverviewDocument, {}, OPERATOR_TOKEN)).data!.opsOverview.wsSubscriptions > before,
      10_000,
      'the page to subscribe',
    )
    // markup in a message is shown as text, never rendered
    const live = `live <b>${tag}</b>`
    await send(live)
    await expect.poll(() => items.allTextContents()).toEqual([`${alice.name}${old}`, `${alice.name}${live}`])
    expect(await page.locator('#messages b').count()).toBe(0)

    const file = path.join(ARTIFACTS, 'live.png')
    await page.screenshot({ path: file, fullPage: true })
    console.log(`dashboard example screenshot: ${file}`)
    expect(pageErrors).toEqual([])
  })
})
