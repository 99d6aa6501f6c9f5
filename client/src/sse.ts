import type { ExecutionResult } from 'graphql'

/**
 * Reads a text/event-stream response body (GraphQL over SSE, "distinct connections" mode, as Yoga answers a POST
 * with `Accept: text/event-stream`): calls `onNext` with each `next` event's payload. Resolves true at `complete`,
 * false when the stream ends without one (the connection was cut).
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onNext: (result: ExecutionResult) => void,
): Promise<boolean> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return false
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n')
    let end: number
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      let event = 'message'
      const data: string[] = []
      for (const line of block.split('\n')) {
        // lines starting with ':' are keep-alive comments
        if (line.startsWith('event:')) event = line.slice(6).trim()
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
      }
      if (event === 'complete') {
        await reader.cancel()
        return true
      }
      if ((event === 'next' || event === 'message') && data.length > 0)
        onNext(JSON.parse(data.join('\n')) as ExecutionResult)
    }
  }
}
