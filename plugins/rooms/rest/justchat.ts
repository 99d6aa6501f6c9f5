import { defineRoutes } from '../../../src/rest/route.js'

export const justchatRoomRoutes = defineRoutes([])
