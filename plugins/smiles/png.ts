// The PNG checks are the core's (src/uploads/png.ts), shared with every plugin that takes images.
export * from '../../src/uploads/png.js'
