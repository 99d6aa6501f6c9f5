import type { Services } from '../../src/services.js'
import type { PollLive } from './live.js'
import { pollViews } from './views.js'

/** How many running polls an instance announces the end of after a restart (the rest still end on time for votes). */
const ARM_MAX = 10_000

/** At start-up: announce the end of polls that are running now, when their time comes. */
export async function armRunningPolls(services: Services, live: PollLive) {
  const rows = await services.prisma.poll.findMany({
    where: { endedAt: null, endsAt: { gt: new Date() } },
    orderBy: { endsAt: 'asc' },
    take: ARM_MAX,
    select: { id: true },
  })
  for (const view of await pollViews(
    services.prisma,
    rows.map((r) => r.id),
  ))
    live.armEnd(view)
}
