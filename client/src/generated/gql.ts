/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SdkLogin($input: LoginInput!) {\n    login(input: $input) {\n      token\n      viewer {\n        databaseId\n        name\n      }\n    }\n  }\n": typeof types.SdkLoginDocument,
    "\n  query SdkViewer {\n    viewer {\n      databaseId\n      name\n    }\n  }\n": typeof types.SdkViewerDocument,
    "\n  query SdkChatHistory($channel: String!, $limit: Int, $skip: Int) {\n    chatHistory(channel: $channel, limit: $limit, skip: $skip) {\n      databaseId\n      channel\n      text\n      time\n      from {\n        databaseId\n        name\n      }\n    }\n  }\n": typeof types.SdkChatHistoryDocument,
    "\n  mutation SdkSendChatMessage($input: SendChatMessageInput!) {\n    sendChatMessage(input: $input) {\n      isSent\n      dropReason\n      retryAfter\n      message {\n        databaseId\n        text\n      }\n    }\n  }\n": typeof types.SdkSendChatMessageDocument,
    "\n  subscription SdkChatEvents($channel: String!) {\n    chatEvents(channel: $channel) {\n      __typename\n      ... on ChatMessageAdded {\n        channel\n        message {\n          databaseId\n          text\n          from {\n            databaseId\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.SdkChatEventsDocument,
};
const documents: Documents = {
    "\n  mutation SdkLogin($input: LoginInput!) {\n    login(input: $input) {\n      token\n      viewer {\n        databaseId\n        name\n      }\n    }\n  }\n": types.SdkLoginDocument,
    "\n  query SdkViewer {\n    viewer {\n      databaseId\n      name\n    }\n  }\n": types.SdkViewerDocument,
    "\n  query SdkChatHistory($channel: String!, $limit: Int, $skip: Int) {\n    chatHistory(channel: $channel, limit: $limit, skip: $skip) {\n      databaseId\n      channel\n      text\n      time\n      from {\n        databaseId\n        name\n      }\n    }\n  }\n": types.SdkChatHistoryDocument,
    "\n  mutation SdkSendChatMessage($input: SendChatMessageInput!) {\n    sendChatMessage(input: $input) {\n      isSent\n      dropReason\n      retryAfter\n      message {\n        databaseId\n        text\n      }\n    }\n  }\n": types.SdkSendChatMessageDocument,
    "\n  subscription SdkChatEvents($channel: String!) {\n    chatEvents(channel: $channel) {\n      __typename\n      ... on ChatMessageAdded {\n        channel\n        message {\n          databaseId\n          text\n          from {\n            databaseId\n            name\n          }\n        }\n      }\n    }\n  }\n": types.SdkChatEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SdkLogin($input: LoginInput!) {\n    login(input: $input) {\n      token\n      viewer {\n        databaseId\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SdkLogin($input: LoginInput!) {\n    login(input: $input) {\n      token\n      viewer {\n        databaseId\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SdkViewer {\n    viewer {\n      databaseId\n      name\n    }\n  }\n"): (typeof documents)["\n  query SdkViewer {\n    viewer {\n      databaseId\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SdkChatHistory($channel: String!, $limit: Int, $skip: Int) {\n    chatHistory(channel: $channel, limit: $limit, skip: $skip) {\n      databaseId\n      channel\n      text\n      time\n      from {\n        databaseId\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SdkChatHistory($channel: String!, $limit: Int, $skip: Int) {\n    chatHistory(channel: $channel, limit: $limit, skip: $skip) {\n      databaseId\n      channel\n      text\n      time\n      from {\n        databaseId\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SdkSendChatMessage($input: SendChatMessageInput!) {\n    sendChatMessage(input: $input) {\n      isSent\n      dropReason\n      retryAfter\n      message {\n        databaseId\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SdkSendChatMessage($input: SendChatMessageInput!) {\n    sendChatMessage(input: $input) {\n      isSent\n      dropReason\n      retryAfter\n      message {\n        databaseId\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SdkChatEvents($channel: String!) {\n    chatEvents(channel: $channel) {\n      __typename\n      ... on ChatMessageAdded {\n        channel\n        message {\n          databaseId\n          text\n          from {\n            databaseId\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SdkChatEvents($channel: String!) {\n    chatEvents(channel: $channel) {\n      __typename\n      ... on ChatMessageAdded {\n        channel\n        message {\n          databaseId\n          text\n          from {\n            databaseId\n            name\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;