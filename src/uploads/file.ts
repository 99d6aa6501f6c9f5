import { GraphQLError } from 'graphql'
import type { Builder } from '../schema/builder.js'

/** An uploaded file as GraphQL (Yoga's File) and the REST shim (the platform's File) hand it over. */
export interface UploadFile {
  name: string
  size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

export const isUploadFile = (v: unknown): v is UploadFile =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as UploadFile).name === 'string' &&
  typeof (v as UploadFile).size === 'number' &&
  typeof (v as UploadFile).arrayBuffer === 'function'

const withFile = new WeakSet<Builder>()

/**
 * The `File` scalar (GraphQL multipart request spec), input only. Every plugin that takes uploads calls this: the
 * first one registers it, so any of them may be on without the others.
 */
export function addFileScalar(builder: Builder) {
  if (withFile.has(builder)) return
  withFile.add(builder)
  builder.scalarType('File', {
    description: 'A file part of a multipart request (GraphQL multipart request spec); input only',
    serialize: () => {
      throw new GraphQLError('File is an input-only scalar')
    },
    parseValue: (v) => {
      if (isUploadFile(v)) return v as File
      throw new GraphQLError('File must be a file part of a multipart/form-data request')
    },
    parseLiteral: () => {
      throw new GraphQLError('File cannot be written in a query: send it as a variable in a multipart request')
    },
  })
}
