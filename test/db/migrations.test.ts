import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { describe, it, expect } from 'vitest'
import { startEmbedded } from '../../src/db/embedded.js'
import { createPrisma } from '../../src/db/client.js'
import { applyMigrations, migrationStatus } from '../../src/db/migrations.js'

const TIMEOUT = 60_000 // PGlite initdb on a fresh directory takes a few seconds on a small VM

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'db-test-'))
}

async function admin(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

// Apply, prove the schema by writing through PrismaClient, apply again (no-op), check status.
async function applyAndVerify(url: string) {
  const t0 = performance.now()
  const first = await applyMigrations(url)
  const ms = performance.now() - t0
  expect(first.applied.length).toBeGreaterThan(0)

  const prisma = createPrisma(url, { max: 2 })
  try {
    const slug = `u-${randomUUID()}`
    const user = await prisma.user.create({ data: { name: 'Ann', nameLower: 'ann', slug } })
    expect(user.id).toBeGreaterThan(0)
    expect(await prisma.user.count({ where: { slug } })).toBe(1)
  } finally {
    await prisma.$disconnect()
  }

  expect((await applyMigrations(url)).applied).toEqual([])
  const status = await migrationStatus(url)
  expect(status.pending).toEqual([])
  expect(status.applied).toEqual(first.applied)
  return ms
}

describe('migrations', () => {
  it('apply to a fresh in-memory embedded database', { timeout: TIMEOUT }, async () => {
    const db = await startEmbedded({})
    try {
      const ms = await applyAndVerify(db.url)
      console.log(`applyMigrations on in-memory PGlite: ${ms.toFixed(0)} ms`)
    } finally {
      await db.close()
    }
  })

  it.runIf(!!process.env.TEST_DATABASE_URL)('apply to a fresh PostgreSQL database', { timeout: TIMEOUT }, async () => {
    const base = process.env.TEST_DATABASE_URL!
    const name = `test_${randomUUID().replaceAll('-', '')}`
    await admin(base, `CREATE DATABASE "${name}"`)
    try {
      const url = new URL(base)
      url.pathname = `/${name}`
      const ms = await applyAndVerify(url.toString())
      console.log(`applyMigrations on PostgreSQL: ${ms.toFixed(0)} ms`)
    } finally {
      await admin(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
  })
})

describe('embedded data directory', () => {
  it('is locked against a second user until closed', { timeout: TIMEOUT }, async () => {
    const dir = path.join(tempDir(), 'nested', 'data') // parents do not exist yet
    try {
      const first = await startEmbedded({ dataDir: dir })
      await expect(startEmbedded({ dataDir: dir })).rejects.toThrow(
        `DATA_DIR ${dir} is in use by process ${process.pid}`,
      )
      await first.close()
      const again = await startEmbedded({ dataDir: dir })
      await again.close()
    } finally {
      fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true })
    }
  })

  it('takes over a stale lock and keeps rows across restarts', { timeout: TIMEOUT }, async () => {
    const dir = tempDir()
    try {
      fs.writeFileSync(path.join(dir, '.lock'), '2147483646') // no such process
      let db = await startEmbedded({ dataDir: dir })
      await admin(db.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')`)
      await db.close()
      expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false)

      db = await startEmbedded({ dataDir: dir })
      try {
        const c = new pg.Client({ connectionString: db.url })
        await c.connect()
        const { rows } = await c.query('SELECT v FROM kept')
        await c.end()
        expect(rows).toEqual([{ v: 'still here' }])
      } finally {
        await db.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
