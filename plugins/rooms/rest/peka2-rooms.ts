import { defineRoutes } from '../../../src/rest/route.js'

export const peka2RoomRoutes = defineRoutes([])
