import { defineErrors } from '../../src/errors.js'

/** Smiles' error codes: uploads (smiles, icons) and the smile set (in the app's registry while it is enabled). */
export const SMILE_ERRORS = defineErrors('smiles', {
  // smiles
  INVALID_SMILE_CODE: { status: 400, message: 'Invalid smile code' },
  SMILE_NOT_FOUND: { status: 404, message: 'Smile not found' },
  SMILE_NOT_OWNED: { status: 403, message: 'This smile belongs to someone else' },
  SMILE_CODE_TAKEN: { status: 409, message: 'A smile with this code already exists' },
  SMILE_CHANGES_PENDING: { status: 409, message: 'Smile changes are awaiting approval' },
  SMILE_NO_CHANGES: { status: 409, message: 'There are no smile changes to submit' },
  SMILE_LIMIT_REACHED: { status: 409, message: 'This set of smiles is full' },
  SMILE_NOT_SUBMITTED: { status: 404, message: 'This user has no smile changes awaiting approval' },
  // smiles in chat messages
  TOO_MANY_SMILES: { status: 400, message: 'Too many smiles in one message' },
  SMILE_NOT_AVAILABLE: { status: 403, message: 'This smile is not available to you' },
})

type SmileErrors = typeof SMILE_ERRORS

declare module '../../src/errors.js' {
  interface ErrorCodes extends SmileErrors {}
}
