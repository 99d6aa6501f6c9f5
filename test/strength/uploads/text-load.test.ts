import { expect, it } from 'vitest'

/**
 * text.ts builds its UTF-8 decoder when it loads. Imported inside the test, not at the top of the file: a module that
 * throws while loading then fails this test, where a failed top-level import fails the file without failing any test
 * (which Stryker's vitest runner counts as a pass).
 */
it('text.ts loads, and its decoder reads UTF-8 strictly', async () => {
  const { isPlainText } = await import('../../../src/uploads/text.js')
  expect(isPlainText(Buffer.from('привет, мир\n', 'utf8'))).toBe(true)
  expect(isPlainText(Buffer.from('caf\xe9', 'latin1'))).toBe(false)
})
