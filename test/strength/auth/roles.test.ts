import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  ACCESS_LETTERS,
  ACCESS_ROLE,
  isRoleName,
  NUMERIC_ROLES,
  ROLE_DEFAULTS,
  ROLE_NAMES,
  ROLES_DESCRIPTION,
  rolesFromRows,
} from '../../../src/auth/roles.js'

/** The role table is the authorization model: each value here is a rule (peka2-api-index.md, messenger-api.md). */
describe('roles', () => {
  it('every role and its default: only canUseSupport is on, citizens weigh 2', () => {
    expect(ROLE_DEFAULTS).toEqual({
      support: 0,
      canUseSupport: 1,
      moderator: 0,
      citizen: 2,
      twitch: 0,
      blocker: 0,
      masterstreamer: 0,
      smiler: 0,
      roleAdmin: 0,
      schedule: 0,
      seasoner: 0,
      storeAdmin: 0,
      storeSupport: 0,
      streamAdmin: 0,
    })
    expect(ROLE_NAMES).toEqual(Object.keys(ROLE_DEFAULTS))
  })

  it('citizen alone is a number; the others are flags', () => {
    expect([...NUMERIC_ROLES]).toEqual(['citizen'])
  })

  it('isRoleName knows the roles and nothing else, inherited names included', () => {
    for (const r of ROLE_NAMES) expect(isRoleName(r)).toBe(true)
    for (const s of ['', 'admin', 'Moderator', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(isRoleName(s)).toBe(false)
  })

  it('rolesFromRows: the defaults, overridden by the rows; unknown rows ignored; the defaults never changed', () => {
    expect(rolesFromRows([])).toEqual(ROLE_DEFAULTS)
    const r = rolesFromRows([
      { role: 'moderator', value: 1 },
      { role: 'canUseSupport', value: 0 },
      { role: 'citizen', value: 7 },
      { role: 'toString', value: 1 },
      { role: 'root', value: 1 },
    ])
    expect(r).toEqual({ ...ROLE_DEFAULTS, moderator: 1, canUseSupport: 0, citizen: 7 })
    expect(Object.keys(r)).toEqual(ROLE_NAMES)
    expect(ROLE_DEFAULTS.moderator).toBe(0)
    expect(rolesFromRows([])).not.toBe(rolesFromRows([]))
  })

  it('the access letters, and the role each one needs', () => {
    expect(ACCESS_LETTERS).toEqual(['P', 'A', 'M', 'S', 'B', 'Sm', 'MS', 'RA', 'Sc', 'Se', 'StA', 'StS', 'C'])
    expect(ACCESS_ROLE).toEqual({
      M: 'moderator',
      S: 'support',
      B: 'blocker',
      Sm: 'smiler',
      MS: 'masterstreamer',
      RA: 'roleAdmin',
      Sc: 'schedule',
      Se: 'seasoner',
      StA: 'storeAdmin',
      StS: 'storeSupport',
    })
  })

  it('the Roles description is the one the published schema carries', () => {
    expect(fs.readFileSync('schema.graphql', 'utf8')).toContain(`"""\n${ROLES_DESCRIPTION}\n"""\ntype Roles {`)
  })
})
