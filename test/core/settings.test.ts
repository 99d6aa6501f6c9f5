import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const SETTINGS = graphql(
  `query ViewerSettings { viewer { settings { stream { autostart player } chat { fontsize theme mychannels submode } } } }`,
)
const UPDATE = graphql(
  `mutation UpdateSettings($s: SettingsInput!) { updateSettings(settings: $s) { stream { autostart player } chat { fontsize theme mychannels submode smiles } } }`,
)

describe('settings', () => {
  it('starts from the documented defaults and applies partial updates', async () => {
    const u = await registerUser(t)
    const before = await gql(t.url, SETTINGS, undefined, u.token)
    expect(before.data!.viewer!.settings).toEqual({
      stream: { autostart: true, player: '' },
      chat: { fontsize: 12, theme: 'sc2tv', mychannels: [], submode: 'none' },
    })
    const r = await gql(t.url, UPDATE, { s: { chat: { fontsize: 16, mychannels: ['main', 'stream/1'] } } }, u.token)
    expect(r.data!.updateSettings.chat).toMatchObject({
      fontsize: 16,
      mychannels: ['main', 'stream/1'],
      theme: 'sc2tv',
      smiles: true,
    })
    const again = await gql(t.url, UPDATE, { s: { stream: { autostart: false } } }, u.token)
    expect(again.data!.updateSettings).toMatchObject({ stream: { autostart: false }, chat: { fontsize: 16 } })
  })

  it('refuses a bad value naming the setting, and writes nothing', async () => {
    const u = await registerUser(t)
    const r = await gql(t.url, UPDATE, { s: { chat: { fontsize: 500, theme: 'dark' } } }, u.token)
    expect(codeOf(r)).toBe('INVALID_INPUT')
    expect(r.errors![0].extensions!.field).toBe('settings.chat.fontsize')
    const after = await gql(t.url, SETTINGS, undefined, u.token)
    expect(after.data!.viewer!.settings.chat.theme).toBe('sc2tv')
    const submode = await gql(t.url, UPDATE, { s: { chat: { submode: 'everyone' } } }, u.token)
    expect(submode.errors![0].extensions!.field).toBe('settings.chat.submode')
  })

  it('peka2 /api/user/settings: partial body in, whole object out; errors as 500 {message}', async () => {
    const u = await registerUser(t)
    const r = await rest(t.url, '/api/user/settings', { chat: { namecolor: 3 } }, { token: u.token })
    expect(r.status).toBe(200)
    expect(r.body.chat.namecolor).toBe(3)
    expect(r.body.stream.videopreview).toBe(true)
    expect(Object.keys(r.body.chat)).toHaveLength(17)
    const empty = await rest(t.url, '/api/user/settings', {}, { token: u.token })
    expect(empty.body.chat.namecolor).toBe(3)
    const bad = await rest(t.url, '/api/user/settings', { chat: { unknownSetting: true } }, { token: u.token })
    expect(bad.status).toBe(500)
    expect(bad.body.message).toMatch(/unknownSetting/)
    const badType = await rest(t.url, '/api/user/settings', { stream: { autostart: 'yes' } }, { token: u.token })
    expect(badType.status).toBe(500)
    expect(badType.body.message).toMatch(/autostart/)
    const guest = await rest(t.url, '/api/user/settings', { chat: { namecolor: 1 } })
    expect(guest.status).toBe(500)
  })

  it("another user's settings are not readable", async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const r = await gql(
      t.url,
      graphql(`query User($id: Int) { user(databaseId: $id) { name settings { chat { theme } } } }`),
      { id: a.id },
      b.token,
    )
    expect(codeOf(r)).toBe('INSUFFICIENT_PERMISSIONS')
  })
})

describe('profile', () => {
  it('updates JustChat profile fields with validation', async () => {
    const u = await registerUser(t)
    const UPD = graphql(
      `mutation UpdateProfile($i: ProfileInput!) { updateProfile(input: $i) { nickname location dob gender } }`,
    )
    const r = await gql(
      t.url,
      UPD,
      { i: { nickname: 'Nick', location: 'Perm', dob: '1990-02-08', gender: 1 } },
      u.token,
    )
    expect(r.data!.updateProfile).toEqual({
      nickname: 'Nick',
      location: 'Perm',
      dob: '1990-02-08T00:00:00.000Z',
      gender: 1,
    })
    expect((await gql(t.url, UPD, { i: { gender: 7 } }, u.token)).errors![0].extensions!.field).toBe('gender')
    expect((await gql(t.url, UPD, { i: { dob: '2999-01-01' } }, u.token)).errors![0].extensions!.field).toBe('dob')
    expect((await gql(t.url, UPD, { i: { nickname: 'x'.repeat(33) } }, u.token)).errors![0].extensions!.field).toBe(
      'nickname',
    )
    expect(codeOf(await gql(t.url, UPD, { i: { nickname: 'anon' } }))).toBe('UNAUTHENTICATED')
  })
})
