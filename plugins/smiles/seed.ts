import { createHash } from 'node:crypto'
import type { PluginSeedContext } from '../../src/plugin-system/contract.js'
import { encodePng } from './png.js'
import { writeFile } from './storage.js'

type Rgba = [number, number, number, number]

/** A 30×30 round face: `mouth(x, y)` decides which pixels below the eyes are the mouth. */
function face(fill: Rgba, mouth: (dx: number, dy: number) => boolean) {
  const ink: Rgba = [40, 30, 20, 255]
  return encodePng(30, 30, (x, y) => {
    const dx = x - 14.5
    const dy = y - 14.5
    const r = Math.hypot(dx, dy)
    if (r > 14) return [0, 0, 0, 0]
    if (r > 12.8) return ink
    if (Math.hypot(Math.abs(dx) - 5, dy + 4) < 2) return ink // eyes
    return mouth(dx, dy) ? ink : fill
  })
}

const DEMO: { code: string; tab: number; position: number; png: () => Buffer }[] = [
  {
    code: 'smile',
    tab: 0,
    position: 0,
    png: () => face([255, 210, 60, 255], (dx, dy) => dy > 3 && Math.abs(Math.hypot(dx, dy - 1) - 7) < 1),
  },
  {
    code: 'sad',
    tab: 0,
    position: 1,
    png: () =>
      face([120, 170, 255, 255], (dx, dy) => dy > 5 && Math.abs(Math.hypot(dx, dy - 14) - 7) < 1 && Math.abs(dx) < 6),
  },
  {
    code: 'wow',
    tab: 0,
    position: 2,
    png: () => face([255, 160, 90, 255], (dx, dy) => Math.abs(Math.hypot(dx, dy - 6) - 3) < 1),
  },
  {
    code: 'peka',
    tab: 1,
    position: 0,
    png: () => face([120, 220, 90, 255], (dx, dy) => dy > 4 && dy < 7 && Math.abs(dx) < 6),
  },
]

/** A few public smiles for `npm start` on an empty database, drawn in code (no binary fixtures). */
export async function seedSmiles({ prisma, services }: PluginSeedContext) {
  if ((await prisma.smile.count()) > 0) return
  for (const s of DEMO) {
    const bytes = s.png()
    const hash = createHash('sha256').update(bytes).digest('hex')
    await writeFile(services.config, hash, bytes)
    await prisma.smile.create({
      data: {
        code: s.code,
        codeLower: s.code,
        hash,
        bytes: bytes.length,
        width: 30,
        height: 30,
        tab: s.tab,
        position: s.position,
      },
    })
  }
}
