import { randomBytes } from 'node:crypto'
import type { Context } from '../../src/context.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import { AppError, invalid } from '../../src/errors.js'
import { requireRoomAdmin, roomOrThrow, signedIn } from './access.js'
import { announceSet } from './members.js'

/**
 * Invite links (messenger-api.md, invites): a room admin makes a random code that lasts `expiresHours` (1–720, or for
 * good) for `maxUses` joins (1–1000, or any number); whoever has it joins as a member until it expires or is used up.
 */

const LIST_MAX = 100
const CODE = /^[A-Za-z0-9_-]{1,64}$/

const invalidLink = () => new AppError('ROOM_INVITE_LINK_INVALID', undefined, { field: 'code' })

function bounded(field: string, v: number | null | undefined, max: number): number | null {
  if (v === null || v === undefined) return null
  if (!Number.isInteger(v) || v < 1 || v > max) throw invalid(field, `must be an integer from 1 to ${max}, or null`)
  return v
}

export async function createRoomInviteLink(
  ctx: Context,
  roomId: number,
  expiresHours: number | null | undefined,
  maxUses: number | null | undefined,
) {
  const hours = bounded('expiresHours', expiresHours, 720)
  const uses = bounded('maxUses', maxUses, 1000)
  const room = await roomOrThrow(ctx.prisma, roomId)
  const v = await requireRoomAdmin(ctx, room)
  return ctx.prisma.roomInviteLink.create({
    data: {
      // 96 random bits: not guessable, short enough to type
      code: randomBytes(12).toString('base64url'),
      roomId: room.id,
      creatorId: v.id,
      expiresAt: hours === null ? null : new Date(Date.now() + hours * 3_600_000),
      maxUses: uses,
    },
  })
}

/** A room's links, newest first, for its admins (expired and used-up ones too, until revoked). */
export async function roomInviteLinks(ctx: Context, roomId: number) {
  const room = await roomOrThrow(ctx.prisma, roomId)
  await requireRoomAdmin(ctx, room)
  return ctx.prisma.roomInviteLink.findMany({
    where: { roomId: room.id },
    orderBy: { createdAt: 'desc' },
    take: LIST_MAX,
  })
}

export async function revokeRoomInviteLink(ctx: Context, code: string) {
  signedIn(ctx)
  if (!CODE.test(code)) throw invalidLink()
  const link = await ctx.prisma.roomInviteLink.findUnique({ where: { code } })
  if (!link) throw invalidLink()
  await requireRoomAdmin(ctx, await roomOrThrow(ctx.prisma, link.roomId))
  const { count } = await ctx.prisma.roomInviteLink.deleteMany({ where: { code } })
  return count > 0
}

/**
 * Joins the link's room as a member. A use is counted by one conditional UPDATE (uses < maxUses, not expired), which
 * PostgreSQL re-checks on the row it waited for: of many joining at once, exactly maxUses get in. A member already on
 * the list spends no use.
 */
export async function joinRoomByCode(ctx: Context, code: string) {
  const v = signedIn(ctx)
  if (!CODE.test(code)) throw invalidLink()
  const joined = await ctx.prisma.$transaction(async (tx) => {
    const link = await tx.roomInviteLink.findUnique({ where: { code }, include: { room: true } })
    if (!link) throw invalidLink()
    const room = link.room
    if (room.ownerId === v.id) return { room, added: false }
    const member = await tx.roomMember.findUnique({ where: { roomId_userId: { roomId: room.id, userId: v.id } } })
    if (member) return { room, added: false }
    const { count } = await tx.roomInviteLink.updateMany({
      where: {
        code,
        AND: [
          { OR: [{ maxUses: null }, { uses: { lt: tx.roomInviteLink.fields.maxUses } }] },
          { OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
        ],
      },
      data: { uses: { increment: 1 } },
    })
    if (!count) throw invalidLink()
    // the same user joining twice at once: the second adds nothing
    await tx.roomMember.createMany({ data: [{ roomId: room.id, userId: v.id, role: 'MEMBER' }], skipDuplicates: true })
    return { room, added: true }
  }, TX_OPTIONS)
  if (joined.added) announceSet(ctx, joined.room.id, v.id, 'MEMBER')
  return joined.room
}
