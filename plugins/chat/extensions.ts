import type { Context } from '../../src/context.js'
import type { Services } from '../../src/services.js'
import { AppError } from '../../src/errors.js'
import { perApp } from '../../src/plugin-system/app-state.js'
import type { AuthorStore, AuthorStoreProvider, NickColorProvider, TextCheck } from './public.js'

/** What other plugins added to how chat shows authors and checks texts (public.ts documents each). */
interface ChatExtensions {
  nickColors: NickColorProvider[]
  textChecks: TextCheck[]
  authorStores: AuthorStoreProvider[]
}

export const chatExtensions = perApp<ChatExtensions>(() => ({ nickColors: [], textChecks: [], authorStores: [] }))

const NO_STORE: AuthorStore = { bonuses: [], icon: 0, subscriptions: [] }

/** An author's store object: the first provider's; nothing bought for the nameless or without a provider. */
export async function authorStoreOf(services: Services, userId: number): Promise<AuthorStore> {
  const provider = chatExtensions(services).authorStores.at(0)
  return userId > 0 && provider ? provider(userId) : NO_STORE
}

/** An author's nick colour: the first provider's answer; none for the nameless (service messages, hidden askers). */
export async function nickColorOf(services: Services, userId: number): Promise<string | null> {
  if (userId <= 0) return null
  for (const provider of chatExtensions(services).nickColors) {
    const color = await provider(userId)
    if (color) return color
  }
  return null
}

/** Every registered check of a text being published or edited; the first refusal is an error on `text`. */
export async function checkTextRules(ctx: Context, channel: string, text: string) {
  // only authors write texts: publish and edit have required a signed-in viewer already
  const author = ctx.viewer?.id
  if (author === undefined) return
  for (const check of chatExtensions(ctx.services).textChecks) {
    const refusal = await check(ctx, channel, author, text)
    if (refusal) throw new AppError(refusal.code, refusal.message, { field: 'text' })
  }
}
