import type { Builder } from '../../../src/schema/builder.js'
import type { RoomTypes } from './room-type.js'

/** Membership: the access list, access requests, invite links, entering and leaving, myRoomInvites. */
export function addMembersFields(_builder: Builder, _T: RoomTypes) {}
