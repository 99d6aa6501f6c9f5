import type { Context } from '../../context.js'
import type { Prisma } from '../../generated/prisma/client.js'
import { AppError } from '../../errors.js'
import { hashPassword, verifyPassword } from '../../auth/passwords.js'
import { createSession, revokeSession, resolveViewer } from '../../auth/sessions.js'
import { checkEmail, checkPassword, checkUsername, nameSkeletons, slugOf, type NameSkeletons } from './validation.js'
import { recordLogin } from './login-history.js'
import { isUniqueViolation } from '../../db/errors.js'
import { TX_OPTIONS } from '../../db/client.js'

const nameTaken = (field: string) =>
  new AppError('USER_ALREADY_EXISTS', `${field}: this name is taken, or looks like a name that is`, { field })

/** Refuses a name equal to (in any case) or looking like an existing user's name: one indexed lookup. */
export async function checkNameFree(ctx: Context, keys: NameSkeletons, field = 'username') {
  const other = await ctx.prisma.user.findFirst({
    where: { OR: [{ nameSkeleton: keys.nameSkeleton }, { nameSkeletonFolded: keys.nameSkeletonFolded }] },
    select: { id: true },
  })
  if (other) throw nameTaken(field)
}

export async function register(ctx: Context, input: { username: string; email: string; password: string }) {
  const name = checkUsername(input.username)
  const email = checkEmail(input.email)
  checkPassword(input.password)
  const keys = nameSkeletons(name)
  await checkNameFree(ctx, keys)
  const passwordHash = await hashPassword(input.password)
  // the account, its session and its login record: all or nothing
  const { userId, token } = await ctx.prisma.$transaction(async (tx) => {
    let user
    try {
      user = await tx.user.create({
        data: { name, nameLower: name.toLowerCase(), slug: slugOf(name), ...keys, email, passwordHash },
        select: { id: true },
      })
    } catch (e) {
      // a race the lookup could not see: the unique indexes decide (an email, or a name or look-alike registered
      // meanwhile)
      if (isUniqueViolation(e)) {
        if (/email/i.test(JSON.stringify((e as { meta?: unknown }).meta ?? null)))
          throw new AppError('USER_ALREADY_EXISTS', 'email: a user with this email already exists', { field: 'email' })
        throw nameTaken('username')
      }
      throw e
    }
    return { userId: user.id, token: await openSession(ctx, tx, user.id) }
  }, TX_OPTIONS)
  return enterSession(ctx, userId, token)
}

/**
 * A sign-in's rows in the caller's transaction (with what else the sign-in changes: a new account, a spent code …):
 * the session and the login record. Returns the session's token, for enterSession once the transaction committed.
 */
export async function openSession(ctx: Context, tx: Prisma.TransactionClient, userId: number) {
  const { token } = await createSession(tx, ctx.config.sessionSecret, userId, ctx.config.sessionTtlDays, {
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  })
  await recordLogin(tx, userId, ctx.ip, ctx.userAgent)
  return token
}

/** After a sign-in committed: the rest of this request (the payload's viewer fields) runs as the user. */
export async function enterSession(ctx: Context, userId: number, token: string) {
  ctx.viewer = await resolveViewer(ctx.prisma, ctx.config.sessionSecret, token)
  ctx.token = token
  return { token, userId }
}

/**
 * Login by username or email. Unknown users and wrong passwords take the same path (a dummy hash is verified) and
 * count against the same kinds of budget, so neither the answer nor its timing tells whether an account exists.
 *
 * Failures are counted BEFORE the password is verified, each count one atomic step (memory or Redis), so a burst of
 * parallel guesses cannot slip past a limit that only counts after verification. A success gives its counts back.
 * - per account, keyed by the account's id (its username and its email share one budget; an unknown login is keyed
 *   by its normalized text): LOGIN_ATTEMPTS_PER_15MIN, then RATE_LIMIT_EXCEEDED whatever the password;
 * - per client address, ×5 — past it the address is slowed, not shut (everyone behind one proxy shares an address;
 *   OWASP: throttle without letting one guesser lock out everybody): accounts that already failed from this address
 *   in the window are refused there, every other attempt from it waits its turn in a one-a-second lane.
 */
