import type { Builder } from '../../../src/schema/builder.js'
import type { addModerationTypes } from './types.js'
import { ask, banAsker, categories, listTickets, myChannels } from '../support/service.js'
import { idConnection } from '../paging.js'

type Types = ReturnType<typeof addModerationTypes>

/** Support tickets (peka2 /api/support/*); each is the anonymous chat channel support/<id>. */
export function addSupportSchema(builder: Builder, { SupportCategory, SupportTicket }: Types) {
  builder.queryFields((t) => ({
    supportCategories: t.field({ type: [SupportCategory], resolve: (_p, _a, ctx) => categories(ctx) }),
    supportChannels: t.stringList({
      authScopes: { authenticated: true },
      description: "Channels of the caller's last 10 questions: support's turn first, then newest first",
      resolve: (_p, _a, ctx) => myChannels(ctx),
    }),
    supportTickets: t.connection({
      type: SupportTicket,
      authScopes: { support: true },
      description: 'Questions, newest first (support staff); askers who lost canUseSupport are left out',
      args: {
        categoryId: t.arg.int(),
        from: t.arg({ type: 'DateTime' }),
        onlyActive: t.arg.boolean({ description: 'default true' }),
      },
      resolve: (_p, a, ctx) =>
        idConnection(a, (page) =>
          listTickets(ctx, { categoryId: a.categoryId, from: a.from, onlyActive: a.onlyActive }, page),
        ),
    }),
  }))
  builder.mutationFields((t) => ({
    askSupport: t.field({
      type: SupportTicket,
      authScopes: { authenticated: true },
      description: 'Asks support a question (at most 3 without an answer; refused when canUseSupport is off)',
      args: { categoryId: t.arg.int({ required: true }), question: t.arg.string({ required: true }) },
      resolve: (_p, a, ctx) => ask(ctx, a.categoryId, a.question),
    }),
    banFromSupport: t.boolean({
      authScopes: { support: true },
      description: "Takes canUseSupport from a question's asker",
      args: { questionId: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => banAsker(ctx, a.questionId),
    }),
  }))
}
