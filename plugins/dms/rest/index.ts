import { justchatDmRoutes } from './justchat.js'
import { peka2DmRoutes } from './peka2.js'

/** JustChat's personal-message routes and peka2's /api/channel/private. */
export const dmRoutes = [...justchatDmRoutes, ...peka2DmRoutes]
