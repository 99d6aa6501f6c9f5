import type { Builder } from '../../schema/builder.js'
import { opsState, type OpsInstance, type OpsOverview, type OpsRate } from '../../ops/index.js'

/** The operator console's live figures: `opsOverview` and `opsStats` (operators only). */
export function addOpsSchema(builder: Builder) {
  const Rate = builder.objectRef<OpsRate>('OpsRate').implement({
    description: 'A count since the instance started and its rate over the last few seconds',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'What is counted: an operation name or a topic' }),
      perSecond: t.exposeFloat('perSecond', { description: 'Per second over the last few seconds' }),
      total: t.exposeFloat('total', { description: 'Since the instance started' }),
    }),
  })
  const Instance = builder.objectRef<OpsInstance>('OpsInstance').implement({
    description: 'One instance of the deployment, as its heartbeat (through Redis) says',
    fields: (t) => ({
      id: t.exposeString('id', { description: 'Random per process start' }),
      startedAt: t.field({ type: 'DateTime', description: 'When its process started', resolve: (i) => i.startedAt }),
      lastSeenAt: t.field({
        type: 'DateTime',
        description: 'Its last heartbeat (every few seconds); without Redis only the answering instance is listed',
        resolve: (i) => i.lastSeenAt,
      }),
      plugins: t.exposeStringList('plugins', { description: 'The plugins enabled on that instance' }),
      wsConnections: t.exposeInt('wsConnections', { description: 'Open graphql-ws connections on it' }),
    }),
  })
  const Overview = builder.objectRef<OpsOverview>('OpsOverview').implement({
    description: "An instance's live figures, with the instances it knows of",
    fields: (t) => ({
      at: t.field({ type: 'DateTime', description: 'When these figures were taken', resolve: (o) => o.at }),
      instance: t.exposeString('instance', { description: 'The id of the instance answering' }),
      instances: t.field({
        type: [Instance],
        description: 'Instances with a recent heartbeat, this one included',
        resolve: (o) => o.instances,
      }),
      databaseUp: t.exposeBoolean('databaseUp', { description: 'The database answered SELECT 1 in time' }),
      redisUp: t.exposeBoolean('redisUp', { nullable: true, description: 'Null when no Redis is configured' }),
      requestsPerSecond: t.exposeFloat('requestsPerSecond', {
        description: 'HTTP requests (all routes) over the last few seconds',
      }),
      errorsPerSecond: t.exposeFloat('errorsPerSecond', {
        description: 'GraphQL results with errors and HTTP 5xx answers over the last few seconds',
      }),
      operations: t.field({
        type: [Rate],
        description: 'GraphQL operations completed, by operation name, busiest first, at most 20',
        resolve: (o) => o.operations,
      }),
      published: t.field({
        type: [Rate],
        description: 'Pub/sub events published on this instance, by topic, busiest first',
        resolve: (o) => o.published,
      }),
      wsConnections: t.exposeInt('wsConnections', { description: 'Open graphql-ws connections on this instance' }),
      wsSubscriptions: t.exposeInt('wsSubscriptions', { description: 'Live subscriptions on this instance' }),
    }),
  })
  builder.queryField('opsOverview', (t) =>
    t.field({
      type: Overview,
      description: "The answering instance's live figures (operators)",
      authScopes: { operator: true },
      resolve: (_p, _a, ctx) => opsState.of(ctx.services).overview(),
    }),
  )
  builder.subscriptionField('opsStats', (t) =>
    t.field({
      type: Overview,
      description: 'opsOverview about every second while subscribed (operators)',
      authScopes: { operator: true },
      subscribe: (_p, _a, ctx) => opsState.of(ctx.services).stats(),
      resolve: (o) => o,
    }),
  )
}
