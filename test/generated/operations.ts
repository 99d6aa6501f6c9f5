/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date-time string in UTC */
  DateTime: { input: string; output: string; }
  /** Arbitrary JSON value */
  JSON: { input: unknown; output: unknown; }
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Bearer token; send as `Authorization: Bearer <token>` */
  token: Scalars['String']['output'];
  viewer: User;
};

export type ChatChannel = {
  __typename?: 'ChatChannel';
  /** peka2 channel id: main, admin, stream/<userId>, private/<a>/<b> … */
  id: Scalars['String']['output'];
  /** History, newest first (first ≤ 100) */
  messages: ChatChannelMessagesConnection;
  name: Scalars['String']['output'];
  owner: Maybe<User>;
  ownerId: Maybe<Scalars['Int']['output']>;
  pinned: Array<ChatMessage>;
  presence: ChatPresence;
  slowModeSeconds: Scalars['Int']['output'];
};


export type ChatChannelMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<ChatHistoryQuery>;
};

export type ChatChannelMessagesConnection = {
  __typename?: 'ChatChannelMessagesConnection';
  edges: Array<ChatChannelMessagesConnectionEdge>;
  pageInfo: PageInfo;
};

export type ChatChannelMessagesConnectionEdge = {
  __typename?: 'ChatChannelMessagesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ChatMessage;
};

export type ChatDropReason =
  | 'BANNED'
  | 'IGNORED'
  | 'KICKED'
  | 'NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'SILENCED'
  | 'SLOW_MODE';

export type ChatEvent = ChatMessageAdded | ChatMessageEdited | ChatMessageRemoved | ChatPinChanged | ChatPresenceChanged | ChatReactionsChanged | ChatSlowModeChanged | ChatTyping;

export type ChatHistoryCondition = {
  /** id | from | to | type */
  field: Scalars['String']['input'];
  /** and | or (ignored on the first item) */
  glue?: InputMaybe<Scalars['String']['input']>;
  /** in | not in | = | <> | < | > */
  operation: Scalars['String']['input'];
  value: Array<Scalars['String']['input']>;
};

/** peka2 /chat/history conditions: nested groups, glued left to right */
export type ChatHistoryQuery = {
  conditions?: InputMaybe<Array<ChatHistoryCondition>>;
  glue?: InputMaybe<Scalars['String']['input']>;
  groups?: InputMaybe<Array<ChatHistoryQuery>>;
};

export type ChatMessage = Node & {
  __typename?: 'ChatMessage';
  channel: Scalars['String']['output'];
  databaseId: Scalars['Int']['output'];
  editedAt: Maybe<Scalars['DateTime']['output']>;
  from: Maybe<ChatUser>;
  id: Scalars['ID']['output'];
  pinned: Scalars['Boolean']['output'];
  reactions: Array<ChatReactionCount>;
  replyToId: Maybe<Scalars['Int']['output']>;
  /** Message text; bbcode is kept verbatim */
  text: Scalars['String']['output'];
  time: Scalars['DateTime']['output'];
  to: Maybe<ChatUser>;
  /** message | system | donate | fastdonate | announce */
  type: Scalars['String']['output'];
};

export type ChatMessageAdded = {
  __typename?: 'ChatMessageAdded';
  channel: Scalars['String']['output'];
  message: ChatMessage;
};

export type ChatMessageEdited = {
  __typename?: 'ChatMessageEdited';
  channel: Scalars['String']['output'];
  message: ChatMessage;
};

export type ChatMessageRemoved = {
  __typename?: 'ChatMessageRemoved';
  channel: Scalars['String']['output'];
  data: Maybe<Scalars['JSON']['output']>;
  messageId: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
};

export type ChatPinChanged = {
  __typename?: 'ChatPinChanged';
  channel: Scalars['String']['output'];
  message: ChatMessage;
  pinned: Scalars['Boolean']['output'];
};

/** Sessions watching a channel and the logged-in users among them (peka2 /chat/channel/list) */
export type ChatPresence = {
  __typename?: 'ChatPresence';
  amount: Scalars['Int']['output'];
  users: Array<Scalars['Int']['output']>;
};

export type ChatPresenceChanged = {
  __typename?: 'ChatPresenceChanged';
  amount: Scalars['Int']['output'];
  channel: Scalars['String']['output'];
  users: Array<Scalars['Int']['output']>;
};

