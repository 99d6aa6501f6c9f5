/**
 * JustChat ids as its clients see them: MongoDB ObjectIds, 24 hex digits (justchat-api.md "52efb7baf009c900003731c7").
 * The server shows a database id as its zero-padded hex and reads both forms back.
 */
export const oid = (id: number) => id.toString(16).padStart(24, '0')
/** a JustChat id → the database id */
export const dbId = (id: string) => parseInt(id, 16)
export const OBJECT_ID = /^[0-9a-f]{24}$/
