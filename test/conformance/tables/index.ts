import type { Entry } from '../harness.js'
import type { SpecFile } from '../spec-index.js'
import { admin } from './admin.js'
import { chat } from './chat.js'
import { common } from './common.js'
import { justchatApi } from './justchat-api.js'
import { messengerApi } from './messenger-api.js'
import { notification } from './notification.js'
import { oauth } from './oauth.js'
import { player } from './player.js'
import { poll } from './poll.js'
import { room } from './room.js'
import { smile } from './smile.js'
import { store } from './store.js'
import { thirdparty } from './thirdparty.js'

/** One table per spec file (spec-index.ts SPEC_FILES), each written from that file. */
export const TABLES: Record<SpecFile, Entry[]> = {
  common,
  chat,
  notification,
  admin,
  poll,
  room,
  smile,
  store,
  oauth,
  player,
  thirdparty,
  'justchat-api': justchatApi,
  'messenger-api': messengerApi,
}
