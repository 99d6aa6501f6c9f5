// Entry of `npm start`, the composition root: the core (src/) gets the shipped plugins from here, never imports them.
// The config is read and the embedded database's thread started first, so the database starts while the rest loads.
import { startEarly } from '../src/early-start.js'

const early = startEarly()
const [{ main }, { ALL_PLUGINS }] = await Promise.all([import('../src/main.js'), import('../plugins/index.js')])
await main(ALL_PLUGINS, early)
