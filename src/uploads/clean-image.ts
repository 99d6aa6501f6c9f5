/** An image as it is stored: its bytes without metadata, and its dimensions as the image itself gives them. */
export interface CleanImage {
  bytes: Buffer
  width: number
  height: number
}

/** A Buffer view of the same memory (no copy). */
export const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
