import { it } from 'vitest'
import { startTestApp } from '../helpers/app.js'
import { rest, gql } from '../helpers/clients.js'
import { registerUser, startInbox } from '../helpers/users.js'
it('probe', async () => {
  const t = await startTestApp({})
  const u = await registerUser(t)
  const v = await registerUser(t)
  console.log(JSON.stringify(await rest(t.url, '/api/user/full', {id: u.id}, { token: u.token })))
  console.log(JSON.stringify(await rest(t.url, '/api/user/full', {id: v.id}, { token: u.token })))
  await t.close()
})