/** Whether a message went out; a refusal by flow control comes back here, not as an error */
export type ChatPublishResult = {
  __typename?: 'ChatPublishResult';
  dropMessage: Maybe<Scalars['String']['output']>;
  dropReason: Maybe<ChatDropReason>;
  isSent: Scalars['Boolean']['output'];
  message: Maybe<ChatMessage>;
  /** seconds until a retry can succeed */
  retryAfter: Maybe<Scalars['Int']['output']>;
};

export type ChatReactionCount = {
  __typename?: 'ChatReactionCount';
  count: Scalars['Int']['output'];
  emoji: Scalars['String']['output'];
};

export type ChatReactionsChanged = {
  __typename?: 'ChatReactionsChanged';
  added: Scalars['Boolean']['output'];
  channel: Scalars['String']['output'];
  emoji: Scalars['String']['output'];
  messageId: Scalars['Int']['output'];
  reactions: Array<ChatReactionCount>;
  user: ChatUser;
};

export type ChatSearchHit = {
  __typename?: 'ChatSearchHit';
  message: ChatMessage;
  rank: Scalars['Float']['output'];
};

export type ChatSettings = {
  __typename?: 'ChatSettings';
  disablenamecolor: Scalars['Boolean']['output'];
  displayannounce: Scalars['Boolean']['output'];
  favoritesmiles: Array<Scalars['String']['output']>;
  fontsize: Scalars['Int']['output'];
  forcewss: Scalars['Boolean']['output'];
  images: Scalars['Boolean']['output'];
  imagesgif: Scalars['Boolean']['output'];
  mychannels: Array<Scalars['String']['output']>;
  namecolor: Scalars['Int']['output'];
  smiles: Scalars['Boolean']['output'];
  smilesgif: Scalars['Boolean']['output'];
  submode: Scalars['String']['output'];
  theme: Scalars['String']['output'];
  thirdparty: Scalars['Boolean']['output'];
  thirdpartydontmask: Scalars['Boolean']['output'];
  thirdpartysmiles: Scalars['Boolean']['output'];
  totalignore: Scalars['Boolean']['output'];
};

