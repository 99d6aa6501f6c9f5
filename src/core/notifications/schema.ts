import type { Builder } from '../../schema/builder.js'
import type { NotificationEnvelope } from '../../pubsub/topics.js'
import { signedIn } from '../../auth/signed-in.js'

export function addNotificationSchema(builder: Builder) {
  const Notification = builder.objectRef<NotificationEnvelope>('Notification').implement({
    description: 'A per-user event (peka2 notification events; each plugin sends its own types)',
    fields: (t) => ({
      type: t.exposeString('type', {
        description: "What happened (subscriber, a plugin's own types …); tells how to read `data`",
      }),
      data: t.expose('data', {
        type: 'JSON',
        nullable: true,
        description: "The event's details, shaped by its type; null when it has none",
      }),
      time: t.field({ type: 'DateTime', description: 'When it was sent', resolve: (n) => n.time }),
    }),
  })
  builder.subscriptionField('notifications', (t) =>
    t.field({
      type: Notification,
      description: "The signed-in user's notification stream",
      authScopes: { authenticated: true },
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('core.notification', signedIn(ctx).id),
      resolve: (n) => n,
    }),
  )
}
