import type { Builder } from '../../../schema/builder.js'
import type { addUserSchema } from '../../users/schema.js'
import type { SettingsSections } from '../../settings/settings.js'
import { authorizeUrl, providerNames, registerWith, signInWith, type SignInResult } from './service.js'

type AuthPayloadRef = ReturnType<typeof addUserSchema>['AuthPayload']

/** Sign-in and sign-up through the configured OAuth providers (thirdparty.md). */
/** `sections`: the app's settings sections (thirdpartyLogin carries the /api/user/current object). */
export function addThirdPartySchema(builder: Builder, AuthPayload: AuthPayloadRef, sections: SettingsSections) {
  const Registration = builder.objectRef<{ name: string; token: string }>('ThirdPartyRegistration').implement({
    description: 'A provider account with no user yet (thirdpartyRegister): pick a name, then registerWithThirdParty',
    fields: (t) => ({
      name: t.exposeString('name', { description: "a name suggested from the provider's" }),
      token: t.exposeString('token', { description: 'the registration token: 30 minutes, once' }),
    }),
  })
  const SignIn = builder.objectRef<SignInResult>('ThirdPartySignIn').implement({
    description: 'Signed in (a linked account: `session`), or a registration to finish (a new one)',
    fields: (t) => ({
      session: t.field({
        type: AuthPayload,
        nullable: true,
        description: 'The new session when the provider account is linked to a user; null otherwise',
        resolve: (r) => (r.kind === 'signedIn' ? { token: r.token, userId: r.userId } : null),
      }),
      registration: t.field({
        type: Registration,
        nullable: true,
        description: 'A sign-up to finish when the provider account is new; null otherwise',
        resolve: (r) => (r.kind === 'register' ? { name: r.name, token: r.token } : null),
      }),
    }),
  })
  builder.queryFields((t) => ({
    thirdPartyProviders: t.stringList({
      description: 'The providers this site signs in with (THIRDPARTY_PROVIDERS)',
      resolve: (_p, _a, ctx) => providerNames(ctx),
    }),
    thirdPartyAuthorizeUrl: t.string({
      description: 'Where to send a person to sign in at a provider; it comes back to redirectUri with code and state',
      args: {
        provider: t.arg.string({ required: true, description: 'One of thirdPartyProviders (INVALID_INPUT otherwise)' }),
        redirectUri: t.arg.string({ required: true, description: 'Where the provider sends the person back' }),
        sid: t.arg.string({
          description: "a legacy socket's id (peka2's sid): it hears the outcome (thirdpartyLogin, thirdpartyRegister)",
        }),
        link: t.arg.boolean({
          description: 'link the provider account to the signed-in user (needs signing in; finished in their session)',
        }),
      },
      resolve: (_p, a, ctx) => authorizeUrl(ctx, a.provider, a.redirectUri, { sid: a.sid, link: a.link }),
    }),
  }))
  builder.mutationFields((t) => ({
    signInWithThirdParty: t.field({
      type: SignIn,
      description: 'Completes a provider sign-in with the code and state it sent back to redirectUri',
      args: {
        provider: t.arg.string({ required: true, description: 'The provider signed in at' }),
        code: t.arg.string({ required: true, description: 'The code the provider sent back' }),
        state: t.arg.string({
          required: true,
          description: 'The state the provider sent back (checked; INVALID_CODE when stale)',
        }),
        redirectUri: t.arg.string({ required: true, description: 'The redirectUri given to thirdPartyAuthorizeUrl' }),
      },
      resolve: (_p, a, ctx) => signInWith(ctx, a, sections),
    }),
    registerWithThirdParty: t.field({
      type: AuthPayload,
      description: 'Finishes a sign-up through a provider (peka2 /api/oauth/thirdparty/register) and signs in',
      args: {
        name: t.arg.string({ required: true, description: '3–32 letters, digits, _ or -' }),
        token: t.arg.string({ required: true, description: 'the registration token' }),
      },
      resolve: (_p, a, ctx) => registerWith(ctx, a),
    }),
  }))
}
