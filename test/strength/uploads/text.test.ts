import { describe, expect, it } from 'vitest'
import { isPlainText } from '../../../src/uploads/text.js'

/** isPlainText called directly on UTF-8 built here: each rule met by text that just passes it and text that just fails. */

const plain = (s: string) => isPlainText(Buffer.from(s, 'utf8'))
const BOM = '\uFEFF'

describe('isPlainText: markup at the start', () => {
  it('a tag name must be followed by whitespace, > or /', () => {
    for (const tag of ['<p>hi', '<p class="x">hi', '<p\nid=x>', '<br/>', '<b>bold</b>', '<table border=1>'])
      expect([tag, plain(tag)]).toEqual([tag, false])
    for (const tag of ['<pre>hi', '<bx>', '<tables>', '<p', '<ax']) expect([tag, plain(tag)]).toEqual([tag, true])
  })

  it('comments, XML and #! lines count only at the start', () => {
    expect(plain('<!-- c -->')).toBe(false)
    expect(plain('#!/bin/sh\n')).toBe(false)
    expect(plain('hello <p> world')).toBe(true)
    expect(plain('see <b>this</b>')).toBe(true)
    expect(plain('a #! b')).toBe(true)
    expect(plain('x <!-- y -->')).toBe(true)
  })

  it('leading whitespace is skipped, trailing whitespace is not what makes a start', () => {
    expect(plain('  \n\t<p>hi')).toBe(false)
    expect(plain('  <p>hi  ')).toBe(false)
    expect(plain('hi <p>  ')).toBe(true)
  })
})

describe('isPlainText: a byte order mark', () => {
  it('markup right after the BOM is markup', () => {
    expect(plain(`${BOM}<p>hi`)).toBe(false)
    expect(plain(`${BOM}#!/bin/sh`)).toBe(false)
    expect(plain(`${BOM}hello`)).toBe(true)
  })

  it('a BOM inside the text is not removed: it breaks a tag name as any other character would', () => {
    expect(plain(`<ht${BOM}ml>`)).toBe(true)
    expect(plain(`a <sc${BOM}ript>`)).toBe(true)
    expect(plain('a <script>')).toBe(false)
  })
})

describe('isPlainText: markup is looked for in the first 1024 characters', () => {
  it('a tag name ending at character 1024 is seen, one the limit cuts is not', () => {
    expect(plain(`${'a'.repeat(1019)}<html>`)).toBe(false)
    expect(plain(`${'a'.repeat(1020)}<html>`)).toBe(true)
    expect(plain(`${'a'.repeat(1024)}<script>`)).toBe(true)
  })

  it('the 1024 are counted after leading whitespace and the BOM', () => {
    expect(plain(`${BOM}   ${'a'.repeat(1019)}<html>`)).toBe(false)
  })
})
