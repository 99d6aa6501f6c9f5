import { describe, expect, it } from 'vitest'
import { EMPTY_LIST, LIST_CAP, literal, match, nonEmpty, nullable, oneOf, optional, tuple } from './shape.js'

/** The matcher the conformance tables rely on: it must catch what a wrong answer gets wrong. */
describe('conformance shape matcher', () => {
  const USER = { id: 'number', name: 'string', user: nullable({ id: 'number' }), tags: ['string'] } as const

  it('accepts a matching value and reports fields the spec does not name', () => {
    const r = match(USER, { id: 1, name: 'a', user: null, tags: ['x'], extra: true })
    expect(r.problems).toEqual([])
    expect(r.extras).toEqual(['$.extra'])
  })

  it('reports missing fields, wrong types and null where the spec has none', () => {
    const r = match(USER, { id: '1', user: { id: null }, tags: 'x' })
    expect(r.problems).toEqual([
      '$.id: expected number, got string "1"',
      '$.name: missing',
      '$.user.id: expected number, got null',
      '$.tags: expected a list, got string "x"',
    ])
  })

  it('checks list elements (one line per field), caps them, and reports empty lists', () => {
    const many = Array.from({ length: LIST_CAP + 5 }, (_, i) => (i === LIST_CAP + 1 ? 7 : 'ok'))
    expect(match(['string'], many).problems).toEqual([])
    expect(match(['string'], ['a', 1, 2]).problems).toEqual(['$[1]: expected string, got number 1'])
    expect(match(['string'], []).empties).toEqual(['$'])
    expect(match(nonEmpty('string'), []).problems).toEqual(['$: expected at least 1 element(s), got none'])
    expect(match(EMPTY_LIST, []).problems).toEqual([])
    expect(match(EMPTY_LIST, [1]).problems).toHaveLength(1)
  })

  it('knows optional fields, literals, unions, tuples and the scalar formats', () => {
    expect(match({ a: optional('number') }, {}).problems).toEqual([])
    expect(match({ a: optional('number') }, { a: 'x' }).problems).toHaveLength(1)
    expect(match(literal(false), true).problems).toHaveLength(1)
    expect(match(oneOf('unixtime', 'string'), 'x').problems).toEqual([])
    expect(match(oneOf('unixtime', 'string'), 1.5).problems).toHaveLength(1)
    expect(match(tuple('string', 'boolean'), ['a', true]).problems).toEqual([])
    expect(match(tuple('string', 'boolean'), ['a']).problems).toHaveLength(1)
    expect(match('objectId', '52ee29b565e203779f2e37f3').problems).toEqual([])
    expect(match('objectId', '42').problems).toHaveLength(1)
    expect(match('iso', '2014-02-03T15:37:30.126Z').problems).toEqual([])
    expect(match('iso', '2014-02-03').problems).toHaveLength(1)
    expect(match('unixtime', Date.now()).problems).toHaveLength(1)
  })
})
