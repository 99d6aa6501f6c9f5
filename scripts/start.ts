// Entry of `npm start`, the composition root: the core (src/) gets the shipped plugins from here, never imports them.
import { main } from '../src/main.js'
import { ALL_PLUGINS } from '../plugins/index.js'

await main(ALL_PLUGINS)
