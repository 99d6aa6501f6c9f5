import type { Context } from '../../context.js'
import { invalid } from '../../errors.js'
import { signedIn } from '../../auth/signed-in.js'

export interface ProfileInput {
  nickname?: string | null
  location?: string | null
  photo?: string | null
  dob?: Date | string | null
  gender?: number | null
}

const text = (field: string, v: unknown, max: number) => {
  if (v === null) return null
  if (typeof v !== 'string' || v.length > max) throw invalid(field, `must be a string of at most ${max} characters`)
  return v.trim()
}

/** JustChat profile fields, validated; fields not in the model are dropped (as the spec says). */
export function profilePatch(input: ProfileInput) {
  const out: {
    nickname?: string | null
    location?: string | null
    photo?: string | null
    dob?: Date | null
    gender?: number | null
  } = {}
  if (input.nickname !== undefined) out.nickname = text('nickname', input.nickname, 32)
  if (input.location !== undefined) out.location = text('location', input.location, 100)
  if (input.photo !== undefined) out.photo = text('photo', input.photo, 500)
  if (input.dob !== undefined) {
    if (input.dob === null) out.dob = null
    else {
      const d = new Date(input.dob)
      if (Number.isNaN(d.getTime()) || d.getTime() > Date.now() || d.getUTCFullYear() < 1900)
        throw invalid('dob', 'must be a past date (YYYY-MM-DD)')
      out.dob = d
    }
  }
  if (input.gender !== undefined) {
    if (input.gender !== null && input.gender !== 0 && input.gender !== 1) throw invalid('gender', 'must be 0 or 1')
    out.gender = input.gender
  }
  return out
}

export async function updateProfile(ctx: Context, input: ProfileInput) {
  return ctx.prisma.user.update({ where: { id: signedIn(ctx).id }, data: profilePatch(input) })
}
