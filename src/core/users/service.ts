import type { Context } from '../../context.js'
import { AppError } from '../../errors.js'
import { hashPassword, verifyPassword } from '../../auth/passwords.js'
import { createSession, revokeToken, resolveViewer } from '../../auth/sessions.js'
import { checkEmail, checkPassword, checkUsername, slugOf } from './validation.js'
import { recordLogin } from './login-history.js'

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002'

export async function register(ctx: Context, input: { username: string; email: string; password: string }) {
  const name = checkUsername(input.username)
  const email = checkEmail(input.email)
  checkPassword(input.password)
  const passwordHash = await hashPassword(input.password)
  try {
    const user = await ctx.prisma.user.create({ data: { name, nameLower: name.toLowerCase(), slug: slugOf(name), email, passwordHash } })
    return startSession(ctx, user.id)
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('USER_ALREADY_EXISTS', 'A user with this username or email already exists')
    throw e
  }
}

export async function startSession(ctx: Context, userId: number) {
  const { token } = await createSession(ctx.prisma, ctx.config.sessionSecret, userId, ctx.config.sessionTtlDays, { ip: ctx.ip, userAgent: ctx.userAgent })
  await recordLogin(ctx.prisma, userId, ctx.ip, ctx.userAgent)
  // The rest of this request (the payload's viewer fields) runs as the user who just signed in.
  ctx.viewer = await resolveViewer(ctx.prisma, ctx.config.sessionSecret, token)
  ctx.token = token
  return { token, userId }
}

/**
 * Login by username or email. Unknown users and wrong passwords take the same path (a dummy hash is verified), and
 * failures count against both the IP and the account.
 */
export async function login(ctx: Context, input: { login: string; password: string; captcha?: string | null }) {
  const key = input.login.trim().toLowerCase()
  if (!(await ctx.services.captcha.verify(input.captcha, ctx.ip))) throw new AppError('CAPTCHA_REQUIRED', 'captcha: the captcha check failed', { field: 'captcha' })
  if (!key) throw new AppError('INVALID_CREDENTIALS', 'login: must not be empty', { field: 'login' })
  const { loginPerIp, loginPerAccount } = ctx.services.limits
  await loginPerIp.check(ctx.ip)
  await loginPerAccount.check(key)
  const user = await ctx.prisma.user.findFirst({ where: key.includes('@') ? { email: key } : { nameLower: key } })
  const { ok, rehash } = await verifyPassword(user?.passwordHash, input.password)
  if (!user || !ok) {
    await loginPerIp.consume(ctx.ip)
    await loginPerAccount.consume(key)
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password')
  }
  if (user.blocked) throw new AppError('USER_BLOCKED')
  if (rehash) await ctx.prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } })
  await loginPerAccount.reset(key)
  return startSession(ctx, user.id)
}

export async function logout(ctx: Context) {
  if (!ctx.viewer || !ctx.token) throw new AppError('UNAUTHENTICATED')
  await revokeToken(ctx.prisma, ctx.config.sessionSecret, ctx.token)
  return true
}

/** peka2 /api/user/login/bytoken: the viewer a token stands for. */
export async function viewerOfToken(ctx: Context, token: string) {
  const viewer = await resolveViewer(ctx.prisma, ctx.config.sessionSecret, token)
  if (!viewer) throw new AppError('INVALID_TOKEN')
  // Logging in by token: the rest of this request runs as that user.
  ctx.viewer = viewer
  ctx.token = token
  return viewer
}

export async function findUser(ctx: Context, by: { id?: number | null; name?: string | null }) {
  if (by.id == null && !by.name) throw new AppError('MISSING_REQUIRED_FIELD', 'id or name: one is required', { field: 'id' })
  const user = await ctx.prisma.user.findFirst({ where: by.id != null ? { id: by.id } : { nameLower: by.name!.toLowerCase() } })
  if (!user) throw new AppError('USER_NOT_FOUND')
  return user
}
