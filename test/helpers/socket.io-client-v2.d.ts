// socket.io-client 2 ships no types: the tests use it through their own narrow interface (legacy-sockets.ts).
declare module 'socket.io-client-v2' {
  const io: (url: string, options?: Record<string, unknown>) => unknown
  export default io
}
