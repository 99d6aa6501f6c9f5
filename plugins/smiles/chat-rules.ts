import type { Services } from '../../src/services.js'
import { perApp } from '../../src/plugin-system/app-state.js'
import type { TextCheck } from '../chat/public.js'
import type { SmileAllowance, SmileUsageRule, SmilesApi } from './public.js'
import { smilesConfig } from './config.js'

/** Smiles in chat messages: how many one message may hold and who may use which (rules other plugins add). */

const rules = perApp<{ usage: SmileUsageRule[]; allowances: SmileAllowance[] }>(() => ({ usage: [], allowances: [] }))

/** Chat writes a smile as :code:. */
const TOKEN = /:([A-Za-z0-9_-]{1,32}):/g

function add<T>(list: T[], item: T): () => void {
  list.push(item)
  return () => {
    const i = list.indexOf(item)
    if (i >= 0) list.splice(i, 1)
  }
}

/** What smiles' start returns (public.ts documents each member). */
export function createSmilesApi(services: Services): SmilesApi {
  return {
    addUsageRule: (rule) => add(rules(services).usage, rule),
    addAllowance: (allowance) => add(rules(services).allowances, allowance),
  }
}

/** The most smiles this user may write in one message: SMILES_PER_MESSAGE or a larger allowance. */
async function limitOf(services: Services, userId: number): Promise<number> {
  let limit = smilesConfig(services).perMessage
  for (const allowance of rules(services).allowances) limit = Math.max(limit, (await allowance(userId)) ?? 0)
  return limit
}

/**
 * The check smiles adds to chat (when chat is on): the :code: tokens of a text that name a smile — an approved one,
 * matched without regard to case — count against the author's per-message limit, and each must pass every usage rule.
 * A text without such tokens costs no query.
 */
export function smilesInChat(services: Services): TextCheck {
  return async (ctx, _channel, userId, text) => {
    const tokens = [...text.matchAll(TOKEN)].map((m) => m[1].toLowerCase())
    if (!tokens.length) return null
    const found = await ctx.prisma.smile.findMany({
      where: { codeLower: { in: [...new Set(tokens)] }, approved: true },
      select: { codeLower: true },
    })
    const known = new Set(found.map((s) => s.codeLower))
    const used = tokens.filter((t) => known.has(t))
    if (!used.length) return null
    const limit = await limitOf(services, userId)
    if (used.length > limit)
      return { code: 'TOO_MANY_SMILES', message: `text: at most ${limit} smiles in a message (it has ${used.length})` }
    for (const rule of rules(services).usage) {
      const refused = await rule(userId, [...known])
      if (refused.length)
        return {
          code: 'SMILE_NOT_AVAILABLE',
          message: `text: ${refused.map((c) => `:${c}:`).join(', ')} ${refused.length > 1 ? 'are' : 'is'} not available to you`,
        }
    }
    return null
  }
}
