import type { Builder } from '../../../src/schema/builder.js'
import type { RoomTypes } from './room-type.js'

/** Video: what a room plays, its playlist and playback history, a random live stream. */
export function addVideoFields(_builder: Builder, _T: RoomTypes) {}
