import { definePlugin, type Plugin } from '../plugin-system/contract.js'
import { CORE_TOPICS } from '../pubsub/topics.js'
import { addUserSchema } from './users/schema.js'
import { userRoutes } from './users/rest.js'
import { messengerUserRoutes } from './users/messenger-rest.js'
import { accountRoutes } from './users/account-rest.js'
import { socialRoutes } from './social/rest.js'
import { addNotificationSchema } from './notifications/schema.js'
import { addAccountSchema } from './users/account-schema.js'
import { addDirectorySchema } from './users/directory-schema.js'
import { addRoleSchema } from './roles/schema.js'
import { addSocialSchema } from './social/schema.js'
import { backfillNameSkeletons } from './users/skeletons.js'
import { STREAM_SETTINGS } from './settings/settings.js'
import { settingsSelection } from './settings/schema.js'
import type { SettingsSection } from './settings/sections.js'
import { STREAM_KIND, type ContentKind } from './social/kinds.js'
import { addFileSchema } from '../uploads/files-schema.js'
import { fileRoutes } from '../uploads/files-rest.js'
import { filesRoute } from '../uploads/files-route.js'
import { addOAuthSchema } from './oauth/schema.js'
import { oauthRoutes } from './oauth/rest.js'
import { OAUTH_ERRORS } from './oauth/errors.js'
import { CORE_EXAMPLES } from './examples.js'
import { addThirdPartySchema } from './oauth/thirdparty/schema.js'
import { thirdPartyRoutes } from './oauth/thirdparty/rest.js'
import { readThirdPartyConfig, thirdPartyState } from './oauth/thirdparty/config.js'
import { notifierSocketStreams, sessionSocketEvents } from './sockets/session-events.js'
import { addPluginSwitchSchema } from './operators/plugins-schema.js'
import { addOpsSchema } from './operators/ops-schema.js'

/** Entries by name, refusing a name two plugins claim. */
function byName<T>(what: string, entries: [string, T, string][]): Map<string, T> {
  const out = new Map<string, T>()
  const owner = new Map<string, string>()
  for (const [name, value, plugin] of entries) {
    if (out.has(name)) throw new Error(`${what} "${name}" is declared by both ${owner.get(name)} and ${plugin}`)
    out.set(name, value)
    owner.set(name, plugin)
  }
  return out
}

/**
 * The always-on core: users, sessions, roles, settings, follows, ignores, notifications. Its settings sections and
 * follow/ignore kinds are its own plus those the enabled plugins declare, so it is made for one set of plugins.
 */
export function createCorePlugin(enabled: readonly Plugin[]): Plugin {
  const sections = byName<SettingsSection>('settings section', [
    ['stream', STREAM_SETTINGS, 'core'],
    ...enabled.flatMap((p) =>
      Object.entries(p.userSettings).map(([name, s]): [string, SettingsSection, string] => [name, s, p.name]),
    ),
  ])
  const kinds = (what: string, own: ContentKind, declared: (p: Plugin) => readonly ContentKind[]) =>
    byName<ContentKind>(what, [
      [own.value, own, 'core'],
      ...enabled.flatMap((p) => declared(p).map((k): [string, ContentKind, string] => [k.value, k, p.name])),
    ])
  const follows = kinds('follow kind', STREAM_KIND, (p) => p.follows)
  const ignores = kinds('ignore kind', STREAM_KIND, (p) => p.ignores)
  const settings = settingsSelection(sections)
  return definePlugin({
    name: 'core',
    examples: CORE_EXAMPLES,
    topics: CORE_TOPICS,
    schema(builder) {
      const { AuthPayload } = addUserSchema(builder, sections)
      addAccountSchema(builder, AuthPayload)
      addDirectorySchema(builder)
      addRoleSchema(builder)
      addSocialSchema(builder, follows, ignores)
      addNotificationSchema(builder)
      addFileSchema(builder)
      addOAuthSchema(builder)
      addThirdPartySchema(builder, AuthPayload, sections)
      addPluginSwitchSchema(builder)
      addOpsSchema(builder)
    },
    errors: OAUTH_ERRORS,
    config: readThirdPartyConfig,
    rest: [
      ...userRoutes(settings),
      ...accountRoutes(settings),
      ...socialRoutes,
      ...fileRoutes,
      ...oauthRoutes(settings),
      ...thirdPartyRoutes(settings),
      ...messengerUserRoutes,
    ],
    socketEvents: sessionSocketEvents,
    socketStreams: notifierSocketStreams,
    http: [filesRoute],
    // users from before the look-alike keys existed get theirs (a no-op query once done)
    start: async (services, plugin) => {
      thirdPartyState.init(services, plugin.config)
      await backfillNameSkeletons(services.prisma, services.log)
    },
  })
}
