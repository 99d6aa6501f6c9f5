import type { Context } from '../../src/context.js'
import { AppError, invalid } from '../../src/errors.js'
import type { ChatMessageView } from '../chat/public.js'
import { signedIn } from '../../src/auth/signed-in.js'
import { dmsOf } from './state.js'
import { conversationChannel } from './channel.js'
import { allMembers, readerScope } from './dialogs.js'

export const MAX_LIMIT = 100
export const MAX_OFFSET = 100_000

function page(limit: number, offset: number, offsetField: string) {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw invalid('limit', `must be an integer from 1 to ${MAX_LIMIT}`)
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET)
    throw invalid(offsetField, `must be an integer from 0 to ${MAX_OFFSET}`)
  return { limit, offset }
}

async function userExists(ctx: Context, id: number, field: string) {
  const u = await ctx.prisma.user.findUnique({ where: { id }, select: { id: true } })
  if (!u) throw new AppError('USER_NOT_FOUND', `${field}: no such user`, { field })
}

/** The user's side of their conversation with `peerId` (zero or one), or of all their conversations. */
async function membersFor(ctx: Context, me: number, peerId: number | null) {
  if (peerId === null) return allMembers(ctx, me)
  return await allMembers(ctx, me, conversationChannel(me, peerId))
}

/**
 * The viewer's direct messages, the latest `limit` after skipping the newest `offset` (JustChat /user/messages): all
 * of them, or only those from `authorId` to the viewer, or only the viewer's to `toId` — never both filters
 * (INVALID_INPUT naming `user`). Returned oldest first, as a conversation reads.
 */
export async function directMessages(
  ctx: Context,
  opts: { limit: number; offset: number; authorId?: number | null; toId?: number | null },
): Promise<ChatMessageView[]> {
  const me = signedIn(ctx).id
  const { limit, offset } = page(opts.limit, opts.offset, 'offset')
  if (opts.authorId != null && opts.toId != null) throw invalid('user', '`user` and `author` cannot be given together')
  const peer = opts.authorId ?? opts.toId ?? null
  if (peer !== null) await userExists(ctx, peer, opts.authorId != null ? 'author' : 'user')
  const members = await membersFor(ctx, me, peer)
  const authorId = opts.authorId ?? (opts.toId != null ? me : null)
  const scope = await readerScope(ctx, me, members, 'cleared')
  const list = await dmsOf(ctx).chat.visibleMessages(me, scope, { limit, offset, authorId })
  return list.reverse()
}

/** The viewer's conversation with one user (JustChat /user/dialog): the latest `limit` after the newest `skip`. */
export async function conversationMessages(ctx: Context, peerId: number, limit: number, skip: number) {
  const me = signedIn(ctx).id
  page(limit, skip, 'skip')
  await userExists(ctx, peerId, 'user')
  const scope = await readerScope(ctx, me, await membersFor(ctx, me, peerId), 'cleared')
  const list = await dmsOf(ctx).chat.visibleMessages(me, scope, { limit, offset: skip })
  return list.reverse()
}
