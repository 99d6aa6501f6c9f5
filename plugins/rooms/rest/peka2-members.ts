import { defineRoutes } from '../../../src/rest/route.js'

export const peka2MemberRoutes = defineRoutes([])
