import type { Builder } from '../../../src/schema/builder.js'
import type { addModerationTypes } from './types.js'
import { ask, banAsker, categories, listTickets, myChannels } from '../support/service.js'
import { idConnection } from '../paging.js'

type Types = ReturnType<typeof addModerationTypes>

/** Support tickets (peka2 /api/support/*); each is the anonymous chat channel support/<id>. */
export function addSupportSchema(builder: Builder, { SupportCategory, SupportTicket }: Types) {
  builder.queryFields((t) => ({
    supportCategories: t.field({
      type: [SupportCategory],
      description: 'The topics a support question may be asked under, by id; open to everyone',
      resolve: (_p, _a, ctx) => categories(ctx),
    }),
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
        categoryId: t.arg.int({ description: 'Only this category (databaseId; else CATEGORY_NOT_FOUND)' }),
        from: t.arg({ type: 'DateTime', description: 'Only questions asked at or after this time' }),
        onlyActive: t.arg.boolean({ description: "default true: only those where it is support's turn" }),
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
      description:
        'Asks support a question (signed-in users): SUPPORT_DENIED when canUseSupport is off, TOO_MANY_OPEN_QUESTIONS with 3 unanswered ones, CATEGORY_NOT_FOUND',
      args: {
        categoryId: t.arg.int({ required: true, description: 'A SupportCategory.databaseId' }),
        question: t.arg.string({ required: true, description: '1 to 2,000 characters (trimmed)' }),
      },
      resolve: (_p, a, ctx) => ask(ctx, a.categoryId, a.question),
    }),
    banFromSupport: t.boolean({
      authScopes: { support: true },
      description: "Takes canUseSupport from a question's asker (support staff); QUESTION_NOT_FOUND",
      args: { questionId: t.arg.int({ required: true, description: 'The SupportTicket.databaseId' }) },
      resolve: (_p, a, ctx) => banAsker(ctx, a.questionId),
    }),
  }))
}
