import path from 'node:path'
import { defineConfig } from 'vite'

/** `npm run example:dashboard`: a static build in examples/dashboard/dist/, servable from any origin. */
export default defineConfig({
  root: import.meta.dirname,
  // relative asset URLs: the page works from any path it is served under
  base: './',
  logLevel: 'warn',
  build: { outDir: path.join(import.meta.dirname, 'dist'), emptyOutDir: true, target: 'es2022' },
})
