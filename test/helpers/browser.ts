/**
 * Debian's Chromium for the browser tests, through playwright-core. Without /usr/bin/chromium a browser test is
 * skipped with a message, unless CI_REQUIRE_BROWSER is set (.ci/run sets it): then it fails.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
const HAVE_BROWSER = fs.existsSync(CHROMIUM)
const REQUIRE_BROWSER = Boolean(process.env.CI_REQUIRE_BROWSER)

/** Whether `what` (a browser test) cannot run here; says so once when it is skipped. */
export function browserMissing(what: string): boolean {
  const skip = !HAVE_BROWSER && !REQUIRE_BROWSER
  if (skip)
    console.warn(
      `${what} SKIPPED: ${CHROMIUM} is missing (install Debian's chromium: apt-get install -y chromium); CI sets CI_REQUIRE_BROWSER=1 and fails instead`,
    )
  return skip
}

/** A headless Chromium with a throwaway profile; `close` removes the profile too. */
export async function launchChromium(viewport: {
  width: number
  height: number
}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!HAVE_BROWSER)
    throw new Error(`CI_REQUIRE_BROWSER is set but ${CHROMIUM} is missing (apt-get install -y chromium)`)
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'test-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    // the machine's network is closed: no background fetches, updates or sync (each would be refused, many at once)
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}
