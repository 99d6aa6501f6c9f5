import type { Builder } from '../../schema/builder.js'
import type { Context } from '../../context.js'
import type { addUserSchema } from './schema.js'
import { updateProfile } from './profile.js'
import { requestPasswordReset, resetPassword } from './password-reset.js'
import { setBlocked } from './block.js'
import { loginHistory, recentSignIns, type SignIn } from './login-history.js'
import { registerPhone, authPhone, invitePhones, INVITE_MAX_PHONES, INVITES_PER_HOUR } from '../phone/service.js'
import { signedIn } from '../../auth/signed-in.js'

type AuthPayloadRef = ReturnType<typeof addUserSchema>['AuthPayload']

/** Profile edit, password reset, blocking, login history and JustChat's phone sign-up. */
export function addAccountSchema(builder: Builder, AuthPayload: AuthPayloadRef) {
  const ProfileInput = builder.inputType('ProfileInput', {
    description: 'Profile fields to change; omitted fields keep their value',
    fields: (t) => ({
      nickname: t.string({ description: 'at most 32 characters' }),
      location: t.string({ description: 'at most 100 characters' }),
      photo: t.string({ description: 'an image URL or upload path' }),
      dob: t.string({ description: 'date of birth, YYYY-MM-DD' }),
      gender: t.int({ description: '0 or 1' }),
    }),
  })
  const LoginRecord = builder.prismaObject('LoginHistory', {
    name: 'LoginRecord',
    description: 'An address and browser the account signed in from; visible to the account owner only',
    fields: (t) => ({
      ip: t.exposeString('ip', { description: 'The IP address' }),
      userAgent: t.exposeString('userAgent', { description: "The browser's User-Agent header" }),
      firstAccess: t.expose('firstAccess', { type: 'DateTime', description: 'The first sign-in from here' }),
      lastAccess: t.expose('lastAccess', { type: 'DateTime', description: 'The last sign-in from here' }),
    }),
  })
  builder.prismaObjectField('User', 'loginHistory', (t) =>
    t.field({
      type: [LoginRecord],
      description: 'The last 10 places this account signed in from (owner only)',
      authScopes: (u: { id: number }, _a: unknown, ctx: Context) => ctx.viewer?.id === u.id,
      resolve: (u, _a, ctx) => loginHistory(ctx.prisma, u.id),
    }),
  )
  const SignInRef = builder.objectRef<SignIn>('SignIn').implement({
    description: 'A sign-in: where from and when, with the first and last sign-in from the same address',
    fields: (t) => ({
      ip: t.exposeString('ip', { description: 'The IP address' }),
      userAgent: t.exposeString('userAgent', { description: "The browser's User-Agent header" }),
      at: t.expose('at', { type: 'DateTime', description: 'When' }),
      firstAccess: t.expose('firstAccess', { type: 'DateTime', description: 'the first sign-in from this address' }),
      lastAccess: t.expose('lastAccess', { type: 'DateTime', description: 'the last sign-in from this address' }),
    }),
  })
  builder.prismaObjectField('User', 'recentSignIns', (t) =>
    t.field({
      type: [SignInRef],
      description: 'The last 10 sign-ins of this account, newest first (owner only)',
      authScopes: (u: { id: number }, _a: unknown, ctx: Context) => ctx.viewer?.id === u.id,
      resolve: (u, _a, ctx) => recentSignIns(ctx.prisma, u.id),
    }),
  )
  const PhoneRegistration = builder.objectRef<{ created: boolean }>('PhoneRegistration').implement({
    description: 'The outcome of a phone sign-up: the SMS key is on its way either way',
    fields: (t) => ({
      created: t.exposeBoolean('created', {
        description: 'false when the phone was already registered (a new code was sent)',
      }),
    }),
  })
  const auth = { authenticated: true } as const
  builder.mutationFields((t) => ({
    updateProfile: t.prismaField({
      type: 'User',
      description: "Changes the viewer's profile and answers the user. Signed-in users; INVALID_INPUT names the field",
      authScopes: auth,
      args: { input: t.arg({ type: ProfileInput, required: true, description: 'The fields to change' }) },
      resolve: async (query, _p, { input }, ctx) => {
        await updateProfile(ctx, input)
        return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: signedIn(ctx).id } })
      },
    }),
    requestPasswordReset: t.boolean({
      description: 'Mails a new password and a code that sets it; true whether or not the address exists',
      args: { email: t.arg.string({ required: true, description: 'The email of the account' }) },
      resolve: (_p, a, ctx) => requestPasswordReset(ctx, a.email),
    }),
    resetPassword: t.field({
      type: AuthPayload,
      description: 'Spends a reset code: sets the mailed password (or newPassword) and signs in',
      args: {
        code: t.arg.string({ required: true, description: 'The code from the reset mail' }),
        newPassword: t.arg.string({
          description: 'A password of your own instead of the mailed one (8–128 characters)',
        }),
      },
      resolve: (_p, a, ctx) => resetPassword(ctx, a.code, a.newPassword),
    }),
    setUserBlocked: t.boolean({
      description: "Blocks or unblocks an account; a blocked account's tokens stop working at once (blockers only)",
      authScopes: { blocker: true },
      args: {
        userId: t.arg.int({ required: true, description: 'The integer id of the user (USER_NOT_FOUND otherwise)' }),
        state: t.arg.boolean({ required: true, description: 'true blocks, false unblocks' }),
      },
      resolve: (_p, a, ctx) => setBlocked(ctx, a.userId, a.state),
    }),
    registerPhone: t.field({
      type: PhoneRegistration,
      description:
        'JustChat sign-up: creates the account once and sends a key by SMS, which signs in until the next sign-up',
      args: {
        phone: t.arg.string({
          required: true,
          description: 'The phone number, international format (INVALID_PHONE otherwise)',
        }),
        profile: t.arg({ type: ProfileInput, description: 'Profile fields for a new account' }),
      },
      resolve: (_p, a, ctx) => registerPhone(ctx, a.phone, a.profile ?? {}),
    }),
    loginWithPhone: t.field({
      type: AuthPayload,
      description: 'JustChat sign-in with the SMS key (wrong keys count as wrong passwords do)',
      args: {
        phone: t.arg.string({ required: true, description: 'The registered phone number' }),
        code: t.arg.string({ required: true, description: 'The key from the SMS' }),
      },
      resolve: (_p, a, ctx) => authPhone(ctx, a.phone, a.code),
    }),
    invitePhones: t.boolean({
      authScopes: auth,
      description:
        `Invites phone numbers (at most ${INVITE_MAX_PHONES} per call, ${INVITES_PER_HOUR} an hour per inviter): ` +
        'each gets an account and a sign-up code',
      args: {
        phones: t.arg.stringList({
          required: true,
          description: `Phone numbers, international format; at most ${INVITE_MAX_PHONES}`,
          extensions: { maxItems: INVITE_MAX_PHONES },
        }),
      },
      resolve: (_p, a, ctx) => invitePhones(ctx, a.phones),
    }),
  }))
}
