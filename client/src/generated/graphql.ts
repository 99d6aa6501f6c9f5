/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why a message was not sent (flow control or a sanction), with `dropMessage` saying it in words */
export type ChatDropReason =
  /** The author is banned, in this channel or site-wide */
  | 'BANNED'
  /** The recipient ignores the author. Not given by this server: such a message is sent and hidden from whoever ignores its author */
  | 'IGNORED'
  /** The author was kicked from this channel and must re-enter it to write */
  | 'KICKED'
  /** The channel's rules refuse the author (a direct message the recipient does not take, support taken away …) */
  | 'NOT_ALLOWED'
  /** The author spent the budget of 60 chat events a minute */
  | 'RATE_LIMITED'
  /** The author is silenced (muted) in this channel for a while */
  | 'SILENCED'
  /** The channel's slow mode: the author sent a message too recently (moderators are exempt) */
  | 'SLOW_MODE';

/** Credentials for login */
export type LoginInput = {
  /** captcha response, when the server checks one (CAPTCHA_VERIFY_URL) */
  captcha?: string | null | undefined;
  /** username or email */
  login: string;
  /** The account's password */
  password: string;
};

/** A chat message to send */
export type SendChatMessageInput = {
  /** ids of files you uploaded (uploadFile), at most 10; with files the text may be empty */
  attachments?: Array<string> | null | undefined;
  /** Id of the channel to write to */
  channel: string;
  /** databaseId of a message in the same channel */
  replyTo?: number | null | undefined;
  /** at most 2,000 characters; bbcode kept verbatim */
  text: string;
  /** mentioned user (databaseId) */
  to?: number | null | undefined;
  /** message (default); system/announce for moderators */
  type?: string | null | undefined;
};

export type SdkLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SdkLoginMutation = { login: { token: string, viewer: { databaseId: number, name: string } } };

export type SdkViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type SdkViewerQuery = { viewer: { databaseId: number, name: string } | null };

export type SdkChatHistoryQueryVariables = Exact<{
  channel: string;
  limit?: number | null | undefined;
  skip?: number | null | undefined;
}>;


export type SdkChatHistoryQuery = { chatHistory: Array<{ databaseId: number, channel: string, text: string, time: string, from: { databaseId: number, name: string } | null }> };

export type SdkSendChatMessageMutationVariables = Exact<{
  input: SendChatMessageInput;
}>;


export type SdkSendChatMessageMutation = { sendChatMessage: { isSent: boolean, dropReason: ChatDropReason | null, retryAfter: number | null, message: { databaseId: number, text: string } | null } };

export type SdkChatEventsSubscriptionVariables = Exact<{
  channel: string;
}>;


export type SdkChatEventsSubscription = { chatEvents:
    | { __typename: 'ChatMessageAdded', channel: string, message: { databaseId: number, text: string, from: { databaseId: number, name: string } | null } }
    | { __typename: 'ChatMessageEdited' }
    | { __typename: 'ChatMessageRemoved' }
    | { __typename: 'ChatPinChanged' }
    | { __typename: 'ChatPresenceChanged' }
    | { __typename: 'ChatReactionsChanged' }
    | { __typename: 'ChatSlowModeChanged' }
    | { __typename: 'ChatTyping' }
   };


export const SdkLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SdkLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SdkLoginMutation, SdkLoginMutationVariables>;
export const SdkViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SdkViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SdkViewerQuery, SdkViewerQueryVariables>;
export const SdkChatHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SdkChatHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chatHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SdkChatHistoryQuery, SdkChatHistoryQueryVariables>;
export const SdkSendChatMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SdkSendChatMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendChatMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendChatMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isSent"}},{"kind":"Field","name":{"kind":"Name","value":"dropReason"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfter"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<SdkSendChatMessageMutation, SdkSendChatMessageMutationVariables>;
export const SdkChatEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SdkChatEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chatEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatMessageAdded"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SdkChatEventsSubscription, SdkChatEventsSubscriptionVariables>;