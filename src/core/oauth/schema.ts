import type { Builder } from '../../schema/builder.js'
import type { Context } from '../../context.js'
import { approveApp, myApp, removeApp, resetSecret, saveApp, type OAuthAppView } from './apps.js'
import { checkCode, exchangeCode, grantCode, requestCode } from './codes.js'
import { myGrants, revokeGrant } from './grants.js'
import { ALL_SCOPES, scopeEnumName } from './scopes.js'
import { ROLE_DESCRIPTIONS, isRoleName } from '../../auth/roles.js'
import { enterSession } from '../users/service.js'

/** The owner and role admins see an application's client id; others get null (peka2: "with an empty key"). */
const mayKnowKey = (app: OAuthAppView, ctx: Context) =>
  !!ctx.viewer && (ctx.viewer.id === app.ownerId || ctx.viewer.roles.roleAdmin > 0)

/** What a scope lets a token do: READ and WRITE, or a role of the user (when they hold it). */
function scopeDescription(scope: string): string {
  if (scope === 'read') return 'Queries and subscriptions as the user; always granted'
  if (scope === 'write') return 'Mutations as the user'
  return isRoleName(scope) ? `The user's ${scope} role, when they hold it: ${ROLE_DESCRIPTIONS[scope]}` : scope
}

/** The OAuth 2.0 server: applications, the authorization code flow with PKCE, grants (oauth.md). */
export function addOAuthSchema(builder: Builder) {
  const Scope = builder.enumType('OAuthScope', {
    description:
      'What an application may do as a user: READ (queries and subscriptions, always granted), WRITE (mutations), ' +
      'or a role the user holds (ROLE_ADMIN, SUPPORT …). Beyond READ only for applications staff approved.',
    values: Object.fromEntries(
      ALL_SCOPES.map((s) => [scopeEnumName(s), { value: s, description: scopeDescription(s) }]),
    ),
  })
  const App = builder.objectRef<OAuthAppView>('OAuthApp').implement({
    description: 'A third-party application (one per account)',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'what /api/oauth/reject and revokeOAuthGrant take' }),
      name: t.exposeString('name', { description: 'Its name as users see it on the consent page (1–64 characters)' }),
      description: t.exposeString('description', {
        description: 'What it does, for the consent page (1–1,000 characters)',
      }),
      clientId: t.string({
        nullable: true,
        description: "its public key (peka2 `key`): its owner's and role admins' to see, null for others",
        resolve: (a, _x, ctx) => (mayKnowKey(a, ctx) ? a.clientId : null),
      }),
      approved: t.exposeBoolean('approved', { description: 'staff allowed it scopes beyond READ' }),
      redirectUri: t.exposeString('redirectUri', { description: "where users are sent back ('' for none)" }),
    }),
  })
  const Saved = builder.objectRef<{ app: OAuthAppView; secret: string | null }>('OAuthAppSaved').implement({
    description: "The viewer's application after a change, with its secret when one was just made",
    fields: (t) => ({
      app: t.field({ type: App, description: 'The application as saved', resolve: (s) => s.app }),
      clientSecret: t.string({
        nullable: true,
        description: 'the secret, shown this once (on creation and reset); only its hash is kept',
        resolve: (s) => s.secret,
      }),
    }),
  })
  const CodeRequest = builder.objectRef<{ code: string; expiresAt: Date }>('OAuthCodeRequest').implement({
    description: 'A code an application asked for, waiting for the user to grant it',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'send the user to grant it; valid 10 minutes, once' }),
      expiresAt: t.field({
        type: 'DateTime',
        description: 'When the code stops being valid',
        resolve: (c) => c.expiresAt,
      }),
    }),
  })
  type CodeInfo = Awaited<ReturnType<typeof checkCode>>
  const CodeInfo = builder.objectRef<CodeInfo>('OAuthCodeInfo').implement({
    description: 'A code waiting for a user to grant it: what a consent page shows',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "The code request's integer id" }),
      app: t.field({ type: App, description: 'The application asking', resolve: (c) => c.app }),
      scopes: t.field({ type: [Scope], description: 'What it asks to do', resolve: (c) => c.scopes }),
      expiresAt: t.field({
        type: 'DateTime',
        description: 'When the code stops being valid',
        resolve: (c) => c.expiresAt,
      }),
    }),
  })
  const Granted = builder.objectRef<{ redirectUri: string | null; scopes: string[] }>('OAuthGranted').implement({
    description: 'A code the viewer granted: where to send them next',
    fields: (t) => ({
      redirectUri: t.exposeString('redirectUri', {
        nullable: true,
        description: "where to send the user: the application's redirect with code and state; null for none",
      }),
      scopes: t.field({ type: [Scope], description: 'What the application may now do', resolve: (g) => g.scopes }),
    }),
  })
  const Token = builder
    .objectRef<{ token: string; expiresAt: Date; scopes: string[]; userId: number }>('OAuthToken')
    .implement({
      description: 'An access token: send it as `Authorization: Bearer <token>`; it acts within its scopes only',
      fields: (t) => ({
        accessToken: t.exposeString('token', { description: 'The token; shown this once' }),
        tokenType: t.string({ description: 'Always "Bearer"', resolve: () => 'Bearer' }),
        expiresAt: t.field({
          type: 'DateTime',
          description: 'When the token stops working',
          resolve: (x) => x.expiresAt,
        }),
        scopes: t.field({ type: [Scope], description: 'What the token may do', resolve: (x) => x.scopes }),
        viewer: t.prismaField({
          type: 'User',
          description: 'The user the token acts for',
          resolve: (q, x, _a, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...q, where: { id: x.userId } }),
        }),
      }),
    })
  type GrantRow = Awaited<ReturnType<typeof myGrants>>[number]
  const Grant = builder.objectRef<GrantRow>('OAuthGrant').implement({
    description: 'An application the viewer let act for them',
    fields: (t) => ({
      app: t.field({ type: App, description: 'The application', resolve: (g) => g.app }),
      scopes: t.field({ type: [Scope], description: 'What it may do', resolve: (g) => g.scopes }),
      createdAt: t.field({ type: 'DateTime', description: 'When the viewer granted it', resolve: (g) => g.createdAt }),
    }),
  })

  const auth = { authenticated: true } as const
  builder.queryFields((t) => ({
    myOAuthApp: t.field({
      type: App,
      nullable: true,
      authScopes: auth,
      description: "The viewer's application (peka2 /api/oauth/app), null before they register one",
      resolve: (_p, _a, ctx) => myApp(ctx),
    }),
    oauthCode: t.field({
      type: CodeInfo,
      description:
        'A code waiting to be granted (peka2 /api/oauth/check); INVALID_CODE when granted, expired or unknown',
      args: { code: t.arg.string({ required: true, description: 'The code from requestOAuthCode' }) },
      resolve: (_p, a, ctx) => checkCode(ctx, a.code),
    }),
    oauthGrants: t.field({
      type: [Grant],
      authScopes: auth,
      description: 'Applications the viewer let act for them, newest first, at most 100 (site sessions only)',
      resolve: (_p, _a, ctx) => myGrants(ctx),
    }),
  }))
  const AppInput = builder.inputType('OAuthAppInput', {
    description: "The viewer's application as they want it",
    fields: (f) => ({
      name: f.string({ required: true, description: '1–64 characters' }),
      description: f.string({ required: true, description: '1–1,000 characters' }),
      redirectUri: f.string({
        description: "https, http on localhost, or an app scheme (com.example.app:/cb); '' for none; null keeps it",
      }),
    }),
  })
  builder.mutationFields((t) => ({
    saveOAuthApp: t.field({
      type: Saved,
      authScopes: auth,
      description:
        "Registers or changes the viewer's application (peka2 /api/oauth/app/set); a change takes approval back",
      args: { input: t.arg({ type: AppInput, required: true, description: 'The application' }) },
      resolve: (_p, { input }, ctx) => saveApp(ctx, input),
    }),
    resetOAuthClientSecret: t.field({
      type: Saved,
      authScopes: auth,
      description: "A new secret for the viewer's application; the old one stops working",
      resolve: (_p, _a, ctx) => resetSecret(ctx),
    }),
    removeOAuthApp: t.boolean({
      authScopes: auth,
      description: "Removes the viewer's application (a role admin: any, by clientId) with all its grants and tokens",
      args: {
        clientId: t.arg.string({ description: "Another user's application (role admins only); omit for your own" }),
      },
      resolve: (_p, a, ctx) => removeApp(ctx, a.clientId),
    }),
    approveOAuthApp: t.field({
      type: App,
      authScopes: { roleAdmin: true },
      description: 'Allows an application scopes beyond READ, or takes that back (role admins)',
      args: {
        clientId: t.arg.string({ required: true, description: "The application's client id" }),
        approved: t.arg.boolean({
          required: true,
          description: 'true allows scopes beyond READ, false takes that back',
        }),
      },
      resolve: (_p, a, ctx) => approveApp(ctx, a.clientId, a.approved),
    }),
    requestOAuthCode: t.field({
      type: CodeRequest,
      description:
        'An application asks for a code (peka2 /api/oauth/request). With a PKCE challenge (S256) the exchange shows ' +
        'the verifier; without, the client secret.',
      args: {
        clientId: t.arg.string({ required: true, description: "The application's client id" }),
        scopes: t.arg({ type: [Scope], description: 'default [READ]' }),
        redirectUri: t.arg.string({ description: 'if given, the registered one' }),
        codeChallenge: t.arg.string({ description: 'PKCE: base64url SHA-256 of the verifier the exchange will show' }),
        codeChallengeMethod: t.arg.string({ description: 'S256 (the default) only' }),
        state: t.arg.string({ description: 'handed back with the redirect, at most 500 characters' }),
      },
      resolve: (_p, a, ctx) => requestCode(ctx, a),
    }),
    grantOAuthCode: t.field({
      type: Granted,
      authScopes: auth,
      description: 'The viewer lets the application have the code (peka2 /api/oauth/grant; site sessions only)',
      args: { code: t.arg.string({ required: true, description: 'The code the application asked for' }) },
      resolve: (_p, a, ctx) => grantCode(ctx, a.code),
    }),
    exchangeOAuthCode: t.field({
      type: Token,
      description:
        'A granted code → an access token (peka2 /api/oauth/exchange), once; the client shows its PKCE verifier or ' +
        'its secret',
      args: {
        code: t.arg.string({ required: true, description: 'The granted code' }),
        codeVerifier: t.arg.string({ description: 'PKCE verifier, when the request had a challenge' }),
        clientId: t.arg.string({ description: "The application's client id" }),
        clientSecret: t.arg.string({ description: "The application's secret, when the request had no challenge" }),
        redirectUri: t.arg.string({ description: 'The redirect the request named, if it named one' }),
      },
      resolve: async (_p, a, ctx) => {
        const issued = await exchangeCode(ctx, a)
        // the rest of this request (the token's viewer) runs as the user, as after a login
        await enterSession(ctx, issued.userId, issued.token)
        return issued
      },
    }),
    revokeOAuthGrant: t.boolean({
      authScopes: auth,
      description: "Takes an application's access back (peka2 /api/oauth/reject): its tokens end at once",
      args: { appId: t.arg.int({ required: true, description: "The application's databaseId" }) },
      resolve: (_p, a, ctx) => revokeGrant(ctx, a.appId),
    }),
  }))
}
