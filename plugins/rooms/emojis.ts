import type { Context } from '../../src/context.js'
import type { Services } from '../../src/services.js'
import { AppError, invalid } from '../../src/errors.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { UploadFile } from '../../src/uploads/file.js'
import type { ScopedSmile, SmilesApi } from '../smiles/public.js'
import { hasAccess, requireRoomOwner, roomOrThrow, type RoomRow } from './access.js'
import { announce } from './events.js'
import { roomsOf } from './state.js'

/**
 * A room's own emojis and stickers (messenger's guild emojis and stickers): a scoped set of smiles ('room/<id>'),
 * kept by smiles through its public API and recognised in the room's chat and its text channels only. Off (lists
 * empty, changes refused with ROOM_SMILES_OFF) while smiles is.
 */

const emojiState = appState<{ smiles: SmilesApi | undefined }>('rooms (emojis)')

/** Chat channels room/<id> and room/<id>/<channelId> use the room's set, room/<id>. */
export function scopeOfChannel(channel: string): string | null {
  const m = /^room\/([1-9]\d{0,9})(?:\/[1-9]\d{0,9})?$/.exec(channel)
  return m ? `room/${m[1]}` : null
}

const scopeOf = (roomId: number) => `room/${roomId}`
const roomIdOf = (scope: string) => {
  const m = /^room\/([1-9]\d{0,9})$/.exec(scope)
  return m ? Number(m[1]) : null
}

/**
 * Called by the plugin's start: keeps smiles' API (or its absence) and lets smiles know the rooms' scopes; returns the
 * remover of that (undefined without smiles).
 */
export function initRoomEmojis(services: Services, smiles: SmilesApi | undefined): (() => void) | undefined {
  emojiState.init(services, { smiles })
  return smiles?.addScopeResolver(scopeOfChannel)
}

/** A name as smile codes are, minus '-' (messenger's names): chat writes it :name:. */
const NAME = /^[A-Za-z0-9_]{2,32}$/
const DESCRIPTION_MAX = 200

function smilesOn(ctx: Context, field: string): SmilesApi {
  const smiles = emojiState.of(ctx.services).smiles
  if (!smiles) throw new AppError('ROOM_SMILES_OFF', undefined, { field })
  return smiles
}

/** The room's emojis (or stickers), oldest first, for those who may read it; [] for others and while smiles is off. */
export async function roomEmojis(ctx: Context, room: RoomRow, sticker: boolean): Promise<ScopedSmile[]> {
  const smiles = emojiState.of(ctx.services).smiles
  if (!smiles || !(await hasAccess(ctx, room))) return []
  return smiles.scopedSmiles(scopeOf(room.id), { sticker })
}

export interface NewEmoji {
  name: string
  file: UploadFile
  sticker: boolean
  description?: string | null
}

function checkDescription(d: string | null | undefined): string | null {
  if (d === null || d === undefined) return null
  const text = d.trim()
  if (text.length > DESCRIPTION_MAX) throw invalid('description', `at most ${DESCRIPTION_MAX} characters`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw invalid('description', 'no control characters')
  return text === '' ? null : text
}

/** The owner (or site staff) adds an emoji or a sticker: a PNG as smiles' scoped sets take, under the room's limits. */
export async function addRoomEmoji(ctx: Context, roomId: number, input: NewEmoji): Promise<ScopedSmile> {
  const smiles = smilesOn(ctx, 'roomId')
  const room = await roomOrThrow(ctx.prisma, roomId)
  const viewer = requireRoomOwner(ctx, room)
  if (!NAME.test(input.name)) throw invalid('name', '2–32 letters, digits or _')
  const description = checkDescription(input.description)
  const { emojiMax, stickerMax } = roomsOf(ctx).config
  const max = input.sticker ? stickerMax : emojiMax
  let added: ScopedSmile
  try {
    added = await smiles.addScopedSmile({
      scope: scopeOf(room.id),
      code: input.name,
      bytes: new Uint8Array(await input.file.arrayBuffer()),
      sticker: input.sticker,
      description,
      createdById: viewer.id,
      max,
    })
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    if (e.code === 'SMILE_CODE_TAKEN')
      throw new AppError('ROOM_EMOJI_NAME_TAKEN', `name: "${input.name}" is used in this room already`, {
        field: 'name',
      })
    if (e.code === 'SMILE_LIMIT_REACHED')
      throw new AppError('ROOM_EMOJI_LIMIT', `roomId: at most ${max} ${input.sticker ? 'stickers' : 'emojis'}`, {
        field: 'roomId',
      })
    throw e
  }
  announce(ctx, 'EMOJIS', room.id)
  return added
}

/** The owner (or site staff) removes an emoji or a sticker; one of a room the viewer may not read does not exist. */
export async function removeRoomEmoji(ctx: Context, emojiId: number): Promise<boolean> {
  const smiles = smilesOn(ctx, 'emojiId')
  const notFound = () => new AppError('ROOM_EMOJI_NOT_FOUND', undefined, { field: 'emojiId' })
  const emoji = await smiles.scopedSmile(emojiId)
  const roomId = emoji ? roomIdOf(emoji.scope) : null
  if (!emoji || roomId === null) throw notFound()
  const room = await ctx.prisma.room.findUnique({ where: { id: roomId } })
  if (!room || !(await hasAccess(ctx, room))) throw notFound()
  requireRoomOwner(ctx, room, 'emojiId')
  if (!(await smiles.removeScopedSmile(emoji.scope, emoji.id))) throw notFound()
  announce(ctx, 'EMOJIS', room.id)
  return true
}

/** A deleted room's emojis and stickers go with it (while smiles is on; its rows are unreachable either way). */
export async function dropRoomEmojis(ctx: Context, roomId: number) {
  await emojiState.of(ctx.services).smiles?.removeScope(scopeOf(roomId))
}
