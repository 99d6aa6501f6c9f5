import type { Builder } from '../../../src/schema/builder.js'
import type { RoomTypes } from './room-type.js'

/** Rooms themselves: lookups, lists and search, create / update / delete, preview, text channels, roomChanged. */
export function addRoomsFields(_builder: Builder, _T: RoomTypes) {}
