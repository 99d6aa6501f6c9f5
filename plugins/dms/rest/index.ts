import { justchatDmRoutes } from './justchat.js'
import { peka2DmRoutes } from './peka2.js'
import { messengerDmRoutes } from './messenger.js'

/** JustChat's personal-message routes, peka2's /api/channel/private and the messenger's friends. */
export const dmRoutes = [...justchatDmRoutes, ...peka2DmRoutes, ...messengerDmRoutes]
