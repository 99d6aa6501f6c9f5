import type { Builder } from '../../schema/builder.js'
import { rolesFromRows } from '../../auth/roles.js'
import { withDefaults, mergeSettings, type SettingsSections } from '../settings/settings.js'
import { addSettingsTypes } from '../settings/schema.js'
import { addRolesType } from '../roles/schema-types.js'
import { AppError } from '../../errors.js'
import type { Context } from '../../context.js'
import * as users from './service.js'
import { signedIn } from '../../auth/signed-in.js'

const selfOrRoleAdmin = (user: { id: number }, _args: unknown, ctx: Context) =>
  ctx.viewer?.id === user.id ? true : { roleAdmin: true }

/** `sections`: the settings sections of this app (the core's and the enabled plugins'). */
export function addUserSchema(builder: Builder, sections: SettingsSections) {
  const { Settings, SettingsInput } = addSettingsTypes(builder, sections)
  const Roles = addRolesType(builder)

  const User = builder.prismaNode('User', {
    description:
      'A registered user. Public profile for everyone; email, roles and settings for the user and role admins only',
    id: { field: 'id' },
    // node(id:) of a missing user is null, not a "no record" error
    nullable: true,
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id the REST dialects use' }),
      name: t.exposeString('name', {
        description: 'Unique user name, shown wherever the user appears (3–32 characters)',
      }),
      slug: t.exposeString('slug', { description: 'Short name for links (a stream channel …)' }),
      nickname: t.exposeString('nickname', {
        nullable: true,
        description: 'Display name set in the profile; null when unset',
      }),
      location: t.exposeString('location', {
        nullable: true,
        description: 'Free-text location from the profile; null when unset',
      }),
      photo: t.exposeString('photo', { nullable: true, description: 'Avatar URL; null when none was set' }),
      gender: t.exposeInt('gender', { nullable: true, description: '0 or 1 (JustChat)' }),
      dob: t.expose('dob', {
        type: 'DateTime',
        nullable: true,
        description: 'Date of birth from the profile; null when unset',
      }),
      blocked: t.exposeBoolean('blocked', { description: 'Blocked by a blocker: cannot sign in' }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was registered' }),
      email: t.exposeString('email', {
        nullable: true,
        authScopes: selfOrRoleAdmin,
        description:
          'Sign-in email; the user and role admins only (INSUFFICIENT_PERMISSIONS otherwise); null for phone accounts',
      }),
      // Phones are private: null for anyone but the owner (no error, so JustChat's getUser still answers).
      phone: t.string({
        nullable: true,
        description: 'Phone number in international format; the user only, null for anyone else',
        resolve: (u, _a, ctx) => (ctx.viewer?.id === u.id ? u.phone : null),
      }),
      roles: t.field({
        type: Roles,
        description: "The user's site roles; the user and role admins only",
        select: { roles: true },
        authScopes: selfOrRoleAdmin,
        resolve: (u) => rolesFromRows(u.roles),
      }),
      settings: t.field({
        type: Settings,
        description: "The user's settings with defaults filled in; the user and role admins only",
        authScopes: selfOrRoleAdmin,
        resolve: (u) => withDefaults(sections, u.settings),
      }),
    }),
  })

  const AuthPayload = builder.objectRef<{ token: string; userId: number }>('AuthPayload').implement({
    description: 'A new session: its token and the signed-in user',
    fields: (t) => ({
      token: t.exposeString('token', { description: 'Bearer token; send as `Authorization: Bearer <token>`' }),
    }),
  })
  builder.objectField(AuthPayload, 'viewer', (t) =>
    t.prismaField({
      type: 'User',
      description: 'The user the token signs in',
      resolve: (query, parent, _a, ctx) =>
        ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: parent.userId } }),
    }),
  )

  builder.queryFields((t) => ({
    viewer: t.prismaField({
      type: 'User',
      nullable: true,
      description: 'The signed-in user, or null for a guest',
      resolve: (query, _p, _a, ctx) =>
        ctx.viewer ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
    }),
    user: t.prismaField({
      type: 'User',
      description: 'A user by databaseId or by name (USER_NOT_FOUND otherwise)',
      args: {
        databaseId: t.arg.int({ description: 'The integer user id; takes precedence over `name`' }),
        name: t.arg.string({ description: 'The user name, case-insensitive' }),
      },
      resolve: async (query, _p, args, ctx) => {
        const u = await users.findUser(ctx, { id: args.databaseId, name: args.name })
        return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: u.id } })
      },
    }),
    users: t.prismaField({
      type: ['User'],
      description: 'Users by databaseId (at most 100); unknown ids are skipped',
      args: { databaseIds: t.arg.intList({ required: true, description: 'Integer user ids, at most 100' }) },
      resolve: (query, _p, args, ctx) => {
        if (args.databaseIds.length > 100)
          throw new AppError('INVALID_INPUT', 'databaseIds: at most 100', { field: 'databaseIds' })
        return ctx.prisma.user.findMany({ ...query, where: { id: { in: args.databaseIds } } })
      },
    }),
    defaultSettings: t.field({
      type: Settings,
      description: 'Settings a guest gets',
      resolve: () => withDefaults(sections, {}),
    }),
    defaultRoles: t.field({ type: Roles, description: 'Roles a guest gets', resolve: () => rolesFromRows([]) }),
    viewerByToken: t.prismaField({
      type: 'User',
      description: 'The user a token belongs to (INVALID_TOKEN otherwise)',
      args: {
        token: t.arg.string({ required: true, description: 'A session token from login (OAuth tokens are refused)' }),
      },
      resolve: async (query, _p, args, ctx) => {
        const v = await users.viewerOfToken(ctx, args.token)
        return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: v.id } })
      },
    }),
  }))

  builder.mutationFields((t) => ({
    register: t.field({
      type: AuthPayload,
      description:
        'Create an account and sign it in. Anyone. INVALID_USERNAME, INVALID_EMAIL, WEAK_PASSWORD, USER_ALREADY_EXISTS (a name that is taken or looks like one)',
      args: {
        input: t.arg({
          required: true,
          description: 'The new account',
          type: builder.inputType('RegisterInput', {
            description: 'A new account: name, email and password',
            fields: (f) => ({
              username: f.string({ required: true, description: '3–32 letters, digits, _ or -' }),
              email: f.string({
                required: true,
                description: 'A valid address of at most 254 characters; one account per email',
              }),
              password: f.string({ required: true, description: '8–128 characters with a letter and a digit' }),
            }),
          }),
        }),
      },
      resolve: (_p, { input }, ctx) => users.register(ctx, input),
    }),
    login: t.field({
      type: AuthPayload,
      description:
        'Sign in with a name or email and a password. Anyone; rate-limited per IP and per account. INVALID_CREDENTIALS, USER_BLOCKED, CAPTCHA_REQUIRED',
      args: {
        input: t.arg({
          required: true,
          description: 'The credentials',
          type: builder.inputType('LoginInput', {
            description: 'Credentials for login',
            fields: (f) => ({
              login: f.string({ required: true, description: 'username or email' }),
              password: f.string({ required: true, description: "The account's password" }),
              captcha: f.string({ description: 'captcha response, when the server checks one (CAPTCHA_VERIFY_URL)' }),
            }),
          }),
        }),
      },
      resolve: (_p, { input }, ctx) => users.login(ctx, input),
    }),
    logout: t.boolean({
      description: "End the request's session: its token stops working and its live sockets close. Signed-in users",
      authScopes: { authenticated: true },
      resolve: (_p, _a, ctx) => users.logout(ctx),
    }),
    updateSettings: t.field({
      type: Settings,
      description:
        "Change some of the viewer's settings (peka2 /api/user/settings); answers the whole settings object. Signed-in users; INVALID_INPUT names the setting out of bounds",
      authScopes: { authenticated: true },
      args: { settings: t.arg({ type: SettingsInput, required: true, description: 'The settings to change' }) },
      resolve: async (_p, args, ctx) => {
        const current = await ctx.prisma.user.findUniqueOrThrow({
          where: { id: signedIn(ctx).id },
          select: { settings: true },
        })
        const next = mergeSettings(sections, current.settings, stripNulls(args.settings))
        await ctx.prisma.user.update({ where: { id: signedIn(ctx).id }, data: { settings: next.stored } })
        return next.shown
      },
    }),
  }))
  return { User, Settings, Roles, AuthPayload }
}

/** GraphQL sends omitted-or-null alike; a null in a partial update means "leave as is". */
function stripNulls(o: unknown): unknown {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return o
  return Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, stripNulls(v)]),
  )
}
