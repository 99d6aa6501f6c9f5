import { defineErrors } from '../../src/errors.js'

/** The streams' error codes (in the app's registry while the plugin is enabled); peka2 answers each as 500 {message}. */
export const STREAM_ERRORS = defineErrors('streams', {
  STREAM_NOT_FOUND: { status: 404, message: 'Stream not found' },
  CONTENT_CATEGORY_NOT_FOUND: { status: 404, message: 'Category not found' },
  CONTENT_TYPE_UNAVAILABLE: { status: 400, message: 'This content type is not served here' },
})

type StreamErrors = typeof STREAM_ERRORS

declare module '../../src/errors.js' {
  interface ErrorCodes extends StreamErrors {}
}
