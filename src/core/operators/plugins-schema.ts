import type { Builder } from '../../schema/builder.js'
import type { PluginStateView } from '../../plugin-system/switch.js'
import type { Context } from '../../context.js'
import { PLUGIN_SWITCH_KEY } from '../../pubsub/topics.js'
import { invalid } from '../../errors.js'

/** Who made a switch, as stored: the operator's user name, or the token used for automation. */
const operatorName = (ctx: Context) => ctx.viewer?.name ?? 'operator token'

/** Operators switch plugins on and off while the app runs, on every instance (src/app/live-plugins.ts). */
export function addPluginSwitchSchema(builder: Builder) {
  const PluginState = builder.objectRef<PluginStateView>('PluginState').implement({
    description: 'A plugin as operators see it: on or off on this deployment, and what it needs',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'The plugin name, as PLUGINS and `npm run plugins` take it' }),
      enabled: t.exposeBoolean('enabled', { description: 'On: its fields, REST routes and socket events are served' }),
      requires: t.exposeStringList('requires', { description: 'Plugins it needs on (directly)' }),
      requiredBy: t.exposeStringList('requiredBy', {
        description: 'Enabled plugins that need it, directly or through others: it cannot be switched off before them',
      }),
      changedAt: t.expose('changedAt', {
        type: 'DateTime',
        nullable: true,
        description: 'When an operator last switched it; null: it follows PLUGINS, the start-up default',
      }),
      changedBy: t.exposeString('changedBy', {
        nullable: true,
        description: 'The operator who last switched it (a user name, or "operator token")',
      }),
    }),
  })

  builder.queryField('plugins', (t) =>
    t.field({
      type: [PluginState],
      description: 'Every plugin of this deployment with its state (operators: roleAdmin or OPERATOR_TOKEN)',
      authScopes: { operator: true },
      resolve: (_p, _a, ctx) => ctx.services.plugins.states(),
    }),
  )

  builder.mutationField('setPluginEnabled', (t) =>
    t.field({
      type: [PluginState],
      description:
        'Switches a plugin on or off on every instance within a second, and for later starts (stored; PLUGINS stays ' +
        'the default for plugins never switched). Refused with the requirement chain named when an enabled plugin ' +
        'needs it (PLUGIN_REQUIRED) or one it needs is off (PLUGIN_REQUIREMENT_OFF). Live subscriptions of a plugin ' +
        'switched off end with a PLUGIN_DISABLED error. Answers every plugin after the switch (operators only)',
      authScopes: { operator: true },
      args: {
        name: t.arg.string({ required: true, description: 'The plugin name (1–40 characters)' }),
        enabled: t.arg.boolean({ required: true, description: 'true switches it on, false off' }),
      },
      resolve: (_p, args, ctx) => {
        if (args.name.length < 1 || args.name.length > 40) throw invalid('name', 'must be 1–40 characters')
        return ctx.services.plugins.set(args.name, args.enabled, operatorName(ctx))
      },
    }),
  )

  builder.subscriptionField('pluginsChanged', (t) =>
    t.field({
      type: [PluginState],
      description: 'Every plugin with its state, after each switch made on any instance (operators only)',
      authScopes: { operator: true },
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('core.plugins', PLUGIN_SWITCH_KEY),
      resolve: async (_e, _a, ctx) => {
        // the event may reach this subscriber before this instance applied the switch
        await ctx.services.plugins.sync()
        return ctx.services.plugins.states()
      },
    }),
  )
}