export type ChatSettingsInput = {
  disablenamecolor?: InputMaybe<Scalars['Boolean']['input']>;
  displayannounce?: InputMaybe<Scalars['Boolean']['input']>;
  favoritesmiles?: InputMaybe<Array<Scalars['String']['input']>>;
  fontsize?: InputMaybe<Scalars['Int']['input']>;
  forcewss?: InputMaybe<Scalars['Boolean']['input']>;
  images?: InputMaybe<Scalars['Boolean']['input']>;
  imagesgif?: InputMaybe<Scalars['Boolean']['input']>;
  mychannels?: InputMaybe<Array<Scalars['String']['input']>>;
  namecolor?: InputMaybe<Scalars['Int']['input']>;
  smiles?: InputMaybe<Scalars['Boolean']['input']>;
  smilesgif?: InputMaybe<Scalars['Boolean']['input']>;
  submode?: InputMaybe<Scalars['String']['input']>;
  theme?: InputMaybe<Scalars['String']['input']>;
  thirdparty?: InputMaybe<Scalars['Boolean']['input']>;
  thirdpartydontmask?: InputMaybe<Scalars['Boolean']['input']>;
  thirdpartysmiles?: InputMaybe<Scalars['Boolean']['input']>;
  totalignore?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ChatSlowModeChanged = {
  __typename?: 'ChatSlowModeChanged';
  channel: Scalars['String']['output'];
  seconds: Scalars['Int']['output'];
};

export type ChatTyping = {
  __typename?: 'ChatTyping';
  channel: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  user: ChatUser;
};

/** A message author as chat shows it; other plugins add badges here */
export type ChatUser = {
  __typename?: 'ChatUser';
  /** Name colour index (the author's chat.namecolor setting) */
  color: Scalars['Int']['output'];
  databaseId: Scalars['Int']['output'];
  name: Scalars['String']['output'];
};

/** What can be followed (peka2 subscribe content) */
export type FollowContent =
  | 'ROOM'
  | 'STREAM';

/** What can be ignored: a user in chat, or a stream */
export type IgnoreContent =
  | 'CHAT'
  | 'STREAM';

export type IgnoreEntry = {
  __typename?: 'IgnoreEntry';
  content: IgnoreContent;
  item: Scalars['Int']['output'];
};

export type LoginInput = {
  /** captcha response, when the server checks one (CAPTCHA_VERIFY_URL) */
  captcha?: InputMaybe<Scalars['String']['input']>;
  /** username or email */
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type LoginRecord = {
  __typename?: 'LoginRecord';
  firstAccess: Scalars['DateTime']['output'];
  ip: Scalars['String']['output'];
  lastAccess: Scalars['DateTime']['output'];
  userAgent: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  addChatReaction: Array<ChatReactionCount>;
  editChatMessage: ChatMessage;
  follow: Scalars['Boolean']['output'];
  ignore: Scalars['Boolean']['output'];
  /** Invites phone numbers: each gets an account and a sign-up code */
  invitePhones: Scalars['Boolean']['output'];
  login: AuthPayload;
  loginWithPhone: AuthPayload;
  logout: Scalars['Boolean']['output'];
  pinChatMessage: ChatMessage;
  register: AuthPayload;
  /** JustChat sign-up: creates the account once and sends a one-time code by SMS */
  registerPhone: PhoneRegistration;
  removeChatMessage: Scalars['Boolean']['output'];
  removeChatReaction: Array<ChatReactionCount>;
  /** Mails a new password and a code that sets it; true whether or not the address exists */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** Spends a reset code: sets the mailed password (or newPassword) and signs in */
  resetPassword: AuthPayload;
  sendChatMessage: ChatPublishResult;
  /** Announces typing; returns when it expires */
  sendChatTyping: Scalars['DateTime']['output'];
  setChatSlowMode: Scalars['Int']['output'];
  /** Sets a role value: true/false for flags, an integer 0–100 for citizen (role admins only) */
  setRole: Scalars['Boolean']['output'];
  /** Blocks or unblocks an account; a blocked account's tokens stop working at once (blockers only) */
  setUserBlocked: Scalars['Boolean']['output'];
  unfollow: Scalars['Boolean']['output'];
  unignore: Scalars['Boolean']['output'];
  unpinChatMessage: ChatMessage;
  updateProfile: User;
  updateSettings: Settings;
};


export type MutationAddChatReactionArgs = {
  emoji: Scalars['String']['input'];
  id: Scalars['Int']['input'];
};


export type MutationEditChatMessageArgs = {
  id: Scalars['Int']['input'];
  text: Scalars['String']['input'];
};


export type MutationFollowArgs = {
  content: FollowContent;
  id: Scalars['Int']['input'];
};


export type MutationIgnoreArgs = {
  content: IgnoreContent;
  item: Scalars['Int']['input'];
};


export type MutationInvitePhonesArgs = {
  phones: Array<Scalars['String']['input']>;
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationLoginWithPhoneArgs = {
  code: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};


export type MutationPinChatMessageArgs = {
  id: Scalars['Int']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationRegisterPhoneArgs = {
  phone: Scalars['String']['input'];
  profile?: InputMaybe<ProfileInput>;
};


export type MutationRemoveChatMessageArgs = {
  data?: InputMaybe<Scalars['JSON']['input']>;
  id: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveChatReactionArgs = {
  emoji: Scalars['String']['input'];
  id: Scalars['Int']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  code: Scalars['String']['input'];
  newPassword?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSendChatMessageArgs = {
  input: SendChatMessageInput;
};


export type MutationSendChatTypingArgs = {
  channel: Scalars['String']['input'];
};


export type MutationSetChatSlowModeArgs = {
  channel: Scalars['String']['input'];
  seconds: Scalars['Int']['input'];
};


export type MutationSetRoleArgs = {
  role: Scalars['String']['input'];
  userId: Scalars['Int']['input'];
  value: Scalars['JSON']['input'];
};


export type MutationSetUserBlockedArgs = {
  state: Scalars['Boolean']['input'];
  userId: Scalars['Int']['input'];
};


export type MutationUnfollowArgs = {
  content: FollowContent;
  id: Scalars['Int']['input'];
};


export type MutationUnignoreArgs = {
  content: IgnoreContent;
  item: Scalars['Int']['input'];
};


export type MutationUnpinChatMessageArgs = {
  id: Scalars['Int']['input'];
};


export type MutationUpdateProfileArgs = {
  input: ProfileInput;
};


export type MutationUpdateSettingsArgs = {
  settings: SettingsInput;
};

export type Node = {
  id: Scalars['ID']['output'];
};

/** A per-user event (peka2 notification events: store bonus changes, bans, room events …) */
export type Notification = {
  __typename?: 'Notification';
  data: Maybe<Scalars['JSON']['output']>;
  time: Scalars['DateTime']['output'];
  type: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type PhoneRegistration = {
  __typename?: 'PhoneRegistration';
  /** false when the phone was already registered (a new code was sent) */
  created: Scalars['Boolean']['output'];
};

export type ProfileInput = {
  /** date of birth, YYYY-MM-DD */
  dob?: InputMaybe<Scalars['String']['input']>;
  /** 0 or 1 */
  gender?: InputMaybe<Scalars['Int']['input']>;
  /** at most 100 characters */
  location?: InputMaybe<Scalars['String']['input']>;
  /** at most 32 characters */
  nickname?: InputMaybe<Scalars['String']['input']>;
  /** an image URL or upload path */
  photo?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  chatChannel: ChatChannel;
  /** Several channels by id (peka2 /api/channel/data); any unknown id is an error */
  chatChannels: Array<ChatChannel>;
  /** History with skip/limit (JustChat) and peka2 conditions, newest first */
  chatHistory: Array<ChatMessage>;
  /** Roles a guest gets */
  defaultRoles: Roles;
  /** Settings a guest gets */
  defaultSettings: Settings;
  /** How many items of a kind the viewer follows */
  followedCount: Scalars['Int']['output'];
  followedRoomIds: Array<Scalars['Int']['output']>;
  /** Streams the viewer follows, newest first */
  followedStreams: Array<Stream>;
  /** Users who follow the viewer's stream */
  followers: Array<User>;
  ignoreList: Array<IgnoreEntry>;
  isFollowing: Scalars['Boolean']['output'];
  isIgnored: Scalars['Boolean']['output'];
  node: Maybe<Node>;
  nodes: Array<Maybe<Node>>;
  /** The viewer's last 30 private channels, latest message first */
  privateChatChannels: Array<Scalars['String']['output']>;
  /** Full-text search over the channels the viewer may read, best match first */
  searchChatMessages: Array<ChatSearchHit>;
  /** A user by databaseId or by name (USER_NOT_FOUND otherwise) */
  user: User;
  /** Users by databaseId (at most 100); unknown ids are skipped */
  users: Array<User>;
  /** Users holding a role (role admins only) */
  usersWithRole: Array<User>;
  /** The signed-in user, or null for a guest */
  viewer: Maybe<User>;
  /** The user a token belongs to (INVALID_TOKEN otherwise) */
  viewerByToken: User;
};


export type QueryChatChannelArgs = {
  id: Scalars['String']['input'];
};


export type QueryChatChannelsArgs = {
  ids: Array<Scalars['String']['input']>;
};


export type QueryChatHistoryArgs = {
  channel: Scalars['String']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<ChatHistoryQuery>;
  skip?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFollowedCountArgs = {
  content: FollowContent;
};


export type QueryFollowedStreamsArgs = {
  content?: FollowContent;
};


export type QueryFollowersArgs = {
  content?: FollowContent;
};


export type QueryIgnoreListArgs = {
  content: IgnoreContent;
};


export type QueryIsFollowingArgs = {
  content: FollowContent;
  id: Scalars['Int']['input'];
};


export type QueryIsIgnoredArgs = {
  content: IgnoreContent;
  item: Scalars['Int']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QuerySearchChatMessagesArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


export type QueryUserArgs = {
  databaseId?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QueryUsersArgs = {
  databaseIds: Array<Scalars['Int']['input']>;
};


export type QueryUsersWithRoleArgs = {
  role: Scalars['String']['input'];
};


export type QueryViewerByTokenArgs = {
  token: Scalars['String']['input'];
};

export type RegisterInput = {
  email: Scalars['String']['input'];
  /** 8–128 characters with a letter and a digit */
  password: Scalars['String']['input'];
  /** 3–32 letters, digits, _ or - */
  username: Scalars['String']['input'];
};

/** peka2 roles: flags, and `citizen`, the weight of the user's vote in civil moderation */
export type Roles = {
  __typename?: 'Roles';
  blocker: Scalars['Boolean']['output'];
  canUseSupport: Scalars['Boolean']['output'];
  citizen: Scalars['Int']['output'];
  masterstreamer: Scalars['Boolean']['output'];
  moderator: Scalars['Boolean']['output'];
  roleAdmin: Scalars['Boolean']['output'];
  schedule: Scalars['Boolean']['output'];
  seasoner: Scalars['Boolean']['output'];
  smiler: Scalars['Boolean']['output'];
  storeAdmin: Scalars['Boolean']['output'];
  storeSupport: Scalars['Boolean']['output'];
  streamAdmin: Scalars['Boolean']['output'];
  support: Scalars['Boolean']['output'];
  twitch: Scalars['Boolean']['output'];
};

export type SendChatMessageInput = {
  channel: Scalars['String']['input'];
  /** databaseId of a message in the same channel */
  replyTo?: InputMaybe<Scalars['Int']['input']>;
  /** at most 2,000 characters; bbcode kept verbatim */
  text: Scalars['String']['input'];
  /** mentioned user (databaseId) */
  to?: InputMaybe<Scalars['Int']['input']>;
  /** message (default); system/announce for moderators */
  type?: InputMaybe<Scalars['String']['input']>;
};

/** Per-user site settings (peka2 /api/user/settings), with documented defaults */
export type Settings = {
  __typename?: 'Settings';
  chat: ChatSettings;
  stream: StreamSettings;
};

/** A partial settings update: omitted fields keep their value */
export type SettingsInput = {
  chat?: InputMaybe<ChatSettingsInput>;
  stream?: InputMaybe<StreamSettingsInput>;
};

/** A user's stream channel */
export type Stream = {
  __typename?: 'Stream';
  databaseId: Scalars['Int']['output'];
  owner: User;
  /** How many users follow this stream */
  subscribers: Scalars['Int']['output'];
  title: Scalars['String']['output'];
};

export type StreamSettings = {
  __typename?: 'StreamSettings';
  autostart: Scalars['Boolean']['output'];
  player: Scalars['String']['output'];
  skipmain: Scalars['Boolean']['output'];
  videopreview: Scalars['Boolean']['output'];
};

export type StreamSettingsInput = {
  autostart?: InputMaybe<Scalars['Boolean']['input']>;
  player?: InputMaybe<Scalars['String']['input']>;
  skipmain?: InputMaybe<Scalars['Boolean']['input']>;
  videopreview?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Everything that happens in a channel (messages, edits, removals, reactions, pins, typing, presence); `all` streams every public channel */
  chatEvents: ChatEvent;
  /** The signed-in user's notification stream */
  notifications: Notification;
};


export type SubscriptionChatEventsArgs = {
  channel: Scalars['String']['input'];
};

export type User = Node & {
  __typename?: 'User';
  blocked: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The integer id the REST dialects use */
  databaseId: Scalars['Int']['output'];
  dob: Maybe<Scalars['DateTime']['output']>;
  email: Maybe<Scalars['String']['output']>;
  /** 0 or 1 (JustChat) */
  gender: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  location: Maybe<Scalars['String']['output']>;
  /** The last 10 places this account signed in from (owner only) */
  loginHistory: Array<LoginRecord>;
  name: Scalars['String']['output'];
  nickname: Maybe<Scalars['String']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  photo: Maybe<Scalars['String']['output']>;
  roles: Roles;
  settings: Settings;
  /** Short name for links (a stream channel …) */
  slug: Scalars['String']['output'];
};

export type LoginInput = {
  /** captcha response, when the server checks one (CAPTCHA_VERIFY_URL) */
  captcha?: string | null | undefined;
  /** username or email */
  login: string;
  password: string;
};

export type RegisterInput = {
  email: string;
  /** 8–128 characters with a letter and a digit */
  password: string;
  /** 3–32 letters, digits, _ or - */
  username: string;
};

export type RegisterMutationVariables = Exact<{
  i: RegisterInput;
}>;


export type RegisterMutation = { register: { token: string, viewer: { databaseId: number } } };

export type LoginMutationVariables = Exact<{
  i: LoginInput;
}>;


export type LoginMutation = { login: { token: string, viewer: { databaseId: number, name: string } } };
