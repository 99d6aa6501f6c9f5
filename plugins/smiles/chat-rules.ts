import type { Services } from '../../src/services.js'
import { perApp } from '../../src/plugin-system/app-state.js'
import type { TextCheck } from '../chat/public.js'
import type { ScopeResolver, SmileAllowance, SmileUsageRule, SmilesApi } from './public.js'
import { smilesConfig } from './config.js'
import { SITE } from './service.js'
import { scopedSmilesApi } from './scoped.js'

/** Smiles in chat messages: how many one message may hold and who may use which (rules other plugins add). */

const rules = perApp<{ usage: SmileUsageRule[]; allowances: SmileAllowance[]; scopes: ScopeResolver[] }>(() => ({
  usage: [],
  allowances: [],
  scopes: [],
}))

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
    addScopeResolver: (resolver) => add(rules(services).scopes, resolver),
    ...scopedSmilesApi(services),
  }
}

/** The most smiles this user may write in one message: SMILES_PER_MESSAGE or a larger allowance. */
async function limitOf(services: Services, userId: number): Promise<number> {
  let limit = smilesConfig(services).perMessage
  for (const allowance of rules(services).allowances) limit = Math.max(limit, (await allowance(userId)) ?? 0)
  return limit
}

/** The sets recognised in a channel: the site's, and the scopes resolvers map the channel to. */
function scopesOf(services: Services, channel: string): string[] {
  const scopes = new Set([SITE])
  for (const resolve of rules(services).scopes) {
    const scope = resolve(channel)
    if (scope) scopes.add(scope)
  }
  return [...scopes]
}

/**
 * The check smiles adds to chat (when chat is on): the :code: tokens of a text that name a smile — an approved one of
 * the site's set or of a scope the channel resolves to, matched without regard to case — count against the author's
 * per-message limit, and each site smile must pass every usage rule (a scoped set's are for whoever writes where it
 * applies). A text without such tokens costs no query.
 */
export function smilesInChat(services: Services): TextCheck {
  return async (ctx, channel, userId, text) => {
    const tokens = [...text.matchAll(TOKEN)].map((m) => m[1].toLowerCase())
    if (!tokens.length) return null
    const found = await ctx.prisma.smile.findMany({
      where: { codeLower: { in: [...new Set(tokens)] }, scope: { in: scopesOf(services, channel) }, approved: true },
      select: { codeLower: true, scope: true },
    })
    const known = new Set(found.map((s) => s.codeLower))
    const site = [...new Set(found.filter((s) => s.scope === SITE).map((s) => s.codeLower))]
    const used = tokens.filter((t) => known.has(t))
    if (!used.length) return null
    const limit = await limitOf(services, userId)
    if (used.length > limit)
      return { code: 'TOO_MANY_SMILES', message: `text: at most ${limit} smiles in a message (it has ${used.length})` }
    for (const rule of rules(services).usage) {
      if (!site.length) break
      const refused = await rule(userId, site)
      if (refused.length)
        return {
          code: 'SMILE_NOT_AVAILABLE',
          message: `text: ${refused.map((c) => `:${c}:`).join(', ')} ${refused.length > 1 ? 'are' : 'is'} not available to you`,
        }
    }
    return null
  }
}
