import { get, type Entry } from '../harness.js'
import { nonEmpty } from '../shape.js'

/** peka2-full/player.md: the live status of player channels, by GET with the channel ids comma-separated. */
export const player: Entry[] = [
  {
    key: 'GET /api/player/live',
    run: get('/api/player/live', null, (w) => ({ channels: `${w.vars.playerChannel},conformance-offline` })),
    response: nonEmpty({ id: 'string', live: 'boolean', title: 'string', viewers: 'number', thumbnail: 'string' }),
  },
]
