import type { Builder } from '../../schema/builder.js'
import * as roles from './service.js'

export function addRoleSchema(builder: Builder) {
  builder.queryField('usersWithRole', (t) =>
    t.prismaField({
      type: ['User'],
      description: 'Users holding a role (role admins only)',
      authScopes: { roleAdmin: true },
      args: {
        role: t.arg.string({
          required: true,
          description: 'A role name as in the Roles type (ROLE_NOT_FOUND otherwise)',
        }),
      },
      resolve: async (query, _p, args, ctx) => {
        const users = await roles.usersWithRole(ctx, args.role)
        return ctx.prisma.user.findMany({
          ...query,
          where: { id: { in: users.map((u) => u.id) } },
          orderBy: { id: 'asc' },
        })
      },
    }),
  )
  builder.mutationField('setRole', (t) =>
    t.boolean({
      description: 'Sets a role value: true/false for flags, an integer 0–100 for citizen (role admins only)',
      authScopes: { roleAdmin: true },
      args: {
        userId: t.arg.int({ required: true, description: 'The integer id of the user (USER_NOT_FOUND otherwise)' }),
        role: t.arg.string({
          required: true,
          description: 'A role name as in the Roles type (ROLE_NOT_FOUND otherwise)',
        }),
        value: t.arg({
          type: 'JSON',
          required: true,
          description: 'true/false for a flag, an integer 0–100 for citizen',
        }),
      },
      resolve: (_p, args, ctx) => roles.setRole(ctx, args.userId, args.role, args.value),
    }),
  )
}
