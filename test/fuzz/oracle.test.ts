import { describe, expect, it } from 'vitest'
import { Fuzzer, type Answer } from './harness.js'

/** The fuzz oracle itself: what it must flag and what it must let through (no server needed). */

const answer = (status: number, body: unknown, error?: string): Answer => ({
  status,
  text: typeof body === 'string' ? body : JSON.stringify(body),
  headers: new Headers(),
  ms: 1,
  ...(error ? { error } : {}),
})

function kinds(run: (f: Fuzzer) => void) {
  const f = new Fuzzer()
  run(f)
  return f.failures.map((x) => x.kind)
}

describe('fuzz oracle', () => {
  it('accepts the documented peka2 500 {message} and ordinary client errors', () => {
    expect(
      kinds((f) => f.check('rest', '/api/user', {}, '{}', answer(500, { message: 'User not found' }), 'peka2')),
    ).toEqual([])
    expect(
      kinds((f) => f.check('rest', '/init/reg', {}, '{}', answer(400, { error: 'Invalid phone number' }), 'justchat')),
    ).toEqual([])
    expect(
      kinds((f) =>
        f.check(
          'graphql',
          'Query.user',
          {},
          '{}',
          answer(200, { errors: [{ message: 'x', extensions: { code: 'USER_NOT_FOUND' } }] }),
          null,
        ),
      ),
    ).toEqual([])
  })

  it('flags internal errors in every form', () => {
    expect(
      kinds((f) =>
        f.check(
          'rest',
          '/api/user',
          {},
          '{}',
          answer(500, { message: 'Internal server error (request id 1-2)' }),
          'peka2',
        ),
      ),
    ).toEqual(['HTTP 500'])
    expect(kinds((f) => f.check('rest', '/init/reg', {}, '{}', answer(500, { error: 'boom' }), 'justchat'))).toEqual([
      'HTTP 500',
    ])
    expect(kinds((f) => f.check('rest', '/api/user', {}, '{}', answer(502, 'Bad gateway'), 'peka2'))).toEqual([
      'HTTP 502',
    ])
    expect(
      kinds((f) =>
        f.check(
          'graphql',
          'Query.user',
          {},
          '{}',
          answer(200, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
          null,
        ),
      ),
    ).toEqual(['INTERNAL_SERVER_ERROR'])
    expect(
      kinds((f) =>
        f.check(
          'bulk',
          '/api/bulk',
          {},
          '{}',
          answer(200, [['/api/user', {}, { message: 'Internal server error (request id 9)' }, false]]),
          'peka2',
        ),
      ),
    ).toEqual(['internal error message'])
    expect(
      kinds((f) => f.check('graphql', 'Query.user', {}, '{}', answer(0, '', 'TimeoutError: aborted'), null)),
    ).toEqual(['no answer (timeout)'])
  })

  it('flags stack traces, file paths and SQL, unless the client sent that text itself', () => {
    const stack = { message: 'x', stack: 'Error: x\n    at run (/srv/app/src/rest/engine.ts:12:5)' }
    expect(kinds((f) => f.check('rest', '/api/user', {}, '{}', answer(200, stack), 'peka2'))).toContain(
      'leak: stack trace',
    )
    expect(
      kinds((f) =>
        f.check(
          'rest',
          '/api/user',
          {},
          '{}',
          answer(200, { message: 'duplicate key value violates unique constraint "User_slug_key"' }),
          'peka2',
        ),
      ),
    ).toEqual(['leak: SQL text'])
    expect(
      kinds((f) =>
        f.check(
          'rest',
          '/api/user',
          {},
          '{}',
          answer(200, { message: 'Invalid `prisma.user.findMany()` invocation' }),
          'peka2',
        ),
      ),
    ).toEqual(['leak: ORM internals'])
    const echoed = 'SELECT * FROM users'
    expect(
      kinds((f) =>
        f.check(
          'graphql',
          'Query.user',
          {},
          JSON.stringify({ name: echoed }),
          answer(200, { errors: [{ message: `no user "${echoed}"` }] }),
          null,
        ),
      ),
    ).toEqual([])
  })

  it('flags WebSocket closes 4500 and 1011, not the protocol’s own 44xx', () => {
    expect(kinds((f) => f.checkWs('ws', {}, '', [], { code: 4500, reason: 'Internal server error' }))).toEqual([
      'WS close 4500',
    ])
    expect(kinds((f) => f.checkWs('ws', {}, '', [], { code: 1011, reason: '' }))).toEqual(['WS close 1011'])
    expect(
      kinds((f) =>
        f.checkWs(
          'ws',
          {},
          '',
          ['{"type":"error","id":"1","payload":[{"message":"x","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}'],
          { code: 4400, reason: 'Invalid message received' },
        ),
      ),
    ).toEqual(['INTERNAL_SERVER_ERROR'])
    expect(
      kinds((f) => f.checkWs('ws', {}, '', [], { code: 4409, reason: 'Subscriber for 1 already exists' })),
    ).toEqual([])
  })
})