export async function login(ctx: Context, input: { login: string; password: string; captcha?: string | null }) {
  const key = input.login.trim().toLowerCase()
  if (!(await ctx.services.captcha.verify(input.captcha, ctx.ip)))
    throw new AppError('CAPTCHA_REQUIRED', 'captcha: the captcha check failed', { field: 'captcha' })
  if (!key) throw new AppError('INVALID_CREDENTIALS', 'login: must not be empty', { field: 'login' })
  const user = await ctx.prisma.user.findFirst({ where: key.includes('@') ? { email: key } : { nameLower: key } })
  const succeeded = await loginAttempt(ctx, user ? `id:${user.id}` : `login:${key}`)
  const { ok, rehash } = await verifyPassword(user?.passwordHash, input.password)
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password')
  await succeeded()
  if (user.blocked) throw new AppError('USER_BLOCKED')
  const newHash = rehash ? await hashPassword(input.password) : null
  const token = await ctx.prisma.$transaction(async (tx) => {
    if (newHash !== null) await tx.user.update({ where: { id: user.id }, data: { passwordHash: newHash } })
    return openSession(ctx, tx, user.id)
  }, TX_OPTIONS)
  return enterSession(ctx, user.id, token)
}

/**
 * Counts one sign-in attempt at `account` (`id:<user id>`, or the text tried when no account has it) before its secret
 * is checked (the budgets of `login` above, which JustChat's SMS keys share); returns what gives the counts back when
 * the secret was right.
 */
export async function loginAttempt(ctx: Context, account: string): Promise<() => Promise<void>> {
  const { loginPerIp, loginPerAccount, loginPerAccountIp, loginSlowLane } = ctx.services.limits
  const pair = `${account}|${ctx.ip}`
  const [ip, tried] = await Promise.all([loginPerIp.hit(ctx.ip), loginPerAccountIp.hit(pair)])
  if (ip.over) {
    // this attempt is counted in `tried`: more than one means this address already guessed at this account
    if (tried.consumed > 1) throw loginPerIp.refusal(Math.min(ip.msBeforeNext, tried.msBeforeNext))
    await loginSlowLane.enter(ctx.ip)
  }
  await loginPerAccount.consume(account)
  return async () => {
    await Promise.all([loginPerIp.giveBack(ctx.ip), loginPerAccountIp.reset(pair), loginPerAccount.reset(account)])
  }
}

export async function logout(ctx: Context) {
  if (!ctx.viewer || !ctx.token) throw new AppError('UNAUTHENTICATED')
  // by session id: the request's own session, which also closes its live sockets (on every instance)
  await revokeSession(ctx, ctx.viewer.id, ctx.viewer.sessionId)
  return true
}

/** peka2 /api/user/login/bytoken: the viewer a token stands for. */
export async function viewerOfToken(ctx: Context, token: string) {
  const viewer = await resolveViewer(ctx.prisma, ctx.config.sessionSecret, token)
  // common.md: "works only with a token from the site's own login; an OAuth token gives an error"
  if (!viewer || viewer.oauth) throw new AppError('INVALID_TOKEN')
  // Logging in by token: the rest of this request runs as that user.
  ctx.viewer = viewer
  ctx.token = token
  return viewer
}

export async function findUser(ctx: Context, by: { id?: number | null; name?: string | null }) {
  const where = by.id != null ? { id: by.id } : by.name ? { nameLower: by.name.toLowerCase() } : null
  if (!where) throw new AppError('MISSING_REQUIRED_FIELD', 'id or name: one is required', { field: 'id' })
  const user = await ctx.prisma.user.findFirst({ where })
  if (!user) throw new AppError('USER_NOT_FOUND')
  return user
}
