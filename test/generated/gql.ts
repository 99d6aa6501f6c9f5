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
    "query ChatChannel($id: String!) { chatChannel(id: $id) { id name ownerId messages(first: 5) { edges { node { text } } } } }": typeof types.ChatChannelDocument,
    "query ChatHistoryChannels($c: String!) { chatHistory(channel: $c, limit: 5) { text } }": typeof types.ChatHistoryChannelsDocument,
    "mutation SendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { id } } }": typeof types.SendChatMessageDocument,
    "mutation AddChatReactionChannels($id: Int!) { addChatReaction(id: $id, emoji: \"👀\") { emoji } }": typeof types.AddChatReactionChannelsDocument,
    "query Node($id: ID!) { node(id: $id) { ... on ChatMessage { text } } }": typeof types.NodeDocument,
    "query ChatChannels2($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount users } } }": typeof types.ChatChannels2Document,
    "mutation EditChatMessage($id: Int!) { editChatMessage(id: $id, text: \"edited on A\") { databaseId } }": typeof types.EditChatMessageDocument,
    "mutation RemoveChatMessageCluster($id: Int!) { removeChatMessage(id: $id, reason: \"oops\") }": typeof types.RemoveChatMessageClusterDocument,
    "query ChatHistoryCluster { chatHistory(channel: \"main\", limit: 1) { databaseId } }": typeof types.ChatHistoryClusterDocument,
    "mutation Ignore($i: Int!) { ignore(content: CHAT, item: $i) }": typeof types.IgnoreDocument,
    "query ChatChannelHistory($c: String!, $first: Int, $after: String, $last: Int, $before: String) { chatChannel(id: $c) {\n  messages(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { databaseId text } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }\n} }": typeof types.ChatChannelHistoryDocument,
    "query ChatHistory2($c: String!, $skip: Int, $limit: Int, $q: ChatHistoryQuery) { chatHistory(channel: $c, skip: $skip, limit: $limit, query: $q) { databaseId text from { databaseId } to { databaseId } type } }": typeof types.ChatHistory2Document,
    "query ChatChannelHistory2($c: String!, $q: ChatHistoryQuery) { chatChannel(id: $c) { messages(first: 10, query: $q) { edges { node { text } } } } }": typeof types.ChatChannelHistory2Document,
    "query SearchChatMessages { searchChatMessages(text: \"pineapple\") { message { text } } }": typeof types.SearchChatMessagesDocument,
    "mutation Unignore($i: Int!) { unignore(content: CHAT, item: $i) }": typeof types.UnignoreDocument,
    "query SearchChatMessagesHistory($q: String!, $c: String, $first: Int, $offset: Int) { searchChatMessages(text: $q, channel: $c, first: $first, offset: $offset) { rank message { databaseId channel text } } }": typeof types.SearchChatMessagesHistoryDocument,
    "mutation RemoveChatMessage($id: Int!) { removeChatMessage(id: $id) }": typeof types.RemoveChatMessageDocument,
    "query ChatChannelHistory3($c: String!, $n: Int!) { chatChannel(id: $c) { messages(first: $n) { edges { node { text from { name } to { name } reactions { emoji count } } } } } }": typeof types.ChatChannelHistory3Document,
    "mutation SendChatMessageLimitsRace($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }": typeof types.SendChatMessageLimitsRaceDocument,
    "mutation AddChatReaction($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { count } }": typeof types.AddChatReactionDocument,
    "mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }": typeof types.PinChatMessageDocument,
    "mutation EditChatMessageLive($id: Int!) { editChatMessage(id: $id, text: \"hi (edited)\") { databaseId } }": typeof types.EditChatMessageLiveDocument,
    "mutation AddChatReactionLive($id: Int!) { addChatReaction(id: $id, emoji: \"❤️\") { count } }": typeof types.AddChatReactionLiveDocument,
    "mutation RemoveChatReactionLive($id: Int!) { removeChatReaction(id: $id, emoji: \"❤️\") { count } }": typeof types.RemoveChatReactionLiveDocument,
    "mutation UnpinChatMessage($id: Int!) { unpinChatMessage(id: $id) { pinned } }": typeof types.UnpinChatMessageDocument,
    "mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }": typeof types.SendChatTypingDocument,
    "mutation SetChatSlowMode($c: String!) { setChatSlowMode(channel: $c, seconds: 10) }": typeof types.SetChatSlowModeDocument,
    "mutation RemoveChatMessageLive($id: Int!, $d: JSON) { removeChatMessage(id: $id, reason: \"ban\", data: $d) }": typeof types.RemoveChatMessageLiveDocument,
    "mutation AddChatReactionLive2($id: Int!) { addChatReaction(id: $id, emoji: \"👍\") { count } }": typeof types.AddChatReactionLive2Document,
    "mutation EditChatMessageMessages($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId text editedAt time } }": typeof types.EditChatMessageMessagesDocument,
    "mutation RemoveChatMessageMessages($id: Int!, $reason: String, $data: JSON) { removeChatMessage(id: $id, reason: $reason, data: $data) }": typeof types.RemoveChatMessageMessagesDocument,
    "mutation PinChatMessageMessages($id: Int!) { pinChatMessage(id: $id) { databaseId pinned } }": typeof types.PinChatMessageMessagesDocument,
    "mutation UnpinChatMessageMessages($id: Int!) { unpinChatMessage(id: $id) { databaseId pinned } }": typeof types.UnpinChatMessageMessagesDocument,
    "mutation AddChatReactionMessages($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }": typeof types.AddChatReactionMessagesDocument,
    "mutation RemoveChatReaction($id: Int!, $e: String!) { removeChatReaction(id: $id, emoji: $e) { emoji count } }": typeof types.RemoveChatReactionDocument,
    "mutation SetChatSlowModeMessages($c: String!, $s: Int!) { setChatSlowMode(channel: $c, seconds: $s) }": typeof types.SetChatSlowModeMessagesDocument,
    "query ChatHistoryMessages($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text } }": typeof types.ChatHistoryMessagesDocument,
    "query ChatChannelMessages($c: String!) { chatChannel(id: $c) { pinned { databaseId text pinned } } }": typeof types.ChatChannelMessagesDocument,
    "query ChatChannelMessages2($c: String!) { chatChannel(id: $c) { pinned { databaseId } } }": typeof types.ChatChannelMessages2Document,
    "query ChatHistoryMessages2 { chatHistory(channel: \"main\", limit: 1) { databaseId reactions { emoji count } } }": typeof types.ChatHistoryMessages2Document,
    "query ChatChannelMessages3($c: String!) { chatChannel(id: $c) { slowModeSeconds } }": typeof types.ChatChannelMessages3Document,
    "query SearchChatMessages2 { searchChatMessages(text: \"quasar\") { rank message { databaseId } } }": typeof types.SearchChatMessages2Document,
    "query SearchChatMessages3 { searchChatMessages(text: \"quasar\", first: 100) { rank } }": typeof types.SearchChatMessages3Document,
    "query SearchChatMessages4($c: String!) { searchChatMessages(text: \"w1234\", channel: $c, first: 100) { message { text } } }": typeof types.SearchChatMessages4Document,
    "query SearchChatMessages5($c: String!) { searchChatMessages(text: \"walrus\", channel: $c) { message { text } } }": typeof types.SearchChatMessages5Document,
    "query SearchChatMessages6($c: String!) { searchChatMessages(text: \"walrus\", channel: $c) { rank } }": typeof types.SearchChatMessages6Document,
    "mutation SharedLivePoll($m: Int!) {\n        createMessagePoll(messageId: $m, question: \"which?\", options: [\"a\", \"b\"]) { databaseId options { databaseId } } }": typeof types.SharedLivePollDocument,
    "mutation SharedLiveVote($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }": typeof types.SharedLiveVoteDocument,
    "mutation SharedLiveEdit($id: Int!) { editChatMessage(id: $id, text: \"edited\") { databaseId } }": typeof types.SharedLiveEditDocument,
    "mutation SendChatMessageSupport($i: SendChatMessageInput!) { sendChatMessage(input: $i) {\n  isSent dropReason dropMessage retryAfter\n  message { databaseId channel text type time editedAt replyToId pinned from { databaseId name color } to { databaseId name } reactions { emoji count } }\n} }": typeof types.SendChatMessageSupportDocument,
    "subscription ChatEvents($c: String!) { chatEvents(channel: $c) {\n  __typename\n  ... on ChatMessageAdded { channel message { databaseId channel text type from { databaseId name } to { databaseId } replyToId } }\n  ... on ChatMessageEdited { channel message { databaseId text editedAt } }\n  ... on ChatMessageRemoved { channel messageId reason data }\n  ... on ChatReactionsChanged { channel messageId emoji added user { databaseId } reactions { emoji count } }\n  ... on ChatPinChanged { channel pinned message { databaseId pinned } }\n  ... on ChatTyping { channel user { databaseId name } expiresAt }\n  ... on ChatPresenceChanged { channel amount users }\n  ... on ChatSlowModeChanged { channel seconds }\n} }": typeof types.ChatEventsDocument,
    "query ChatChannelSupport($id: String!) { chatChannel(id: $id) { presence { amount users } } }": typeof types.ChatChannelSupportDocument,
    "mutation RegisterAccounts($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name slug email } } }": typeof types.RegisterAccountsDocument,
    "mutation LoginAccounts($i: LoginInput!) { login(input: $i) { token viewer { databaseId name } } }": typeof types.LoginAccountsDocument,
    "query ViewerAccounts { viewer { name } }": typeof types.ViewerAccountsDocument,
    "query ViewerAccounts2 { viewer { loginHistory { ip userAgent firstAccess lastAccess } } }": typeof types.ViewerAccounts2Document,
    "mutation RegisterNames($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name } } }": typeof types.RegisterNamesDocument,
    "subscription Notifications { notifications { type data time } }": typeof types.NotificationsDocument,
    "mutation Follow($id: Int!) { follow(content: STREAM, id: $id) }": typeof types.FollowDocument,
    "mutation SetRole($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }": typeof types.SetRoleDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "mutation LoginPasswordReset($login: String!, $password: String!) { login(input: { login: $login, password: $password }) { token viewer { databaseId } } }": typeof types.LoginPasswordResetDocument,
    "mutation ResetPassword($code: String!, $p: String) { resetPassword(code: $code, newPassword: $p) { token viewer { databaseId name } } }": typeof types.ResetPasswordDocument,
    "query Viewer { viewer { databaseId } }": typeof types.ViewerDocument,
    "mutation SetRoleRoles { setRole(userId: 1, role: \"moderator\", value: true) }": typeof types.SetRoleRolesDocument,
    "mutation SetUserBlocked($id: Int!) { setUserBlocked(userId: $id, state: true) }": typeof types.SetUserBlockedDocument,
    "mutation Login($i: LoginInput!) { login(input: $i) { token } }": typeof types.LoginDocument,
    "mutation SetUserBlockedRoles($id: Int!) { setUserBlocked(userId: $id, state: false) }": typeof types.SetUserBlockedRolesDocument,
    "mutation LoginSeed($i: LoginInput!) { login(input: $i) { viewer { name } } }": typeof types.LoginSeedDocument,
    "query ViewerSettings { viewer { settings { stream { autostart player } chat { fontsize theme mychannels submode } } } }": typeof types.ViewerSettingsDocument,
    "mutation UpdateSettings($s: SettingsInput!) { updateSettings(settings: $s) { stream { autostart player } chat { fontsize theme mychannels submode smiles } } }": typeof types.UpdateSettingsDocument,
    "query User($id: Int) { user(databaseId: $id) { name settings { chat { theme } } } }": typeof types.UserDocument,
    "mutation UpdateProfile($i: ProfileInput!) { updateProfile(input: $i) { nickname location dob gender } }": typeof types.UpdateProfileDocument,
    "mutation Unfollow($id: Int!) { unfollow(content: STREAM, id: $id) }": typeof types.UnfollowDocument,
    "query IsFollowing($id: Int!) { isFollowing(content: STREAM, id: $id) }": typeof types.IsFollowingDocument,
    "query FollowedStreams { followedStreams(content: STREAM) { databaseId title subscribers owner { databaseId name } } followedCount(content: STREAM) }": typeof types.FollowedStreamsDocument,
    "query Followers { followers(content: STREAM) { databaseId name } }": typeof types.FollowersDocument,
    "mutation IgnoreSocial($item: Int!) { ignore(content: CHAT, item: $item) }": typeof types.IgnoreSocialDocument,
    "mutation UnignoreSocial($item: Int!) { unignore(content: CHAT, item: $item) }": typeof types.UnignoreSocialDocument,
    "query IgnoreLists { chat: ignoreList(content: CHAT) { content item } stream: ignoreList(content: STREAM) { content item } }": typeof types.IgnoreListsDocument,
    "query IsIgnored($item: Int!) { isIgnored(content: CHAT, item: $item) }": typeof types.IsIgnoredDocument,
    "mutation FriendsSend($u: Int!) { sendFriendRequest(userId: $u) }": typeof types.FriendsSendDocument,
    "mutation FriendsAccept($u: Int!) { acceptFriendRequest(userId: $u) }": typeof types.FriendsAcceptDocument,
    "mutation FriendsDecline($u: Int!) { declineFriendRequest(userId: $u) }": typeof types.FriendsDeclineDocument,
    "mutation FriendsCancel($u: Int!) { cancelFriendRequest(userId: $u) }": typeof types.FriendsCancelDocument,
    "mutation FriendsRemove($u: Int!) { removeFriend(userId: $u) }": typeof types.FriendsRemoveDocument,
    "\n  query FriendsStatus {\n    friends {\n      friends { databaseId name }\n      incoming { userId createdAt user { databaseId name } }\n      outgoing { userId createdAt user { databaseId name } }\n    }\n  }\n": typeof types.FriendsStatusDocument,
    "mutation FriendsIgnore($u: Int!) { ignore(content: CHAT, item: $u) }": typeof types.FriendsIgnoreDocument,
    "mutation FriendsUnignore($u: Int!) { unignore(content: CHAT, item: $u) }": typeof types.FriendsUnignoreDocument,
    "mutation FriendsBlock($u: Int!) { setUserBlocked(userId: $u, state: true) }": typeof types.FriendsBlockDocument,
    "query FriendsGuest { friends { outgoing { userId } } }": typeof types.FriendsGuestDocument,
    "query PrivateChatChannels { privateChatChannels }": typeof types.PrivateChatChannelsDocument,
    "query ChatHistoryPostgresRestart($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }": typeof types.ChatHistoryPostgresRestartDocument,
    "query TypenamePostgresRestart { __typename }": typeof types.TypenamePostgresRestartDocument,
    "mutation LoginRedisCatchUp($i: LoginInput!) { login(input: $i) { token } }": typeof types.LoginRedisCatchUpDocument,
    "query ChatHistoryRedisCatchUp($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId } }": typeof types.ChatHistoryRedisCatchUpDocument,
    "mutation AddChatReactionRedisCatchUp($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }": typeof types.AddChatReactionRedisCatchUpDocument,
    "query ChatChannelRedisCatchUp($id: String!) { chatChannel(id: $id) { presence { amount } } }": typeof types.ChatChannelRedisCatchUpDocument,
    "mutation LoginRedisOutage($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }": typeof types.LoginRedisOutageDocument,
    "query TypenameRedisOutage { __typename }": typeof types.TypenameRedisOutageDocument,
    "query ChatHistoryRedisOutage($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }": typeof types.ChatHistoryRedisOutageDocument,
    "mutation FollowRedisOutage($id: Int!) { follow(content: STREAM, id: $id) }": typeof types.FollowRedisOutageDocument,
    "subscription NotificationsRedisOutage { notifications { type data } }": typeof types.NotificationsRedisOutageDocument,
    "subscription NotificationsSubscriptionChurn { notifications { type } }": typeof types.NotificationsSubscriptionChurnDocument,
    "subscription SmilesChangedSubscriptionChurn { smilesChanged { __typename } }": typeof types.SmilesChangedSubscriptionChurnDocument,
    "mutation Register($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }": typeof types.RegisterDocument,
    "mutation LoginHarness($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }": typeof types.LoginHarnessDocument,
    "query BanReasonsAndSupportCategories { banReasons { databaseId } supportCategories { databaseId } }": typeof types.BanReasonsAndSupportCategoriesDocument,
    "mutation AskSupport($c: Int!) { askSupport(categoryId: $c, question: \"fuzz question\") { databaseId } }": typeof types.AskSupportDocument,
    "mutation FileComplaint($m: Int!) { fileComplaint(messageId: $m, text: \"fuzz\") { __typename } }": typeof types.FileComplaintDocument,
    "query ViewerHarness { viewer { id } }": typeof types.ViewerHarnessDocument,
    "mutation JcSocketGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId } }": typeof types.JcSocketGiftDocument,
    "mutation JcSocketFund($u: Int!) {\n        adjustStoreBalance(userId: $u, currency: PEKOINS, amount: 10, reason: \"test funds\") { pekoins } }": typeof types.JcSocketFundDocument,
    "mutation RemoveOwn($id: Int!) { removeChatMessage(id: $id) }": typeof types.RemoveOwnDocument,
    "mutation FollowStream($id: Int!) { follow(content: STREAM, id: $id) }": typeof types.FollowStreamDocument,
    "mutation UnfollowStream($id: Int!) { unfollow(content: STREAM, id: $id) }": typeof types.UnfollowStreamDocument,
    "mutation LogoutHere { logout }": typeof types.LogoutHereDocument,
    "mutation AccuseUser($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }": typeof types.AccuseUserDocument,
    "query Bans($u: Int!) { bans(userId: $u) { edges { node { databaseId reason { code } } } } }": typeof types.BansDocument,
    "fragment AuditEntry on ModerationAuditEntry {\n  databaseId action actorId actorName targetUserId targetName reasonId channel banId complaintId ticketId messageId data time\n}": typeof types.AuditEntryFragmentDoc,
    "query ModerationAudit($action: ModerationAction, $actor: Int, $target: Int, $channel: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n  moderationAudit(action: $action, actorId: $actor, targetUserId: $target, channel: $channel, from: $from, to: $to, first: $first, after: $after) {\n    edges { node { ...AuditEntry } } pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.ModerationAuditDocument,
    "subscription ModerationAuditLive { moderationAuditEvents { ...AuditEntry } }": typeof types.ModerationAuditLiveDocument,
    "mutation AddChannelModerator($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }": typeof types.AddChannelModeratorDocument,
    "mutation KickFromChannel($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId } }": typeof types.KickFromChannelDocument,
    "mutation SilenceInChannel($c: String!, $u: Int!, $d: DateTime!) { silenceInChannel(channel: $c, userId: $u, until: $d) { databaseId } }": typeof types.SilenceInChannelDocument,
    "mutation BanFromChannel($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }": typeof types.BanFromChannelDocument,
    "mutation LiftChannelSanction($c: String!, $u: Int!) { liftChannelSanction(channel: $c, userId: $u, kind: BAN) }": typeof types.LiftChannelSanctionDocument,
    "mutation RemoveChannelModerator($c: String!, $u: Int!) { removeChannelModerator(channel: $c, userId: $u) }": typeof types.RemoveChannelModeratorDocument,
    "mutation FileComplaintAudit($m: Int!) { fileComplaint(messageId: $m, text: \"hm\") { databaseId } }": typeof types.FileComplaintAuditDocument,
    "mutation ResolveComplaint($id: Int!) { resolveComplaint(id: $id, status: REJECTED) { status } }": typeof types.ResolveComplaintDocument,
    "subscription ModerationAuditEvents { moderationAuditEvents { action } }": typeof types.ModerationAuditEventsDocument,
    "query BanReasons { banReasons { databaseId code minRole durationSeconds } }": typeof types.BanReasonsDocument,
    "query Bans2($u: Int) { bans(userId: $u) { edges { node { databaseId } } } }": typeof types.Bans2Document,
    "query Bans3($after: String) { bans(first: 2, after: $after) { edges { cursor node { databaseId } } pageInfo { hasNextPage endCursor } } }": typeof types.Bans3Document,
    "query Bans4 { bans(first: 101) { edges { cursor } } }": typeof types.Bans4Document,
    "query Bans5 { bans(first: -1) { edges { cursor } } }": typeof types.Bans5Document,
    "query Bans6 { bans(after: \"nope\") { edges { cursor } } }": typeof types.Bans6Document,
    "query Bans7 { bans(first: 1) { edges { node { id } } } }": typeof types.Bans7Document,
    "query NodeBans($id: ID!) { node(id: $id) { ... on Ban { databaseId user { databaseId } } } }": typeof types.NodeBansDocument,
    "query Complaints($s: ComplaintStatus, $c: String, $a: Int, $after: String) {\n  complaints(status: $s, channel: $c, accusedId: $a, first: 2, after: $after) {\n    edges { node { databaseId status text channel author { databaseId } accused { databaseId } message { databaseId text } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.ComplaintsDocument,
    "mutation ResolveComplaintComplaints($id: Int!, $s: ComplaintStatus!, $n: String) { resolveComplaint(id: $id, status: $s, note: $n) { status note resolvedBy { databaseId } resolvedAt } }": typeof types.ResolveComplaintComplaintsDocument,
    "mutation FileComplaintComplaints($m: Int!, $t: String) { fileComplaint(messageId: $m, text: $t) { databaseId status } }": typeof types.FileComplaintComplaintsDocument,
    "mutation FileComplaintComplaints2($m: Int!) { fileComplaint(messageId: $m) { databaseId } }": typeof types.FileComplaintComplaints2Document,
    "mutation FileComplaintComplaints3($m: Int!) { fileComplaint(messageId: $m, text: \"look\") { databaseId } }": typeof types.FileComplaintComplaints3Document,
    "query BansRace($u: Int!) { bans(userId: $u, first: 100) { edges { node { databaseId active reason { code } } } } }": typeof types.BansRaceDocument,
    "mutation KickFromChannelSanctions($c: String!, $u: Int!, $r: Int) { kickFromChannel(channel: $c, userId: $u, refMessage: $r) { databaseId kind channel refMessageId user { databaseId } actor { databaseId } } }": typeof types.KickFromChannelSanctionsDocument,
    "mutation SilenceInChannelSanctions($c: String!, $u: Int!, $until: DateTime!, $text: String, $r: Int) { silenceInChannel(channel: $c, userId: $u, until: $until, text: $text, refMessage: $r) { databaseId kind until text } }": typeof types.SilenceInChannelSanctionsDocument,
    "mutation BanFromChannelSanctions($c: String!, $u: Int!, $until: DateTime, $r: Int) { banFromChannel(channel: $c, userId: $u, until: $until, refMessage: $r) { databaseId kind until } }": typeof types.BanFromChannelSanctionsDocument,
    "mutation LiftChannelSanctionSanctions($c: String!, $u: Int!, $k: ChannelSanctionKind!) { liftChannelSanction(channel: $c, userId: $u, kind: $k) }": typeof types.LiftChannelSanctionSanctionsDocument,
    "mutation SetChatSlowModeSanctions($c: String!) { setChatSlowMode(channel: $c, seconds: 5) }": typeof types.SetChatSlowModeSanctionsDocument,
    "mutation SetChatSlowModeSanctions2($c: String!) { setChatSlowMode(channel: $c, seconds: 0) }": typeof types.SetChatSlowModeSanctions2Document,
    "mutation RemoveChatMessageSanctions($id: Int!) { removeChatMessage(id: $id, reason: \"offtopic\") }": typeof types.RemoveChatMessageSanctionsDocument,
    "query ComplaintsSanctions($c: String) { complaints(channel: $c) { edges { node { databaseId } } } }": typeof types.ComplaintsSanctionsDocument,
    "query ChannelModerators($c: String!) { channelModerators(channel: $c) { databaseId } }": typeof types.ChannelModeratorsDocument,
    "mutation RejoinChannel($c: String!) { rejoinChannel(channel: $c) }": typeof types.RejoinChannelDocument,
    "query ChannelSanctions($c: String!) { channelSanctions(channel: $c) { kind user { databaseId } } }": typeof types.ChannelSanctionsDocument,
    "mutation SilenceInChannelSanctions2($c: String!, $u: Int!) { silenceInChannel(channel: $c, userId: $u, until: \"2001-01-01T00:00:00Z\") { databaseId } }": typeof types.SilenceInChannelSanctions2Document,
    "query ChannelSanctions2($c: String!) { channelSanctions(channel: $c) { kind } }": typeof types.ChannelSanctions2Document,
    "fragment AnonymousAuditEntry on ModerationAuditEntry {\n  id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time\n}": typeof types.AnonymousAuditEntryFragmentDoc,
    "query AnonymousAudit($actor: Int, $target: Int, $channel: String, $first: Int) {\n  moderationAudit(actorId: $actor, targetUserId: $target, channel: $channel, first: $first) { edges { node {\n    id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time\n  } } }\n}": typeof types.AnonymousAuditDocument,
    "subscription AnonymousAuditLive { moderationAuditEvents { ...AnonymousAuditEntry } }": typeof types.AnonymousAuditLiveDocument,
    "query AnonymousAuditNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on ModerationAuditEntry { ...AnonymousAuditEntry } } }": typeof types.AnonymousAuditNodesDocument,
    "query SupportChannelRead($c: String!) { chatChannel(id: $c) { id } }": typeof types.SupportChannelReadDocument,
    "query SupportChannelHistory($c: String!) { chatHistory(channel: $c) { text } }": typeof types.SupportChannelHistoryDocument,
    "mutation SupportChannelSend($c: String!) { sendChatMessage(input: { channel: $c, text: \"hello?\" }) { isSent } }": typeof types.SupportChannelSendDocument,
    "mutation SupportChannelTyping($c: String!) { sendChatTyping(channel: $c) }": typeof types.SupportChannelTypingDocument,
    "query ChatChannelsSupportAnonymity($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount } } }": typeof types.ChatChannelsSupportAnonymityDocument,
    "query SupportRead($c: String!) { chatHistory(channel: $c) { text } }": typeof types.SupportReadDocument,
    "query SupportReadIds($c: String!) { chatHistory(channel: $c) { text databaseId } }": typeof types.SupportReadIdsDocument,
    "mutation FileComplaintSupport($m: Int!) { fileComplaint(messageId: $m, text: \"x\") { databaseId } }": typeof types.FileComplaintSupportDocument,
    "mutation SendChatMessageSupport2($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { databaseId } } }": typeof types.SendChatMessageSupport2Document,
    "mutation EditChatMessageSupport($id: Int!) { editChatMessage(id: $id, text: \"zebra question, edited\") { databaseId } }": typeof types.EditChatMessageSupportDocument,
    "query ChatHistoryAndChatChannel($c: String!) {\n      chatHistory(channel: $c) { databaseId text from { databaseId name color } to { databaseId name } }\n      chatChannel(id: $c) { name ownerId owner { databaseId } messages(first: 10) { edges { node { text from { databaseId name } to { databaseId name } } } } }\n    }": typeof types.ChatHistoryAndChatChannelDocument,
    "query SearchChatMessagesSupport { searchChatMessages(text: \"zebra\") { message { channel text from { databaseId name } to { databaseId name } } } }": typeof types.SearchChatMessagesSupportDocument,
    "query SearchChatMessagesSupport2($c: String!) { searchChatMessages(text: \"zebra\", channel: $c) { message { from { databaseId name } } } }": typeof types.SearchChatMessagesSupport2Document,
    "query SupportTickets { supportTickets(first: 5) { edges { node { databaseId channel question active answered } } } }": typeof types.SupportTicketsDocument,
    "subscription SupportChatEvents($c: String!) { chatEvents(channel: $c) { __typename\n      ... on ChatTyping { user { databaseId name } }\n      ... on ChatReactionsChanged { user { databaseId name } }\n      ... on ChatPinChanged { message { from { databaseId name } } }\n      ... on ChatPresenceChanged { amount users } } }": typeof types.SupportChatEventsDocument,
    "mutation AddChatReactionSupport($id: Int!) { addChatReaction(id: $id, emoji: \"👍\") { emoji count } }": typeof types.AddChatReactionSupportDocument,
    "mutation PinChatMessageSupport($id: Int!) { pinChatMessage(id: $id) { from { databaseId name } } }": typeof types.PinChatMessageSupportDocument,
    "mutation EditChatMessageSupport2($id: Int!) { editChatMessage(id: $id, text: \"edited answer\") { from { databaseId name } } }": typeof types.EditChatMessageSupport2Document,
    "query ChatChannelSupport2($c: String!) { chatChannel(id: $c) { messages(first: 1) { edges { node { id } } } } }": typeof types.ChatChannelSupport2Document,
    "query NodeSupport($id: ID!) { node(id: $id) { ... on ChatMessage { from { databaseId name } } } }": typeof types.NodeSupportDocument,
    "query ChatChannelSupport3($c: String!) { chatChannel(id: $c) { presence { users } } }": typeof types.ChatChannelSupport3Document,
    "mutation ModerationSendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) {\n  isSent dropReason dropMessage retryAfter message { databaseId channel text from { databaseId name } to { databaseId name } }\n} }": typeof types.ModerationSendChatMessageDocument,
    "subscription ModerationChatEvents($c: String!) { chatEvents(channel: $c) {\n  __typename\n  ... on ChatMessageAdded { message { databaseId channel text type replyToId from { databaseId name color } to { databaseId name color } } }\n  ... on ChatMessageEdited { message { databaseId text from { databaseId name } to { databaseId name } } }\n  ... on ChatMessageRemoved { messageId reason data }\n} }": typeof types.ModerationChatEventsDocument,
    "query ModerationChatHistory($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text type replyToId from { databaseId name } to { databaseId name } } }": typeof types.ModerationChatHistoryDocument,
    "mutation EditChatMessageWriteGuards($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { text } }": typeof types.EditChatMessageWriteGuardsDocument,
    "\n  mutation OAuthSaveApp($input: OAuthAppInput!) {\n    saveOAuthApp(input: $input) { clientSecret app { databaseId clientId approved redirectUri } }\n  }\n": typeof types.OAuthSaveAppDocument,
    "mutation OAuthResetSecret { resetOAuthClientSecret { clientSecret } }": typeof types.OAuthResetSecretDocument,
    "\n  mutation OAuthApprove($clientId: String!, $approved: Boolean!) {\n    approveOAuthApp(clientId: $clientId, approved: $approved) { approved }\n  }\n": typeof types.OAuthApproveDocument,
    "\n  mutation OAuthGrant($code: String!) { grantOAuthCode(code: $code) { redirectUri scopes } }\n": typeof types.OAuthGrantDocument,
    "\n  mutation OAuthRequest($clientId: String!, $scopes: [OAuthScope!], $challenge: String, $state: String) {\n    requestOAuthCode(clientId: $clientId, scopes: $scopes, codeChallenge: $challenge, state: $state) { code }\n  }\n": typeof types.OAuthRequestDocument,
    "\n  mutation OAuthExchange($code: String!, $verifier: String, $secret: String) {\n    exchangeOAuthCode(code: $code, codeVerifier: $verifier, clientSecret: $secret) {\n      accessToken tokenType scopes viewer { databaseId }\n    }\n  }\n": typeof types.OAuthExchangeDocument,
    "query OAuthViewer { viewer { databaseId name } }": typeof types.OAuthViewerDocument,
    "subscription OAuthNotifications { notifications { type } }": typeof types.OAuthNotificationsDocument,
    "\n  mutation OAuthUpdateSettings { updateSettings(settings: { stream: { autostart: false } }) { stream { autostart } } }\n": typeof types.OAuthUpdateSettingsDocument,
    "\n  query ThirdPartyAuthorize($provider: String!, $redirect: String!) {\n    thirdPartyProviders\n    thirdPartyAuthorizeUrl(provider: $provider, redirectUri: $redirect)\n  }\n": typeof types.ThirdPartyAuthorizeDocument,
    "\n  mutation ThirdPartySignIn($provider: String!, $code: String!, $state: String!, $redirect: String!) {\n    signInWithThirdParty(provider: $provider, code: $code, state: $state, redirectUri: $redirect) {\n      session { token viewer { databaseId name } }\n      registration { name token }\n    }\n  }\n": typeof types.ThirdPartySignInDocument,
    "subscription ThirdPartyNotifications { notifications { type data } }": typeof types.ThirdPartyNotificationsDocument,
    "\n  query ThirdPartyLink($redirect: String!) {\n    thirdPartyAuthorizeUrl(provider: \"stub\", redirectUri: $redirect, link: true)\n  }\n": typeof types.ThirdPartyLinkDocument,
    "mutation ConsoleTestLogin($i: LoginInput!) { login(input: $i) { token } }": typeof types.ConsoleTestLoginDocument,
    "mutation ConsoleTestBlock($userId: Int!) { blockUser(userId: $userId, state: true) }": typeof types.ConsoleTestBlockDocument,
    "query ConsoleTestPing { __typename }": typeof types.ConsoleTestPingDocument,
    "query ConsoleTestPlugins { plugins { name enabled requiredBy changedBy } }": typeof types.ConsoleTestPluginsDocument,
    "subscription ConsoleTestPluginsChanged { pluginsChanged { name enabled changedBy } }": typeof types.ConsoleTestPluginsChangedDocument,
    "\n  query OpsOverview {\n    opsOverview {\n      at\n      instance\n      instances {\n        id\n        startedAt\n        lastSeenAt\n        plugins\n        wsConnections\n      }\n      databaseUp\n      redisUp\n      requestsPerSecond\n      errorsPerSecond\n      operations {\n        name\n        perSecond\n        total\n      }\n      published {\n        name\n        perSecond\n        total\n      }\n      wsConnections\n      wsSubscriptions\n    }\n  }\n": typeof types.OpsOverviewDocument,
    "\n  subscription OpsStats {\n    opsStats {\n      at\n      instance\n      requestsPerSecond\n      wsConnections\n      wsSubscriptions\n    }\n  }\n": typeof types.OpsStatsDocument,
    "\n  query OpsProbe {\n    __typename\n  }\n": typeof types.OpsProbeDocument,
    "\n  query OperatorPlugins { plugins { name enabled requires requiredBy changedAt changedBy } }\n": typeof types.OperatorPluginsDocument,
    "\n  mutation OperatorSetPlugin($name: String!, $enabled: Boolean!) {\n    setPluginEnabled(name: $name, enabled: $enabled) { name enabled requiredBy changedBy }\n  }\n": typeof types.OperatorSetPluginDocument,
    "\n  subscription OperatorPluginsChanged { pluginsChanged { name enabled } }\n": typeof types.OperatorPluginsChangedDocument,
    "\n  query SwitchSmiles { smiles { id } }\n": typeof types.SwitchSmilesDocument,
    "\n  subscription SwitchSmilesChanged { smilesChanged { kind } }\n": typeof types.SwitchSmilesChangedDocument,
    "\n  subscription SwitchNotes { notifications { type } }\n": typeof types.SwitchNotesDocument,
    "\n  query SwitchMe { viewer { id } }\n": typeof types.SwitchMeDocument,
    "query BansFuzzFindings($to: DateTime) { bans(first: 5, to: $to) { edges { node { databaseId } } } }": typeof types.BansFuzzFindingsDocument,
    "query BansFuzzFindings2 { bans(first: 5, from: \"0000-12-31T00:00:00Z\") { edges { node { databaseId } } } }": typeof types.BansFuzzFindings2Document,
    "mutation AddChannelModeratorFuzzFindings { addChannelModerator(channel: \"support/2147483648\", userId: 1) }": typeof types.AddChannelModeratorFuzzFindingsDocument,
    "mutation AddChannelModeratorFuzzFindings2 { addChannelModerator(channel: \"support/x\", userId: 1) }": typeof types.AddChannelModeratorFuzzFindings2Document,
    "query MySmileChangesFuzzFindings { mySmileChanges { user { name roles { masterstreamer moderator } } } }": typeof types.MySmileChangesFuzzFindingsDocument,
    "query Typename { __typename }": typeof types.TypenameDocument,
    "query IntrospectionQueryType { __schema { queryType { name } } }": typeof types.IntrospectionQueryTypeDocument,
    "query Type { __type(name: \"User\") { fields { name } } }": typeof types.TypeDocument,
    "query UnnamedParamProbe { __typename }": typeof types.UnnamedParamProbeDocument,
    "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { databaseId } } }": typeof types.NodesDocument,
    "query ChatChannels($ids: [String!]!) { chatChannels(ids: $ids) { id } }": typeof types.ChatChannelsDocument,
    "query HistoryByQuery($q: ChatHistoryQuery) { chatHistory(channel: \"main\", query: $q) { id } }": typeof types.HistoryByQueryDocument,
    "mutation InvitePhones($p: [String!]!) { invitePhones(phones: $p) }": typeof types.InvitePhonesDocument,
    "mutation RegisterInputBounds($i: RegisterInput!) { register(input: $i) { token } }": typeof types.RegisterInputBoundsDocument,
    "mutation AccuseUserInputBounds($d: JSON) { accuseUser(userId: 1, reasonId: 1, data: $d) }": typeof types.AccuseUserInputBoundsDocument,
    "query NodeInputBounds($id: ID!) { node(id: $id) { id } }": typeof types.NodeInputBoundsDocument,
    "mutation RegisterPhone($p: String!) { registerPhone(phone: $p) { created } }": typeof types.RegisterPhoneDocument,
    "\n  query MetricsProbe {\n    __typename\n  }\n": typeof types.MetricsProbeDocument,
    "\n  subscription MetricsStats {\n    opsStats {\n      at\n    }\n  }\n": typeof types.MetricsStatsDocument,
    "query ChatChannelMetrics { chatChannel(id: \"main\") { presence { amount } } }": typeof types.ChatChannelMetricsDocument,
    "mutation SendChatMessageMetrics { sendChatMessage(input: { channel: \"main\", text: \"while Redis is away\" }) { isSent } }": typeof types.SendChatMessageMetricsDocument,
    "query TypePlugins { __type(name: \"FixtureThing\") { name } }": typeof types.TypePluginsDocument,
    "query Schema { __schema { queryType { fields { name } } subscriptionType { fields { name } } types { name } } }": typeof types.SchemaDocument,
    "query TypePlugins2 { __type(name: \"FixtureSettings\") { name } }": typeof types.TypePlugins2Document,
    "query ViewerAndDefaultRoles { viewer { name } defaultRoles { citizen moderator } }": typeof types.ViewerAndDefaultRolesDocument,
    "query ViewerTwice { viewer { id } a: viewer { id } }": typeof types.ViewerTwiceDocument,
    "query SchemaServer { __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }": typeof types.SchemaServerDocument,
    "mutation RegisterServer($i: RegisterInput!) { register(input: $i) { token viewer { name databaseId email } } }": typeof types.RegisterServerDocument,
    "mutation LogoutSse { logout }": typeof types.LogoutSseDocument,
    "mutation BlockUserSse($u: Int!) { blockUser(userId: $u, state: true) }": typeof types.BlockUserSseDocument,
    "mutation SetRoleSse($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }": typeof types.SetRoleSseDocument,
    "mutation LoginWsRevocation($l: String!, $p: String!) { login(input: { login: $l, password: $p }) { token } }": typeof types.LoginWsRevocationDocument,
    "mutation BlockUser($u: Int!) { blockUser(userId: $u, state: true) }": typeof types.BlockUserDocument,
    "mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }": typeof types.RequestPasswordResetDocument,
    "mutation ResetPasswordWsRevocation($c: String!, $p: String) { resetPassword(code: $c, newPassword: $p) { token } }": typeof types.ResetPasswordWsRevocationDocument,
    "mutation SetRoleWsRevocation($u: Int!) { setRole(userId: $u, role: \"moderator\", value: false) }": typeof types.SetRoleWsRevocationDocument,
    "\n  mutation CreateRoomChannelT($r: Int!, $name: String!, $type: String, $readOnly: Boolean, $categoryId: Int) {\n    createRoomChannel(roomId: $r, name: $name, type: $type, readOnly: $readOnly, categoryId: $categoryId) {\n      databaseId roomId name type position readOnly categoryId chatChannel\n    }\n  }\n": typeof types.CreateRoomChannelTDocument,
    "\n  mutation UpdateRoomChannelT($c: Int!, $name: String, $readOnly: Boolean, $position: Int) {\n    updateRoomChannel(channelId: $c, name: $name, readOnly: $readOnly, position: $position) { databaseId name readOnly position }\n  }\n": typeof types.UpdateRoomChannelTDocument,
    "query RoomChannelsT($r: Int!) { room(databaseId: $r) { channels { databaseId name position } } }": typeof types.RoomChannelsTDocument,
    "\n  mutation SendInRoomChannelT($c: String!) { sendChatMessage(input: { channel: $c, text: \"hello\" }) { isSent dropReason } }\n": typeof types.SendInRoomChannelTDocument,
    "\n  mutation AddRoomEmojiT($r: Int!, $n: String!, $file: File!) {\n    addRoomEmoji(roomId: $r, name: $n, file: $file) { databaseId name url width height sticker description }\n  }\n": typeof types.AddRoomEmojiTDocument,
    "\n  mutation AddRoomStickerT($r: Int!, $n: String!, $d: String, $file: File!) {\n    addRoomSticker(roomId: $r, name: $n, file: $file, description: $d) { databaseId name url sticker description }\n  }\n": typeof types.AddRoomStickerTDocument,
    "mutation RemoveRoomEmojiT($e: Int!) { removeRoomEmoji(emojiId: $e) }": typeof types.RemoveRoomEmojiTDocument,
    "\n  query RoomEmojisT($r: Int!) { room(databaseId: $r) { emojis { databaseId name } stickers { databaseId name description } } }\n": typeof types.RoomEmojisTDocument,
    "\n  mutation SendWithEmojisT($c: String!, $text: String!) { sendChatMessage(input: { channel: $c, text: $text }) { isSent } }\n": typeof types.SendWithEmojisTDocument,
    "\n  mutation EmojiChannelT($r: Int!) { createRoomChannel(roomId: $r, name: \"general\") { databaseId chatChannel } }\n": typeof types.EmojiChannelTDocument,
    "mutation DeleteEmojiRoomT($r: Int!) { deleteRoom(roomId: $r) }": typeof types.DeleteEmojiRoomTDocument,
    "query SiteSmilesT { smiles { code } }": typeof types.SiteSmilesTDocument,
    "mutation SmilerRemovesT($ids: [Int!]!) { removeSmiles(ids: $ids) }": typeof types.SmilerRemovesTDocument,
    "\n  subscription RoomChangedT($r: Int!) {\n    roomChanged(roomId: $r) { change roomId room { databaseId name } user { databaseId } role inviteId channelId time }\n  }\n": typeof types.RoomChangedTDocument,
    "mutation UpdateRoomLiveT($r: Int!, $name: String!) { updateRoom(roomId: $r, input: { name: $name }) { databaseId } }": typeof types.UpdateRoomLiveTDocument,
    "mutation DeleteRoomLiveT($r: Int!) { deleteRoom(roomId: $r) }": typeof types.DeleteRoomLiveTDocument,
    "mutation NewChannelLiveT($r: Int!, $n: String!) { createRoomChannel(roomId: $r, name: $n) { databaseId } }": typeof types.NewChannelLiveTDocument,
    "mutation EditChannelLiveT($c: Int!) { updateRoomChannel(channelId: $c, readOnly: true) { databaseId } }": typeof types.EditChannelLiveTDocument,
    "mutation PreviewLiveT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId } }": typeof types.PreviewLiveTDocument,
    "subscription RoomNotificationsT { notifications { type data } }": typeof types.RoomNotificationsTDocument,
    "query RoomHistoryT($c: String!) { chatHistory(channel: $c) { databaseId text } }": typeof types.RoomHistoryTDocument,
    "subscription RoomChatEventsT($c: String!) { chatEvents(channel: $c) { __typename } }": typeof types.RoomChatEventsTDocument,
    "mutation RoomSendT($c: String!) { sendChatMessage(input: { channel: $c, text: \"secret plans\" }) { isSent } }": typeof types.RoomSendTDocument,
    "mutation FollowRoomT($id: Int!) { follow(content: ROOM, id: $id) }": typeof types.FollowRoomTDocument,
    "\n  mutation SetRoomPreviewT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId image imageUrl } }\n": typeof types.SetRoomPreviewTDocument,
    "query RoomImageT($r: Int!) { room(databaseId: $r) { image imageUrl } }": typeof types.RoomImageTDocument,
    "\n  query RoomsT($name: String, $filled: Boolean, $closed: Boolean, $categoryId: Int, $ownerId: Int, $includeHidden: Boolean,\n    $orderBy: RoomOrder!, $first: Int, $after: String, $offset: Int, $last: Int) {\n    rooms(name: $name, filled: $filled, closed: $closed, categoryId: $categoryId, ownerId: $ownerId, includeHidden: $includeHidden,\n      orderBy: $orderBy, first: $first, after: $after, offset: $offset, last: $last) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { databaseId name } }\n    }\n  }\n": typeof types.RoomsTDocument,
    "query MyRoomsT { myRooms { role room { databaseId } } }": typeof types.MyRoomsTDocument,
    "\n  mutation CreateRoomT($i: CreateRoomInput!) {\n    createRoom(input: $i) { databaseId name slug mode hidden closed hasPassword maxUsers settings ownerId category { databaseId } }\n  }\n": typeof types.CreateRoomTDocument,
    "\n  mutation UpdateRoomT($r: Int!, $i: UpdateRoomInput!) {\n    updateRoom(roomId: $r, input: $i) { databaseId name slug mode hidden hasPassword closed maxUsers settings category { databaseId } }\n  }\n": typeof types.UpdateRoomTDocument,
    "mutation DeleteRoomT($r: Int!) { deleteRoom(roomId: $r) }": typeof types.DeleteRoomTDocument,
    "query RoomT($id: Int, $slug: String) { room(databaseId: $id, slug: $slug) { databaseId name slug } }": typeof types.RoomTDocument,
    "query RoomCategoriesT { roomCategories { databaseId name slug } }": typeof types.RoomCategoriesTDocument,
    "query RoomAllFieldsT($id: Int!) {\n        room(databaseId: $id) { id databaseId name slug ownerId mode hasPassword closed hidden rating image imageUrl settings\n          maxUsers createdAt available viewerRole category { databaseId } owner { databaseId } channels { databaseId } }\n      }": typeof types.RoomAllFieldsTDocument,
    "query RoomTypeFieldsT { __type(name: \"Room\") { fields { name } } }": typeof types.RoomTypeFieldsTDocument,
    "\n  query UserRoomsOf($id: Int!) {\n    user(databaseId: $id) {\n      activeRoom { databaseId }\n      ownedRooms { databaseId }\n      visitedRooms { databaseId }\n    }\n  }\n": typeof types.UserRoomsOfDocument,
    "\n  mutation VideoSetPlaylist($roomId: Int!, $items: [RoomPlaylistItemInput!]!) {\n    setRoomPlaylist(roomId: $roomId, items: $items) { databaseId position url start main persistent }\n  }\n": typeof types.VideoSetPlaylistDocument,
    "\n  mutation VideoSetCurrent($roomId: Int!, $position: Int!) {\n    setRoomCurrentVideo(roomId: $roomId, position: $position) {\n      roomId url playlistPosition startedAt code { started paused }\n    }\n  }\n": typeof types.VideoSetCurrentDocument,
    "\n  query VideoOfRoom($id: Int!) {\n    room(databaseId: $id) {\n      currentVideo { roomId url playlistPosition startedAt code { started paused } }\n      playlist { databaseId position url start main persistent }\n      playbackHistory { url start end }\n    }\n  }\n": typeof types.VideoOfRoomDocument,
    "query VideoRandomStream { randomStream }": typeof types.VideoRandomStreamDocument,
    "mutation SubmitSmileChanges { submitSmileChanges }": typeof types.SubmitSmileChangesDocument,
    "mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }": typeof types.ApproveSmileChangesDocument,
    "query MySmileChanges { mySmileChanges { submitted } }": typeof types.MySmileChangesDocument,
    "query ScopeSmiles { smiles { databaseId } }": typeof types.ScopeSmilesDocument,
    "query ScopeApprovalQueue { smileApprovalQueue { submitted } }": typeof types.ScopeApprovalQueueDocument,
    "query ScopeMySmileChanges { mySmileChanges { submitted } }": typeof types.ScopeMySmileChangesDocument,
    "mutation ScopeUpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }": typeof types.ScopeUpdateSmilesDocument,
    "mutation ScopeRemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }": typeof types.ScopeRemoveSmilesDocument,
    "mutation ScopeRemoveIcons($ids: [Int!]!) { removeIcons(ids: $ids) }": typeof types.ScopeRemoveIconsDocument,
    "mutation ScopeRevertSmileChanges { revertSmileChanges }": typeof types.ScopeRevertSmileChangesDocument,
    "mutation ScopeApprove($u: Int!) { approveSmileChanges(userId: $u) }": typeof types.ScopeApproveDocument,
    "mutation ScopeReject($u: Int!) { rejectSmileChanges(userId: $u) }": typeof types.ScopeRejectDocument,
    "subscription SmilesChanged { smilesChanged { kind user { databaseId name } smiles { databaseId code url tab position level siteLevel masterStreamerLevel icon user { databaseId } } removedIds } }": typeof types.SmilesChangedDocument,
    "subscription SmileQueueChanged { smileQueueChanged { kind user { databaseId name } set { submitted smiles { code change user { databaseId } } removed { databaseId } } } }": typeof types.SmileQueueChangedDocument,
    "subscription NotificationsLive { notifications { type data } }": typeof types.NotificationsLiveDocument,
    "mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }": typeof types.UpdateSmilesDocument,
    "mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }": typeof types.RemoveSmilesDocument,
    "mutation RejectSmileChanges($u: Int!) { rejectSmileChanges(userId: $u) }": typeof types.RejectSmileChangesDocument,
    "mutation AddSmile($file: File!) { addSmile(file: $file) { databaseId code url approved width height icon } }": typeof types.AddSmileDocument,
    "mutation AddIcon($file: File!) { addIcon(file: $file) { databaseId code url approved width height icon } }": typeof types.AddIconDocument,
    "mutation AddSmileUploads { addSmile(file: \"x\") { databaseId } }": typeof types.AddSmileUploadsDocument,
    "fragment ChangeSet on SmileChangeSet { user { databaseId name } submitted submittedAt hasChanges\n  smiles { databaseId code tab position level masterStreamerLevel siteLevel change icon user { databaseId } }\n  removed { databaseId code change } }": typeof types.ChangeSetFragmentDoc,
    "query MyChangeSet { mySmileChanges { ...ChangeSet } }": typeof types.MyChangeSetDocument,
    "query Smiles { smiles { databaseId code url tab position width height level masterStreamerLevel siteLevel icon approved user { databaseId name } } }": typeof types.SmilesDocument,
    "mutation RevertSmileChanges { revertSmileChanges }": typeof types.RevertSmileChangesDocument,
    "query ApprovalQueue { smileApprovalQueue { ...ChangeSet } }": typeof types.ApprovalQueueDocument,
    "query SmilesWorkflow { smiles(icon: true) { databaseId icon tab position level } }": typeof types.SmilesWorkflowDocument,
    "query SmilesWorkflow2 { smiles(icon: false) { icon } }": typeof types.SmilesWorkflow2Document,
    "query SmilesWorkflow3 { smiles { databaseId } }": typeof types.SmilesWorkflow3Document,
    "query SmilesWorkflow4 { smiles { id databaseId code } }": typeof types.SmilesWorkflow4Document,
    "query NodeWorkflow($id: ID!) { node(id: $id) { ... on Smile { databaseId code } } }": typeof types.NodeWorkflowDocument,
    "mutation StoreMatrixGift { saveStoreGift(input: { name: \"Pin\", image: \"/p.png\", price: 1, active: true }) { databaseId } }": typeof types.StoreMatrixGiftDocument,
    "\n  mutation StoreMatrixGrant($u: Int!, $b: Int!) { grantStoreBonus(userId: $u, bonusId: $b, reason: \"matrix\") { databaseId } }\n": typeof types.StoreMatrixGrantDocument,
    "\n  mutation StoreMatrixSub($u: Int!, $s: Int!) {\n    saveStoreSubscription(input: { userId: $u, streamerId: $s, active: true, reason: \"matrix\" }) { databaseId }\n  }\n": typeof types.StoreMatrixSubDocument,
    "\n  mutation StoreEffectsSend($i: SendChatMessageInput!) {\n    sendChatMessage(input: $i) { isSent message { databaseId from { databaseId nickColor } } }\n  }\n": typeof types.StoreEffectsSendDocument,
    "mutation StoreEffectsEdit($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId } }": typeof types.StoreEffectsEditDocument,
    "\n  query StoreEffectsHistory($c: String!) { chatHistory(channel: $c, limit: 20) { databaseId from { databaseId nickColor } } }\n": typeof types.StoreEffectsHistoryDocument,
    "\n  subscription StoreEffectsEvents($c: String!) {\n    chatEvents(channel: $c) { __typename ... on ChatMessageAdded { message { databaseId from { databaseId nickColor } } } }\n  }\n": typeof types.StoreEffectsEventsDocument,
    "query StoreEffectsNick($id: Int!) { user(databaseId: $id) { nickColor } }": typeof types.StoreEffectsNickDocument,
    "\n  mutation StoreEffectsStatus($id: Int!, $a: Boolean!) { setStorePurchaseStatus(id: $id, active: $a) { active inEffect } }\n": typeof types.StoreEffectsStatusDocument,
    "\n  mutation StoreTopUp($i: StoreTopUpInput!) { topUp(input: $i) { transactionId replayed wallet { userId pekoins } } }\n": typeof types.StoreTopUpDocument,
    "\n  mutation StoreSaveGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId name image price active } }\n": typeof types.StoreSaveGiftDocument,
    "\n  query StoreGiftsOf($u: Int!) { receivedGifts(userId: $u, first: 10) { edges { node { name price text fromId from { databaseId } } } } }\n": typeof types.StoreGiftsOfDocument,
    "subscription StoreGiftEvents { giftReceived { name text fromId toId } }": typeof types.StoreGiftEventsDocument,
    "\n  query StorePostings($c: StoreCurrency, $first: Int, $after: String) {\n    wallet { pekoins points postings(currency: $c, first: $first, after: $after) {\n      edges { cursor node { databaseId transactionId kind currency amount reason time } }\n      pageInfo { hasNextPage endCursor }\n    } }\n  }\n": typeof types.StorePostingsDocument,
    "\n  query StorePurchases($u: Int) { storePurchases(userId: $u) { databaseId bonusId expiresAt active inEffect removed bonus { name } } }\n": typeof types.StorePurchasesDocument,
    "\n  mutation StoreRefund($id: Int!, $k: String) { refundStorePurchase(id: $id, reason: \"customer asked\", idempotencyKey: $k) { removed } }\n": typeof types.StoreRefundDocument,
    "\n  mutation StoreSetPoints($u: Int!, $a: Int!, $r: String!) { setStorePoints(userId: $u, amount: $a, reason: $r) { userId amount } }\n": typeof types.StoreSetPointsDocument,
    "\n  query StoreAudit($u: Int) { storeAudit(userId: $u, first: 20) { edges { node { action reason staffId transactionId before after } } } }\n": typeof types.StoreAuditDocument,
    "query StoreLedgerCheck { storeLedgerCheck { ok entries postings unbalancedEntries totals { currency sum } } }": typeof types.StoreLedgerCheckDocument,
    "\n      mutation StoreAdjustMatrix($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"r\") { pekoins points } }\n    ": typeof types.StoreAdjustMatrixDocument,
    "query StoreWalletOf($u: Int) { wallet(userId: $u) { userId points } }": typeof types.StoreWalletOfDocument,
    "mutation StorePropGift { saveStoreGift(input: { name: \"Prop\", image: \"/p.png\", price: 4, active: true }) { databaseId } }": typeof types.StorePropGiftDocument,
    "mutation StorePropTopUp($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }": typeof types.StorePropTopUpDocument,
    "mutation StorePropSend($g: Int!, $u: Int!) { sendGift(giftId: $g, userId: $u) { databaseId } }": typeof types.StorePropSendDocument,
    "mutation StorePropRefund($id: Int!) { refundStorePurchase(id: $id, reason: \"property\") { databaseId } }": typeof types.StorePropRefundDocument,
    "\n  mutation StorePropAdjust($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"property\") { pekoins } }\n": typeof types.StorePropAdjustDocument,
    "mutation StorePropPoints($u: Int!, $a: Int!) { setStorePoints(userId: $u, amount: $a, reason: \"property\") { amount } }": typeof types.StorePropPointsDocument,
    "query StoreForSale($all: Boolean) { storeBonuses(all: $all) { databaseId } }": typeof types.StoreForSaleDocument,
    "\n      mutation StoreTopUpOff($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }\n    ": typeof types.StoreTopUpOffDocument,
    "\n  subscription StorePurchaseEvents { bonusPurchased { change purchase { databaseId bonusId inEffect expiresAt } } }\n": typeof types.StorePurchaseEventsDocument,
    "mutation StoreOtherBuys($b: Int!) { buyBonus(bonusId: $b, currency: PEKOINS) { purchase { databaseId } } }": typeof types.StoreOtherBuysDocument,
    "\n  mutation StoreBuySub($s: Int!, $k: String) { buyStreamerSubscription(streamerId: $s, idempotencyKey: $k) { databaseId userId streamerId expiresAt active inEffect } }\n": typeof types.StoreBuySubDocument,
    "\n  mutation StoreSaveSub($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { databaseId expiresAt active inEffect } }\n": typeof types.StoreSaveSubDocument,
    "\n  mutation StoreSubStatus($id: Int!, $a: Boolean!) { setStoreSubscriptionStatus(id: $id, active: $a) { active } }\n": typeof types.StoreSubStatusDocument,
    "\n  subscription StoreSubEvents { subscriptionChanged { change subscription { databaseId userId streamerId expiresAt } } }\n": typeof types.StoreSubEventsDocument,
    "subscription StoreWalletEvents { walletChanged { wallet { pekoins points } kind transactionId } }": typeof types.StoreWalletEventsDocument,
    "mutation StoreSubPrice($s: Int!, $p: Int!) { setSubscriptionPrice(streamerId: $s, price: $p) }": typeof types.StoreSubPriceDocument,
    "query StoreSubPriceOf($s: Int!) { subscriptionPrice(streamerId: $s) }": typeof types.StoreSubPriceOfDocument,
    "\n  mutation StoreSaveBonus($input: StoreBonusInput!) {\n    saveStoreBonus(input: $input) { databaseId type config duration name price { canBePurchased pekoins points } view { category position linked } }\n  }\n": typeof types.StoreSaveBonusDocument,
    "\n  mutation StoreAdjust($u: Int!, $c: StoreCurrency!, $a: Int!, $k: String) {\n    adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"test funds\", idempotencyKey: $k) { pekoins points }\n  }\n": typeof types.StoreAdjustDocument,
    "query StoreWallet($u: Int) { wallet(userId: $u) { pekoins points } }": typeof types.StoreWalletDocument,
    "\n  mutation StoreBuy($b: Int!, $c: StoreCurrency!, $k: String) {\n    buyBonus(bonusId: $b, currency: $c, idempotencyKey: $k) {\n      purchase { databaseId expiresAt active inEffect }\n      purchases { databaseId }\n      wallet { pekoins points }\n    }\n  }\n": typeof types.StoreBuyDocument,
    "\n  mutation StreamsSaveCategory($input: ContentCategoryInput!) { saveContentCategory(input: $input) { databaseId slug } }\n": typeof types.StreamsSaveCategoryDocument,
    "\n  mutation StreamsSaveStream($input: LiveStreamInput!) {\n    saveLiveStream(input: $input) { databaseId title online rating players { provider channel url } }\n  }\n": typeof types.StreamsSaveStreamDocument,
    "\n  mutation StreamsPlayerStatus($provider: StreamProvider!, $channel: String!, $online: Boolean!, $viewers: Int!) {\n    setStreamPlayerStatus(provider: $provider, channel: $channel, online: $online, viewers: $viewers, title: \"live\")\n  }\n": typeof types.StreamsPlayerStatusDocument,
    "\n  query StreamsRoot { contentCategory(content: STREAM, slug: \"top\") { databaseId } }\n": typeof types.StreamsRootDocument,
    "\n  query StreamsList($slug: String!, $first: Int, $after: String) {\n    liveStreams(category: { slug: $slug }, first: $first, after: $after) {\n      edges { cursor node { databaseId rating } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.StreamsListDocument,
    "\n  query StreamsNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on LiveStream { databaseId active } } }\n": typeof types.StreamsNodesDocument,
    "mutation UploadFile($file: File!) { uploadFile(file: $file) { id name mimeType size width height url } }": typeof types.UploadFileDocument,
};
const documents: Documents = {
    "query ChatChannel($id: String!) { chatChannel(id: $id) { id name ownerId messages(first: 5) { edges { node { text } } } } }": types.ChatChannelDocument,
    "query ChatHistoryChannels($c: String!) { chatHistory(channel: $c, limit: 5) { text } }": types.ChatHistoryChannelsDocument,
    "mutation SendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { id } } }": types.SendChatMessageDocument,
    "mutation AddChatReactionChannels($id: Int!) { addChatReaction(id: $id, emoji: \"👀\") { emoji } }": types.AddChatReactionChannelsDocument,
    "query Node($id: ID!) { node(id: $id) { ... on ChatMessage { text } } }": types.NodeDocument,
    "query ChatChannels2($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount users } } }": types.ChatChannels2Document,
    "mutation EditChatMessage($id: Int!) { editChatMessage(id: $id, text: \"edited on A\") { databaseId } }": types.EditChatMessageDocument,
    "mutation RemoveChatMessageCluster($id: Int!) { removeChatMessage(id: $id, reason: \"oops\") }": types.RemoveChatMessageClusterDocument,
    "query ChatHistoryCluster { chatHistory(channel: \"main\", limit: 1) { databaseId } }": types.ChatHistoryClusterDocument,
    "mutation Ignore($i: Int!) { ignore(content: CHAT, item: $i) }": types.IgnoreDocument,
    "query ChatChannelHistory($c: String!, $first: Int, $after: String, $last: Int, $before: String) { chatChannel(id: $c) {\n  messages(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { databaseId text } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }\n} }": types.ChatChannelHistoryDocument,
    "query ChatHistory2($c: String!, $skip: Int, $limit: Int, $q: ChatHistoryQuery) { chatHistory(channel: $c, skip: $skip, limit: $limit, query: $q) { databaseId text from { databaseId } to { databaseId } type } }": types.ChatHistory2Document,
    "query ChatChannelHistory2($c: String!, $q: ChatHistoryQuery) { chatChannel(id: $c) { messages(first: 10, query: $q) { edges { node { text } } } } }": types.ChatChannelHistory2Document,
    "query SearchChatMessages { searchChatMessages(text: \"pineapple\") { message { text } } }": types.SearchChatMessagesDocument,
    "mutation Unignore($i: Int!) { unignore(content: CHAT, item: $i) }": types.UnignoreDocument,
    "query SearchChatMessagesHistory($q: String!, $c: String, $first: Int, $offset: Int) { searchChatMessages(text: $q, channel: $c, first: $first, offset: $offset) { rank message { databaseId channel text } } }": types.SearchChatMessagesHistoryDocument,
    "mutation RemoveChatMessage($id: Int!) { removeChatMessage(id: $id) }": types.RemoveChatMessageDocument,
    "query ChatChannelHistory3($c: String!, $n: Int!) { chatChannel(id: $c) { messages(first: $n) { edges { node { text from { name } to { name } reactions { emoji count } } } } } }": types.ChatChannelHistory3Document,
    "mutation SendChatMessageLimitsRace($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }": types.SendChatMessageLimitsRaceDocument,
    "mutation AddChatReaction($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { count } }": types.AddChatReactionDocument,
    "mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }": types.PinChatMessageDocument,
    "mutation EditChatMessageLive($id: Int!) { editChatMessage(id: $id, text: \"hi (edited)\") { databaseId } }": types.EditChatMessageLiveDocument,
    "mutation AddChatReactionLive($id: Int!) { addChatReaction(id: $id, emoji: \"❤️\") { count } }": types.AddChatReactionLiveDocument,
    "mutation RemoveChatReactionLive($id: Int!) { removeChatReaction(id: $id, emoji: \"❤️\") { count } }": types.RemoveChatReactionLiveDocument,
    "mutation UnpinChatMessage($id: Int!) { unpinChatMessage(id: $id) { pinned } }": types.UnpinChatMessageDocument,
    "mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }": types.SendChatTypingDocument,
    "mutation SetChatSlowMode($c: String!) { setChatSlowMode(channel: $c, seconds: 10) }": types.SetChatSlowModeDocument,
    "mutation RemoveChatMessageLive($id: Int!, $d: JSON) { removeChatMessage(id: $id, reason: \"ban\", data: $d) }": types.RemoveChatMessageLiveDocument,
    "mutation AddChatReactionLive2($id: Int!) { addChatReaction(id: $id, emoji: \"👍\") { count } }": types.AddChatReactionLive2Document,
    "mutation EditChatMessageMessages($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId text editedAt time } }": types.EditChatMessageMessagesDocument,
    "mutation RemoveChatMessageMessages($id: Int!, $reason: String, $data: JSON) { removeChatMessage(id: $id, reason: $reason, data: $data) }": types.RemoveChatMessageMessagesDocument,
    "mutation PinChatMessageMessages($id: Int!) { pinChatMessage(id: $id) { databaseId pinned } }": types.PinChatMessageMessagesDocument,
    "mutation UnpinChatMessageMessages($id: Int!) { unpinChatMessage(id: $id) { databaseId pinned } }": types.UnpinChatMessageMessagesDocument,
    "mutation AddChatReactionMessages($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }": types.AddChatReactionMessagesDocument,
    "mutation RemoveChatReaction($id: Int!, $e: String!) { removeChatReaction(id: $id, emoji: $e) { emoji count } }": types.RemoveChatReactionDocument,
    "mutation SetChatSlowModeMessages($c: String!, $s: Int!) { setChatSlowMode(channel: $c, seconds: $s) }": types.SetChatSlowModeMessagesDocument,
    "query ChatHistoryMessages($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text } }": types.ChatHistoryMessagesDocument,
    "query ChatChannelMessages($c: String!) { chatChannel(id: $c) { pinned { databaseId text pinned } } }": types.ChatChannelMessagesDocument,
    "query ChatChannelMessages2($c: String!) { chatChannel(id: $c) { pinned { databaseId } } }": types.ChatChannelMessages2Document,
    "query ChatHistoryMessages2 { chatHistory(channel: \"main\", limit: 1) { databaseId reactions { emoji count } } }": types.ChatHistoryMessages2Document,
    "query ChatChannelMessages3($c: String!) { chatChannel(id: $c) { slowModeSeconds } }": types.ChatChannelMessages3Document,
    "query SearchChatMessages2 { searchChatMessages(text: \"quasar\") { rank message { databaseId } } }": types.SearchChatMessages2Document,
    "query SearchChatMessages3 { searchChatMessages(text: \"quasar\", first: 100) { rank } }": types.SearchChatMessages3Document,
    "query SearchChatMessages4($c: String!) { searchChatMessages(text: \"w1234\", channel: $c, first: 100) { message { text } } }": types.SearchChatMessages4Document,
    "query SearchChatMessages5($c: String!) { searchChatMessages(text: \"walrus\", channel: $c) { message { text } } }": types.SearchChatMessages5Document,
    "query SearchChatMessages6($c: String!) { searchChatMessages(text: \"walrus\", channel: $c) { rank } }": types.SearchChatMessages6Document,
    "mutation SharedLivePoll($m: Int!) {\n        createMessagePoll(messageId: $m, question: \"which?\", options: [\"a\", \"b\"]) { databaseId options { databaseId } } }": types.SharedLivePollDocument,
    "mutation SharedLiveVote($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }": types.SharedLiveVoteDocument,
    "mutation SharedLiveEdit($id: Int!) { editChatMessage(id: $id, text: \"edited\") { databaseId } }": types.SharedLiveEditDocument,
    "mutation SendChatMessageSupport($i: SendChatMessageInput!) { sendChatMessage(input: $i) {\n  isSent dropReason dropMessage retryAfter\n  message { databaseId channel text type time editedAt replyToId pinned from { databaseId name color } to { databaseId name } reactions { emoji count } }\n} }": types.SendChatMessageSupportDocument,
    "subscription ChatEvents($c: String!) { chatEvents(channel: $c) {\n  __typename\n  ... on ChatMessageAdded { channel message { databaseId channel text type from { databaseId name } to { databaseId } replyToId } }\n  ... on ChatMessageEdited { channel message { databaseId text editedAt } }\n  ... on ChatMessageRemoved { channel messageId reason data }\n  ... on ChatReactionsChanged { channel messageId emoji added user { databaseId } reactions { emoji count } }\n  ... on ChatPinChanged { channel pinned message { databaseId pinned } }\n  ... on ChatTyping { channel user { databaseId name } expiresAt }\n  ... on ChatPresenceChanged { channel amount users }\n  ... on ChatSlowModeChanged { channel seconds }\n} }": types.ChatEventsDocument,
    "query ChatChannelSupport($id: String!) { chatChannel(id: $id) { presence { amount users } } }": types.ChatChannelSupportDocument,
    "mutation RegisterAccounts($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name slug email } } }": types.RegisterAccountsDocument,
    "mutation LoginAccounts($i: LoginInput!) { login(input: $i) { token viewer { databaseId name } } }": types.LoginAccountsDocument,
    "query ViewerAccounts { viewer { name } }": types.ViewerAccountsDocument,
    "query ViewerAccounts2 { viewer { loginHistory { ip userAgent firstAccess lastAccess } } }": types.ViewerAccounts2Document,
    "mutation RegisterNames($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name } } }": types.RegisterNamesDocument,
    "subscription Notifications { notifications { type data time } }": types.NotificationsDocument,
    "mutation Follow($id: Int!) { follow(content: STREAM, id: $id) }": types.FollowDocument,
    "mutation SetRole($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }": types.SetRoleDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "mutation LoginPasswordReset($login: String!, $password: String!) { login(input: { login: $login, password: $password }) { token viewer { databaseId } } }": types.LoginPasswordResetDocument,
    "mutation ResetPassword($code: String!, $p: String) { resetPassword(code: $code, newPassword: $p) { token viewer { databaseId name } } }": types.ResetPasswordDocument,
    "query Viewer { viewer { databaseId } }": types.ViewerDocument,
    "mutation SetRoleRoles { setRole(userId: 1, role: \"moderator\", value: true) }": types.SetRoleRolesDocument,
    "mutation SetUserBlocked($id: Int!) { setUserBlocked(userId: $id, state: true) }": types.SetUserBlockedDocument,
    "mutation Login($i: LoginInput!) { login(input: $i) { token } }": types.LoginDocument,
    "mutation SetUserBlockedRoles($id: Int!) { setUserBlocked(userId: $id, state: false) }": types.SetUserBlockedRolesDocument,
    "mutation LoginSeed($i: LoginInput!) { login(input: $i) { viewer { name } } }": types.LoginSeedDocument,
    "query ViewerSettings { viewer { settings { stream { autostart player } chat { fontsize theme mychannels submode } } } }": types.ViewerSettingsDocument,
    "mutation UpdateSettings($s: SettingsInput!) { updateSettings(settings: $s) { stream { autostart player } chat { fontsize theme mychannels submode smiles } } }": types.UpdateSettingsDocument,
    "query User($id: Int) { user(databaseId: $id) { name settings { chat { theme } } } }": types.UserDocument,
    "mutation UpdateProfile($i: ProfileInput!) { updateProfile(input: $i) { nickname location dob gender } }": types.UpdateProfileDocument,
    "mutation Unfollow($id: Int!) { unfollow(content: STREAM, id: $id) }": types.UnfollowDocument,
    "query IsFollowing($id: Int!) { isFollowing(content: STREAM, id: $id) }": types.IsFollowingDocument,
    "query FollowedStreams { followedStreams(content: STREAM) { databaseId title subscribers owner { databaseId name } } followedCount(content: STREAM) }": types.FollowedStreamsDocument,
    "query Followers { followers(content: STREAM) { databaseId name } }": types.FollowersDocument,
    "mutation IgnoreSocial($item: Int!) { ignore(content: CHAT, item: $item) }": types.IgnoreSocialDocument,
    "mutation UnignoreSocial($item: Int!) { unignore(content: CHAT, item: $item) }": types.UnignoreSocialDocument,
    "query IgnoreLists { chat: ignoreList(content: CHAT) { content item } stream: ignoreList(content: STREAM) { content item } }": types.IgnoreListsDocument,
    "query IsIgnored($item: Int!) { isIgnored(content: CHAT, item: $item) }": types.IsIgnoredDocument,
    "mutation FriendsSend($u: Int!) { sendFriendRequest(userId: $u) }": types.FriendsSendDocument,
    "mutation FriendsAccept($u: Int!) { acceptFriendRequest(userId: $u) }": types.FriendsAcceptDocument,
    "mutation FriendsDecline($u: Int!) { declineFriendRequest(userId: $u) }": types.FriendsDeclineDocument,
    "mutation FriendsCancel($u: Int!) { cancelFriendRequest(userId: $u) }": types.FriendsCancelDocument,
    "mutation FriendsRemove($u: Int!) { removeFriend(userId: $u) }": types.FriendsRemoveDocument,
    "\n  query FriendsStatus {\n    friends {\n      friends { databaseId name }\n      incoming { userId createdAt user { databaseId name } }\n      outgoing { userId createdAt user { databaseId name } }\n    }\n  }\n": types.FriendsStatusDocument,
    "mutation FriendsIgnore($u: Int!) { ignore(content: CHAT, item: $u) }": types.FriendsIgnoreDocument,
    "mutation FriendsUnignore($u: Int!) { unignore(content: CHAT, item: $u) }": types.FriendsUnignoreDocument,
    "mutation FriendsBlock($u: Int!) { setUserBlocked(userId: $u, state: true) }": types.FriendsBlockDocument,
    "query FriendsGuest { friends { outgoing { userId } } }": types.FriendsGuestDocument,
    "query PrivateChatChannels { privateChatChannels }": types.PrivateChatChannelsDocument,
    "query ChatHistoryPostgresRestart($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }": types.ChatHistoryPostgresRestartDocument,
    "query TypenamePostgresRestart { __typename }": types.TypenamePostgresRestartDocument,
    "mutation LoginRedisCatchUp($i: LoginInput!) { login(input: $i) { token } }": types.LoginRedisCatchUpDocument,
    "query ChatHistoryRedisCatchUp($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId } }": types.ChatHistoryRedisCatchUpDocument,
    "mutation AddChatReactionRedisCatchUp($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }": types.AddChatReactionRedisCatchUpDocument,
    "query ChatChannelRedisCatchUp($id: String!) { chatChannel(id: $id) { presence { amount } } }": types.ChatChannelRedisCatchUpDocument,
    "mutation LoginRedisOutage($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }": types.LoginRedisOutageDocument,
    "query TypenameRedisOutage { __typename }": types.TypenameRedisOutageDocument,
    "query ChatHistoryRedisOutage($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }": types.ChatHistoryRedisOutageDocument,
    "mutation FollowRedisOutage($id: Int!) { follow(content: STREAM, id: $id) }": types.FollowRedisOutageDocument,
    "subscription NotificationsRedisOutage { notifications { type data } }": types.NotificationsRedisOutageDocument,
    "subscription NotificationsSubscriptionChurn { notifications { type } }": types.NotificationsSubscriptionChurnDocument,
    "subscription SmilesChangedSubscriptionChurn { smilesChanged { __typename } }": types.SmilesChangedSubscriptionChurnDocument,
    "mutation Register($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }": types.RegisterDocument,
    "mutation LoginHarness($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }": types.LoginHarnessDocument,
    "query BanReasonsAndSupportCategories { banReasons { databaseId } supportCategories { databaseId } }": types.BanReasonsAndSupportCategoriesDocument,
    "mutation AskSupport($c: Int!) { askSupport(categoryId: $c, question: \"fuzz question\") { databaseId } }": types.AskSupportDocument,
    "mutation FileComplaint($m: Int!) { fileComplaint(messageId: $m, text: \"fuzz\") { __typename } }": types.FileComplaintDocument,
    "query ViewerHarness { viewer { id } }": types.ViewerHarnessDocument,
    "mutation JcSocketGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId } }": types.JcSocketGiftDocument,
    "mutation JcSocketFund($u: Int!) {\n        adjustStoreBalance(userId: $u, currency: PEKOINS, amount: 10, reason: \"test funds\") { pekoins } }": types.JcSocketFundDocument,
    "mutation RemoveOwn($id: Int!) { removeChatMessage(id: $id) }": types.RemoveOwnDocument,
    "mutation FollowStream($id: Int!) { follow(content: STREAM, id: $id) }": types.FollowStreamDocument,
    "mutation UnfollowStream($id: Int!) { unfollow(content: STREAM, id: $id) }": types.UnfollowStreamDocument,
    "mutation LogoutHere { logout }": types.LogoutHereDocument,
    "mutation AccuseUser($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }": types.AccuseUserDocument,
    "query Bans($u: Int!) { bans(userId: $u) { edges { node { databaseId reason { code } } } } }": types.BansDocument,
    "fragment AuditEntry on ModerationAuditEntry {\n  databaseId action actorId actorName targetUserId targetName reasonId channel banId complaintId ticketId messageId data time\n}": types.AuditEntryFragmentDoc,
    "query ModerationAudit($action: ModerationAction, $actor: Int, $target: Int, $channel: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n  moderationAudit(action: $action, actorId: $actor, targetUserId: $target, channel: $channel, from: $from, to: $to, first: $first, after: $after) {\n    edges { node { ...AuditEntry } } pageInfo { hasNextPage endCursor }\n  }\n}": types.ModerationAuditDocument,
    "subscription ModerationAuditLive { moderationAuditEvents { ...AuditEntry } }": types.ModerationAuditLiveDocument,
    "mutation AddChannelModerator($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }": types.AddChannelModeratorDocument,
    "mutation KickFromChannel($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId } }": types.KickFromChannelDocument,
    "mutation SilenceInChannel($c: String!, $u: Int!, $d: DateTime!) { silenceInChannel(channel: $c, userId: $u, until: $d) { databaseId } }": types.SilenceInChannelDocument,
    "mutation BanFromChannel($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }": types.BanFromChannelDocument,
    "mutation LiftChannelSanction($c: String!, $u: Int!) { liftChannelSanction(channel: $c, userId: $u, kind: BAN) }": types.LiftChannelSanctionDocument,
    "mutation RemoveChannelModerator($c: String!, $u: Int!) { removeChannelModerator(channel: $c, userId: $u) }": types.RemoveChannelModeratorDocument,
    "mutation FileComplaintAudit($m: Int!) { fileComplaint(messageId: $m, text: \"hm\") { databaseId } }": types.FileComplaintAuditDocument,
    "mutation ResolveComplaint($id: Int!) { resolveComplaint(id: $id, status: REJECTED) { status } }": types.ResolveComplaintDocument,
    "subscription ModerationAuditEvents { moderationAuditEvents { action } }": types.ModerationAuditEventsDocument,
    "query BanReasons { banReasons { databaseId code minRole durationSeconds } }": types.BanReasonsDocument,
    "query Bans2($u: Int) { bans(userId: $u) { edges { node { databaseId } } } }": types.Bans2Document,
    "query Bans3($after: String) { bans(first: 2, after: $after) { edges { cursor node { databaseId } } pageInfo { hasNextPage endCursor } } }": types.Bans3Document,
    "query Bans4 { bans(first: 101) { edges { cursor } } }": types.Bans4Document,
    "query Bans5 { bans(first: -1) { edges { cursor } } }": types.Bans5Document,
    "query Bans6 { bans(after: \"nope\") { edges { cursor } } }": types.Bans6Document,
    "query Bans7 { bans(first: 1) { edges { node { id } } } }": types.Bans7Document,
    "query NodeBans($id: ID!) { node(id: $id) { ... on Ban { databaseId user { databaseId } } } }": types.NodeBansDocument,
    "query Complaints($s: ComplaintStatus, $c: String, $a: Int, $after: String) {\n  complaints(status: $s, channel: $c, accusedId: $a, first: 2, after: $after) {\n    edges { node { databaseId status text channel author { databaseId } accused { databaseId } message { databaseId text } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": types.ComplaintsDocument,
    "mutation ResolveComplaintComplaints($id: Int!, $s: ComplaintStatus!, $n: String) { resolveComplaint(id: $id, status: $s, note: $n) { status note resolvedBy { databaseId } resolvedAt } }": types.ResolveComplaintComplaintsDocument,
    "mutation FileComplaintComplaints($m: Int!, $t: String) { fileComplaint(messageId: $m, text: $t) { databaseId status } }": types.FileComplaintComplaintsDocument,
    "mutation FileComplaintComplaints2($m: Int!) { fileComplaint(messageId: $m) { databaseId } }": types.FileComplaintComplaints2Document,
    "mutation FileComplaintComplaints3($m: Int!) { fileComplaint(messageId: $m, text: \"look\") { databaseId } }": types.FileComplaintComplaints3Document,
    "query BansRace($u: Int!) { bans(userId: $u, first: 100) { edges { node { databaseId active reason { code } } } } }": types.BansRaceDocument,
    "mutation KickFromChannelSanctions($c: String!, $u: Int!, $r: Int) { kickFromChannel(channel: $c, userId: $u, refMessage: $r) { databaseId kind channel refMessageId user { databaseId } actor { databaseId } } }": types.KickFromChannelSanctionsDocument,
    "mutation SilenceInChannelSanctions($c: String!, $u: Int!, $until: DateTime!, $text: String, $r: Int) { silenceInChannel(channel: $c, userId: $u, until: $until, text: $text, refMessage: $r) { databaseId kind until text } }": types.SilenceInChannelSanctionsDocument,
    "mutation BanFromChannelSanctions($c: String!, $u: Int!, $until: DateTime, $r: Int) { banFromChannel(channel: $c, userId: $u, until: $until, refMessage: $r) { databaseId kind until } }": types.BanFromChannelSanctionsDocument,
    "mutation LiftChannelSanctionSanctions($c: String!, $u: Int!, $k: ChannelSanctionKind!) { liftChannelSanction(channel: $c, userId: $u, kind: $k) }": types.LiftChannelSanctionSanctionsDocument,
    "mutation SetChatSlowModeSanctions($c: String!) { setChatSlowMode(channel: $c, seconds: 5) }": types.SetChatSlowModeSanctionsDocument,
    "mutation SetChatSlowModeSanctions2($c: String!) { setChatSlowMode(channel: $c, seconds: 0) }": types.SetChatSlowModeSanctions2Document,
    "mutation RemoveChatMessageSanctions($id: Int!) { removeChatMessage(id: $id, reason: \"offtopic\") }": types.RemoveChatMessageSanctionsDocument,
    "query ComplaintsSanctions($c: String) { complaints(channel: $c) { edges { node { databaseId } } } }": types.ComplaintsSanctionsDocument,
    "query ChannelModerators($c: String!) { channelModerators(channel: $c) { databaseId } }": types.ChannelModeratorsDocument,
    "mutation RejoinChannel($c: String!) { rejoinChannel(channel: $c) }": types.RejoinChannelDocument,
    "query ChannelSanctions($c: String!) { channelSanctions(channel: $c) { kind user { databaseId } } }": types.ChannelSanctionsDocument,
    "mutation SilenceInChannelSanctions2($c: String!, $u: Int!) { silenceInChannel(channel: $c, userId: $u, until: \"2001-01-01T00:00:00Z\") { databaseId } }": types.SilenceInChannelSanctions2Document,
    "query ChannelSanctions2($c: String!) { channelSanctions(channel: $c) { kind } }": types.ChannelSanctions2Document,
    "fragment AnonymousAuditEntry on ModerationAuditEntry {\n  id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time\n}": types.AnonymousAuditEntryFragmentDoc,
    "query AnonymousAudit($actor: Int, $target: Int, $channel: String, $first: Int) {\n  moderationAudit(actorId: $actor, targetUserId: $target, channel: $channel, first: $first) { edges { node {\n    id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time\n  } } }\n}": types.AnonymousAuditDocument,
    "subscription AnonymousAuditLive { moderationAuditEvents { ...AnonymousAuditEntry } }": types.AnonymousAuditLiveDocument,
    "query AnonymousAuditNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on ModerationAuditEntry { ...AnonymousAuditEntry } } }": types.AnonymousAuditNodesDocument,
    "query SupportChannelRead($c: String!) { chatChannel(id: $c) { id } }": types.SupportChannelReadDocument,
    "query SupportChannelHistory($c: String!) { chatHistory(channel: $c) { text } }": types.SupportChannelHistoryDocument,
    "mutation SupportChannelSend($c: String!) { sendChatMessage(input: { channel: $c, text: \"hello?\" }) { isSent } }": types.SupportChannelSendDocument,
    "mutation SupportChannelTyping($c: String!) { sendChatTyping(channel: $c) }": types.SupportChannelTypingDocument,
    "query ChatChannelsSupportAnonymity($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount } } }": types.ChatChannelsSupportAnonymityDocument,
    "query SupportRead($c: String!) { chatHistory(channel: $c) { text } }": types.SupportReadDocument,
    "query SupportReadIds($c: String!) { chatHistory(channel: $c) { text databaseId } }": types.SupportReadIdsDocument,
    "mutation FileComplaintSupport($m: Int!) { fileComplaint(messageId: $m, text: \"x\") { databaseId } }": types.FileComplaintSupportDocument,
    "mutation SendChatMessageSupport2($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { databaseId } } }": types.SendChatMessageSupport2Document,
    "mutation EditChatMessageSupport($id: Int!) { editChatMessage(id: $id, text: \"zebra question, edited\") { databaseId } }": types.EditChatMessageSupportDocument,
    "query ChatHistoryAndChatChannel($c: String!) {\n      chatHistory(channel: $c) { databaseId text from { databaseId name color } to { databaseId name } }\n      chatChannel(id: $c) { name ownerId owner { databaseId } messages(first: 10) { edges { node { text from { databaseId name } to { databaseId name } } } } }\n    }": types.ChatHistoryAndChatChannelDocument,
    "query SearchChatMessagesSupport { searchChatMessages(text: \"zebra\") { message { channel text from { databaseId name } to { databaseId name } } } }": types.SearchChatMessagesSupportDocument,
    "query SearchChatMessagesSupport2($c: String!) { searchChatMessages(text: \"zebra\", channel: $c) { message { from { databaseId name } } } }": types.SearchChatMessagesSupport2Document,
    "query SupportTickets { supportTickets(first: 5) { edges { node { databaseId channel question active answered } } } }": types.SupportTicketsDocument,
    "subscription SupportChatEvents($c: String!) { chatEvents(channel: $c) { __typename\n      ... on ChatTyping { user { databaseId name } }\n      ... on ChatReactionsChanged { user { databaseId name } }\n      ... on ChatPinChanged { message { from { databaseId name } } }\n      ... on ChatPresenceChanged { amount users } } }": types.SupportChatEventsDocument,
    "mutation AddChatReactionSupport($id: Int!) { addChatReaction(id: $id, emoji: \"👍\") { emoji count } }": types.AddChatReactionSupportDocument,
    "mutation PinChatMessageSupport($id: Int!) { pinChatMessage(id: $id) { from { databaseId name } } }": types.PinChatMessageSupportDocument,
    "mutation EditChatMessageSupport2($id: Int!) { editChatMessage(id: $id, text: \"edited answer\") { from { databaseId name } } }": types.EditChatMessageSupport2Document,
    "query ChatChannelSupport2($c: String!) { chatChannel(id: $c) { messages(first: 1) { edges { node { id } } } } }": types.ChatChannelSupport2Document,
    "query NodeSupport($id: ID!) { node(id: $id) { ... on ChatMessage { from { databaseId name } } } }": types.NodeSupportDocument,
    "query ChatChannelSupport3($c: String!) { chatChannel(id: $c) { presence { users } } }": types.ChatChannelSupport3Document,
    "mutation ModerationSendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) {\n  isSent dropReason dropMessage retryAfter message { databaseId channel text from { databaseId name } to { databaseId name } }\n} }": types.ModerationSendChatMessageDocument,
    "subscription ModerationChatEvents($c: String!) { chatEvents(channel: $c) {\n  __typename\n  ... on ChatMessageAdded { message { databaseId channel text type replyToId from { databaseId name color } to { databaseId name color } } }\n  ... on ChatMessageEdited { message { databaseId text from { databaseId name } to { databaseId name } } }\n  ... on ChatMessageRemoved { messageId reason data }\n} }": types.ModerationChatEventsDocument,
    "query ModerationChatHistory($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text type replyToId from { databaseId name } to { databaseId name } } }": types.ModerationChatHistoryDocument,
    "mutation EditChatMessageWriteGuards($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { text } }": types.EditChatMessageWriteGuardsDocument,
    "\n  mutation OAuthSaveApp($input: OAuthAppInput!) {\n    saveOAuthApp(input: $input) { clientSecret app { databaseId clientId approved redirectUri } }\n  }\n": types.OAuthSaveAppDocument,
    "mutation OAuthResetSecret { resetOAuthClientSecret { clientSecret } }": types.OAuthResetSecretDocument,
    "\n  mutation OAuthApprove($clientId: String!, $approved: Boolean!) {\n    approveOAuthApp(clientId: $clientId, approved: $approved) { approved }\n  }\n": types.OAuthApproveDocument,
    "\n  mutation OAuthGrant($code: String!) { grantOAuthCode(code: $code) { redirectUri scopes } }\n": types.OAuthGrantDocument,
    "\n  mutation OAuthRequest($clientId: String!, $scopes: [OAuthScope!], $challenge: String, $state: String) {\n    requestOAuthCode(clientId: $clientId, scopes: $scopes, codeChallenge: $challenge, state: $state) { code }\n  }\n": types.OAuthRequestDocument,
    "\n  mutation OAuthExchange($code: String!, $verifier: String, $secret: String) {\n    exchangeOAuthCode(code: $code, codeVerifier: $verifier, clientSecret: $secret) {\n      accessToken tokenType scopes viewer { databaseId }\n    }\n  }\n": types.OAuthExchangeDocument,
    "query OAuthViewer { viewer { databaseId name } }": types.OAuthViewerDocument,
    "subscription OAuthNotifications { notifications { type } }": types.OAuthNotificationsDocument,
    "\n  mutation OAuthUpdateSettings { updateSettings(settings: { stream: { autostart: false } }) { stream { autostart } } }\n": types.OAuthUpdateSettingsDocument,
    "\n  query ThirdPartyAuthorize($provider: String!, $redirect: String!) {\n    thirdPartyProviders\n    thirdPartyAuthorizeUrl(provider: $provider, redirectUri: $redirect)\n  }\n": types.ThirdPartyAuthorizeDocument,
    "\n  mutation ThirdPartySignIn($provider: String!, $code: String!, $state: String!, $redirect: String!) {\n    signInWithThirdParty(provider: $provider, code: $code, state: $state, redirectUri: $redirect) {\n      session { token viewer { databaseId name } }\n      registration { name token }\n    }\n  }\n": types.ThirdPartySignInDocument,
    "subscription ThirdPartyNotifications { notifications { type data } }": types.ThirdPartyNotificationsDocument,
    "\n  query ThirdPartyLink($redirect: String!) {\n    thirdPartyAuthorizeUrl(provider: \"stub\", redirectUri: $redirect, link: true)\n  }\n": types.ThirdPartyLinkDocument,
    "mutation ConsoleTestLogin($i: LoginInput!) { login(input: $i) { token } }": types.ConsoleTestLoginDocument,
    "mutation ConsoleTestBlock($userId: Int!) { blockUser(userId: $userId, state: true) }": types.ConsoleTestBlockDocument,
    "query ConsoleTestPing { __typename }": types.ConsoleTestPingDocument,
    "query ConsoleTestPlugins { plugins { name enabled requiredBy changedBy } }": types.ConsoleTestPluginsDocument,
    "subscription ConsoleTestPluginsChanged { pluginsChanged { name enabled changedBy } }": types.ConsoleTestPluginsChangedDocument,
    "\n  query OpsOverview {\n    opsOverview {\n      at\n      instance\n      instances {\n        id\n        startedAt\n        lastSeenAt\n        plugins\n        wsConnections\n      }\n      databaseUp\n      redisUp\n      requestsPerSecond\n      errorsPerSecond\n      operations {\n        name\n        perSecond\n        total\n      }\n      published {\n        name\n        perSecond\n        total\n      }\n      wsConnections\n      wsSubscriptions\n    }\n  }\n": types.OpsOverviewDocument,
    "\n  subscription OpsStats {\n    opsStats {\n      at\n      instance\n      requestsPerSecond\n      wsConnections\n      wsSubscriptions\n    }\n  }\n": types.OpsStatsDocument,
    "\n  query OpsProbe {\n    __typename\n  }\n": types.OpsProbeDocument,
    "\n  query OperatorPlugins { plugins { name enabled requires requiredBy changedAt changedBy } }\n": types.OperatorPluginsDocument,
    "\n  mutation OperatorSetPlugin($name: String!, $enabled: Boolean!) {\n    setPluginEnabled(name: $name, enabled: $enabled) { name enabled requiredBy changedBy }\n  }\n": types.OperatorSetPluginDocument,
    "\n  subscription OperatorPluginsChanged { pluginsChanged { name enabled } }\n": types.OperatorPluginsChangedDocument,
    "\n  query SwitchSmiles { smiles { id } }\n": types.SwitchSmilesDocument,
    "\n  subscription SwitchSmilesChanged { smilesChanged { kind } }\n": types.SwitchSmilesChangedDocument,
    "\n  subscription SwitchNotes { notifications { type } }\n": types.SwitchNotesDocument,
    "\n  query SwitchMe { viewer { id } }\n": types.SwitchMeDocument,
    "query BansFuzzFindings($to: DateTime) { bans(first: 5, to: $to) { edges { node { databaseId } } } }": types.BansFuzzFindingsDocument,
    "query BansFuzzFindings2 { bans(first: 5, from: \"0000-12-31T00:00:00Z\") { edges { node { databaseId } } } }": types.BansFuzzFindings2Document,
    "mutation AddChannelModeratorFuzzFindings { addChannelModerator(channel: \"support/2147483648\", userId: 1) }": types.AddChannelModeratorFuzzFindingsDocument,
    "mutation AddChannelModeratorFuzzFindings2 { addChannelModerator(channel: \"support/x\", userId: 1) }": types.AddChannelModeratorFuzzFindings2Document,
    "query MySmileChangesFuzzFindings { mySmileChanges { user { name roles { masterstreamer moderator } } } }": types.MySmileChangesFuzzFindingsDocument,
    "query Typename { __typename }": types.TypenameDocument,
    "query IntrospectionQueryType { __schema { queryType { name } } }": types.IntrospectionQueryTypeDocument,
    "query Type { __type(name: \"User\") { fields { name } } }": types.TypeDocument,
    "query UnnamedParamProbe { __typename }": types.UnnamedParamProbeDocument,
    "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { databaseId } } }": types.NodesDocument,
    "query ChatChannels($ids: [String!]!) { chatChannels(ids: $ids) { id } }": types.ChatChannelsDocument,
    "query HistoryByQuery($q: ChatHistoryQuery) { chatHistory(channel: \"main\", query: $q) { id } }": types.HistoryByQueryDocument,
    "mutation InvitePhones($p: [String!]!) { invitePhones(phones: $p) }": types.InvitePhonesDocument,
    "mutation RegisterInputBounds($i: RegisterInput!) { register(input: $i) { token } }": types.RegisterInputBoundsDocument,
    "mutation AccuseUserInputBounds($d: JSON) { accuseUser(userId: 1, reasonId: 1, data: $d) }": types.AccuseUserInputBoundsDocument,
    "query NodeInputBounds($id: ID!) { node(id: $id) { id } }": types.NodeInputBoundsDocument,
    "mutation RegisterPhone($p: String!) { registerPhone(phone: $p) { created } }": types.RegisterPhoneDocument,
    "\n  query MetricsProbe {\n    __typename\n  }\n": types.MetricsProbeDocument,
    "\n  subscription MetricsStats {\n    opsStats {\n      at\n    }\n  }\n": types.MetricsStatsDocument,
    "query ChatChannelMetrics { chatChannel(id: \"main\") { presence { amount } } }": types.ChatChannelMetricsDocument,
    "mutation SendChatMessageMetrics { sendChatMessage(input: { channel: \"main\", text: \"while Redis is away\" }) { isSent } }": types.SendChatMessageMetricsDocument,
    "query TypePlugins { __type(name: \"FixtureThing\") { name } }": types.TypePluginsDocument,
    "query Schema { __schema { queryType { fields { name } } subscriptionType { fields { name } } types { name } } }": types.SchemaDocument,
    "query TypePlugins2 { __type(name: \"FixtureSettings\") { name } }": types.TypePlugins2Document,
    "query ViewerAndDefaultRoles { viewer { name } defaultRoles { citizen moderator } }": types.ViewerAndDefaultRolesDocument,
    "query ViewerTwice { viewer { id } a: viewer { id } }": types.ViewerTwiceDocument,
    "query SchemaServer { __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }": types.SchemaServerDocument,
    "mutation RegisterServer($i: RegisterInput!) { register(input: $i) { token viewer { name databaseId email } } }": types.RegisterServerDocument,
    "mutation LogoutSse { logout }": types.LogoutSseDocument,
    "mutation BlockUserSse($u: Int!) { blockUser(userId: $u, state: true) }": types.BlockUserSseDocument,
    "mutation SetRoleSse($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }": types.SetRoleSseDocument,
    "mutation LoginWsRevocation($l: String!, $p: String!) { login(input: { login: $l, password: $p }) { token } }": types.LoginWsRevocationDocument,
    "mutation BlockUser($u: Int!) { blockUser(userId: $u, state: true) }": types.BlockUserDocument,
    "mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }": types.RequestPasswordResetDocument,
    "mutation ResetPasswordWsRevocation($c: String!, $p: String) { resetPassword(code: $c, newPassword: $p) { token } }": types.ResetPasswordWsRevocationDocument,
    "mutation SetRoleWsRevocation($u: Int!) { setRole(userId: $u, role: \"moderator\", value: false) }": types.SetRoleWsRevocationDocument,
    "\n  mutation CreateRoomChannelT($r: Int!, $name: String!, $type: String, $readOnly: Boolean, $categoryId: Int) {\n    createRoomChannel(roomId: $r, name: $name, type: $type, readOnly: $readOnly, categoryId: $categoryId) {\n      databaseId roomId name type position readOnly categoryId chatChannel\n    }\n  }\n": types.CreateRoomChannelTDocument,
    "\n  mutation UpdateRoomChannelT($c: Int!, $name: String, $readOnly: Boolean, $position: Int) {\n    updateRoomChannel(channelId: $c, name: $name, readOnly: $readOnly, position: $position) { databaseId name readOnly position }\n  }\n": types.UpdateRoomChannelTDocument,
    "query RoomChannelsT($r: Int!) { room(databaseId: $r) { channels { databaseId name position } } }": types.RoomChannelsTDocument,
    "\n  mutation SendInRoomChannelT($c: String!) { sendChatMessage(input: { channel: $c, text: \"hello\" }) { isSent dropReason } }\n": types.SendInRoomChannelTDocument,
    "\n  mutation AddRoomEmojiT($r: Int!, $n: String!, $file: File!) {\n    addRoomEmoji(roomId: $r, name: $n, file: $file) { databaseId name url width height sticker description }\n  }\n": types.AddRoomEmojiTDocument,
    "\n  mutation AddRoomStickerT($r: Int!, $n: String!, $d: String, $file: File!) {\n    addRoomSticker(roomId: $r, name: $n, file: $file, description: $d) { databaseId name url sticker description }\n  }\n": types.AddRoomStickerTDocument,
    "mutation RemoveRoomEmojiT($e: Int!) { removeRoomEmoji(emojiId: $e) }": types.RemoveRoomEmojiTDocument,
    "\n  query RoomEmojisT($r: Int!) { room(databaseId: $r) { emojis { databaseId name } stickers { databaseId name description } } }\n": types.RoomEmojisTDocument,
    "\n  mutation SendWithEmojisT($c: String!, $text: String!) { sendChatMessage(input: { channel: $c, text: $text }) { isSent } }\n": types.SendWithEmojisTDocument,
    "\n  mutation EmojiChannelT($r: Int!) { createRoomChannel(roomId: $r, name: \"general\") { databaseId chatChannel } }\n": types.EmojiChannelTDocument,
    "mutation DeleteEmojiRoomT($r: Int!) { deleteRoom(roomId: $r) }": types.DeleteEmojiRoomTDocument,
    "query SiteSmilesT { smiles { code } }": types.SiteSmilesTDocument,
    "mutation SmilerRemovesT($ids: [Int!]!) { removeSmiles(ids: $ids) }": types.SmilerRemovesTDocument,
    "\n  subscription RoomChangedT($r: Int!) {\n    roomChanged(roomId: $r) { change roomId room { databaseId name } user { databaseId } role inviteId channelId time }\n  }\n": types.RoomChangedTDocument,
    "mutation UpdateRoomLiveT($r: Int!, $name: String!) { updateRoom(roomId: $r, input: { name: $name }) { databaseId } }": types.UpdateRoomLiveTDocument,
    "mutation DeleteRoomLiveT($r: Int!) { deleteRoom(roomId: $r) }": types.DeleteRoomLiveTDocument,
    "mutation NewChannelLiveT($r: Int!, $n: String!) { createRoomChannel(roomId: $r, name: $n) { databaseId } }": types.NewChannelLiveTDocument,
    "mutation EditChannelLiveT($c: Int!) { updateRoomChannel(channelId: $c, readOnly: true) { databaseId } }": types.EditChannelLiveTDocument,
    "mutation PreviewLiveT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId } }": types.PreviewLiveTDocument,
    "subscription RoomNotificationsT { notifications { type data } }": types.RoomNotificationsTDocument,
    "query RoomHistoryT($c: String!) { chatHistory(channel: $c) { databaseId text } }": types.RoomHistoryTDocument,
    "subscription RoomChatEventsT($c: String!) { chatEvents(channel: $c) { __typename } }": types.RoomChatEventsTDocument,
    "mutation RoomSendT($c: String!) { sendChatMessage(input: { channel: $c, text: \"secret plans\" }) { isSent } }": types.RoomSendTDocument,
    "mutation FollowRoomT($id: Int!) { follow(content: ROOM, id: $id) }": types.FollowRoomTDocument,
    "\n  mutation SetRoomPreviewT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId image imageUrl } }\n": types.SetRoomPreviewTDocument,
    "query RoomImageT($r: Int!) { room(databaseId: $r) { image imageUrl } }": types.RoomImageTDocument,
    "\n  query RoomsT($name: String, $filled: Boolean, $closed: Boolean, $categoryId: Int, $ownerId: Int, $includeHidden: Boolean,\n    $orderBy: RoomOrder!, $first: Int, $after: String, $offset: Int, $last: Int) {\n    rooms(name: $name, filled: $filled, closed: $closed, categoryId: $categoryId, ownerId: $ownerId, includeHidden: $includeHidden,\n      orderBy: $orderBy, first: $first, after: $after, offset: $offset, last: $last) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { databaseId name } }\n    }\n  }\n": types.RoomsTDocument,
    "query MyRoomsT { myRooms { role room { databaseId } } }": types.MyRoomsTDocument,
    "\n  mutation CreateRoomT($i: CreateRoomInput!) {\n    createRoom(input: $i) { databaseId name slug mode hidden closed hasPassword maxUsers settings ownerId category { databaseId } }\n  }\n": types.CreateRoomTDocument,
    "\n  mutation UpdateRoomT($r: Int!, $i: UpdateRoomInput!) {\n    updateRoom(roomId: $r, input: $i) { databaseId name slug mode hidden hasPassword closed maxUsers settings category { databaseId } }\n  }\n": types.UpdateRoomTDocument,
    "mutation DeleteRoomT($r: Int!) { deleteRoom(roomId: $r) }": types.DeleteRoomTDocument,
    "query RoomT($id: Int, $slug: String) { room(databaseId: $id, slug: $slug) { databaseId name slug } }": types.RoomTDocument,
    "query RoomCategoriesT { roomCategories { databaseId name slug } }": types.RoomCategoriesTDocument,
    "query RoomAllFieldsT($id: Int!) {\n        room(databaseId: $id) { id databaseId name slug ownerId mode hasPassword closed hidden rating image imageUrl settings\n          maxUsers createdAt available viewerRole category { databaseId } owner { databaseId } channels { databaseId } }\n      }": types.RoomAllFieldsTDocument,
    "query RoomTypeFieldsT { __type(name: \"Room\") { fields { name } } }": types.RoomTypeFieldsTDocument,
    "\n  query UserRoomsOf($id: Int!) {\n    user(databaseId: $id) {\n      activeRoom { databaseId }\n      ownedRooms { databaseId }\n      visitedRooms { databaseId }\n    }\n  }\n": types.UserRoomsOfDocument,
    "\n  mutation VideoSetPlaylist($roomId: Int!, $items: [RoomPlaylistItemInput!]!) {\n    setRoomPlaylist(roomId: $roomId, items: $items) { databaseId position url start main persistent }\n  }\n": types.VideoSetPlaylistDocument,
    "\n  mutation VideoSetCurrent($roomId: Int!, $position: Int!) {\n    setRoomCurrentVideo(roomId: $roomId, position: $position) {\n      roomId url playlistPosition startedAt code { started paused }\n    }\n  }\n": types.VideoSetCurrentDocument,
    "\n  query VideoOfRoom($id: Int!) {\n    room(databaseId: $id) {\n      currentVideo { roomId url playlistPosition startedAt code { started paused } }\n      playlist { databaseId position url start main persistent }\n      playbackHistory { url start end }\n    }\n  }\n": types.VideoOfRoomDocument,
    "query VideoRandomStream { randomStream }": types.VideoRandomStreamDocument,
    "mutation SubmitSmileChanges { submitSmileChanges }": types.SubmitSmileChangesDocument,
    "mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }": types.ApproveSmileChangesDocument,
    "query MySmileChanges { mySmileChanges { submitted } }": types.MySmileChangesDocument,
    "query ScopeSmiles { smiles { databaseId } }": types.ScopeSmilesDocument,
    "query ScopeApprovalQueue { smileApprovalQueue { submitted } }": types.ScopeApprovalQueueDocument,
    "query ScopeMySmileChanges { mySmileChanges { submitted } }": types.ScopeMySmileChangesDocument,
    "mutation ScopeUpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }": types.ScopeUpdateSmilesDocument,
    "mutation ScopeRemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }": types.ScopeRemoveSmilesDocument,
    "mutation ScopeRemoveIcons($ids: [Int!]!) { removeIcons(ids: $ids) }": types.ScopeRemoveIconsDocument,
    "mutation ScopeRevertSmileChanges { revertSmileChanges }": types.ScopeRevertSmileChangesDocument,
    "mutation ScopeApprove($u: Int!) { approveSmileChanges(userId: $u) }": types.ScopeApproveDocument,
    "mutation ScopeReject($u: Int!) { rejectSmileChanges(userId: $u) }": types.ScopeRejectDocument,
    "subscription SmilesChanged { smilesChanged { kind user { databaseId name } smiles { databaseId code url tab position level siteLevel masterStreamerLevel icon user { databaseId } } removedIds } }": types.SmilesChangedDocument,
    "subscription SmileQueueChanged { smileQueueChanged { kind user { databaseId name } set { submitted smiles { code change user { databaseId } } removed { databaseId } } } }": types.SmileQueueChangedDocument,
    "subscription NotificationsLive { notifications { type data } }": types.NotificationsLiveDocument,
    "mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }": types.UpdateSmilesDocument,
    "mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }": types.RemoveSmilesDocument,
    "mutation RejectSmileChanges($u: Int!) { rejectSmileChanges(userId: $u) }": types.RejectSmileChangesDocument,
    "mutation AddSmile($file: File!) { addSmile(file: $file) { databaseId code url approved width height icon } }": types.AddSmileDocument,
    "mutation AddIcon($file: File!) { addIcon(file: $file) { databaseId code url approved width height icon } }": types.AddIconDocument,
    "mutation AddSmileUploads { addSmile(file: \"x\") { databaseId } }": types.AddSmileUploadsDocument,
    "fragment ChangeSet on SmileChangeSet { user { databaseId name } submitted submittedAt hasChanges\n  smiles { databaseId code tab position level masterStreamerLevel siteLevel change icon user { databaseId } }\n  removed { databaseId code change } }": types.ChangeSetFragmentDoc,
    "query MyChangeSet { mySmileChanges { ...ChangeSet } }": types.MyChangeSetDocument,
    "query Smiles { smiles { databaseId code url tab position width height level masterStreamerLevel siteLevel icon approved user { databaseId name } } }": types.SmilesDocument,
    "mutation RevertSmileChanges { revertSmileChanges }": types.RevertSmileChangesDocument,
    "query ApprovalQueue { smileApprovalQueue { ...ChangeSet } }": types.ApprovalQueueDocument,
    "query SmilesWorkflow { smiles(icon: true) { databaseId icon tab position level } }": types.SmilesWorkflowDocument,
    "query SmilesWorkflow2 { smiles(icon: false) { icon } }": types.SmilesWorkflow2Document,
    "query SmilesWorkflow3 { smiles { databaseId } }": types.SmilesWorkflow3Document,
    "query SmilesWorkflow4 { smiles { id databaseId code } }": types.SmilesWorkflow4Document,
    "query NodeWorkflow($id: ID!) { node(id: $id) { ... on Smile { databaseId code } } }": types.NodeWorkflowDocument,
    "mutation StoreMatrixGift { saveStoreGift(input: { name: \"Pin\", image: \"/p.png\", price: 1, active: true }) { databaseId } }": types.StoreMatrixGiftDocument,
    "\n  mutation StoreMatrixGrant($u: Int!, $b: Int!) { grantStoreBonus(userId: $u, bonusId: $b, reason: \"matrix\") { databaseId } }\n": types.StoreMatrixGrantDocument,
    "\n  mutation StoreMatrixSub($u: Int!, $s: Int!) {\n    saveStoreSubscription(input: { userId: $u, streamerId: $s, active: true, reason: \"matrix\" }) { databaseId }\n  }\n": types.StoreMatrixSubDocument,
    "\n  mutation StoreEffectsSend($i: SendChatMessageInput!) {\n    sendChatMessage(input: $i) { isSent message { databaseId from { databaseId nickColor } } }\n  }\n": types.StoreEffectsSendDocument,
    "mutation StoreEffectsEdit($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId } }": types.StoreEffectsEditDocument,
    "\n  query StoreEffectsHistory($c: String!) { chatHistory(channel: $c, limit: 20) { databaseId from { databaseId nickColor } } }\n": types.StoreEffectsHistoryDocument,
    "\n  subscription StoreEffectsEvents($c: String!) {\n    chatEvents(channel: $c) { __typename ... on ChatMessageAdded { message { databaseId from { databaseId nickColor } } } }\n  }\n": types.StoreEffectsEventsDocument,
    "query StoreEffectsNick($id: Int!) { user(databaseId: $id) { nickColor } }": types.StoreEffectsNickDocument,
    "\n  mutation StoreEffectsStatus($id: Int!, $a: Boolean!) { setStorePurchaseStatus(id: $id, active: $a) { active inEffect } }\n": types.StoreEffectsStatusDocument,
    "\n  mutation StoreTopUp($i: StoreTopUpInput!) { topUp(input: $i) { transactionId replayed wallet { userId pekoins } } }\n": types.StoreTopUpDocument,
    "\n  mutation StoreSaveGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId name image price active } }\n": types.StoreSaveGiftDocument,
    "\n  query StoreGiftsOf($u: Int!) { receivedGifts(userId: $u, first: 10) { edges { node { name price text fromId from { databaseId } } } } }\n": types.StoreGiftsOfDocument,
    "subscription StoreGiftEvents { giftReceived { name text fromId toId } }": types.StoreGiftEventsDocument,
    "\n  query StorePostings($c: StoreCurrency, $first: Int, $after: String) {\n    wallet { pekoins points postings(currency: $c, first: $first, after: $after) {\n      edges { cursor node { databaseId transactionId kind currency amount reason time } }\n      pageInfo { hasNextPage endCursor }\n    } }\n  }\n": types.StorePostingsDocument,
    "\n  query StorePurchases($u: Int) { storePurchases(userId: $u) { databaseId bonusId expiresAt active inEffect removed bonus { name } } }\n": types.StorePurchasesDocument,
    "\n  mutation StoreRefund($id: Int!, $k: String) { refundStorePurchase(id: $id, reason: \"customer asked\", idempotencyKey: $k) { removed } }\n": types.StoreRefundDocument,
    "\n  mutation StoreSetPoints($u: Int!, $a: Int!, $r: String!) { setStorePoints(userId: $u, amount: $a, reason: $r) { userId amount } }\n": types.StoreSetPointsDocument,
    "\n  query StoreAudit($u: Int) { storeAudit(userId: $u, first: 20) { edges { node { action reason staffId transactionId before after } } } }\n": types.StoreAuditDocument,
    "query StoreLedgerCheck { storeLedgerCheck { ok entries postings unbalancedEntries totals { currency sum } } }": types.StoreLedgerCheckDocument,
    "\n      mutation StoreAdjustMatrix($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"r\") { pekoins points } }\n    ": types.StoreAdjustMatrixDocument,
    "query StoreWalletOf($u: Int) { wallet(userId: $u) { userId points } }": types.StoreWalletOfDocument,
    "mutation StorePropGift { saveStoreGift(input: { name: \"Prop\", image: \"/p.png\", price: 4, active: true }) { databaseId } }": types.StorePropGiftDocument,
    "mutation StorePropTopUp($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }": types.StorePropTopUpDocument,
    "mutation StorePropSend($g: Int!, $u: Int!) { sendGift(giftId: $g, userId: $u) { databaseId } }": types.StorePropSendDocument,
    "mutation StorePropRefund($id: Int!) { refundStorePurchase(id: $id, reason: \"property\") { databaseId } }": types.StorePropRefundDocument,
    "\n  mutation StorePropAdjust($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"property\") { pekoins } }\n": types.StorePropAdjustDocument,
    "mutation StorePropPoints($u: Int!, $a: Int!) { setStorePoints(userId: $u, amount: $a, reason: \"property\") { amount } }": types.StorePropPointsDocument,
    "query StoreForSale($all: Boolean) { storeBonuses(all: $all) { databaseId } }": types.StoreForSaleDocument,
    "\n      mutation StoreTopUpOff($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }\n    ": types.StoreTopUpOffDocument,
    "\n  subscription StorePurchaseEvents { bonusPurchased { change purchase { databaseId bonusId inEffect expiresAt } } }\n": types.StorePurchaseEventsDocument,
    "mutation StoreOtherBuys($b: Int!) { buyBonus(bonusId: $b, currency: PEKOINS) { purchase { databaseId } } }": types.StoreOtherBuysDocument,
    "\n  mutation StoreBuySub($s: Int!, $k: String) { buyStreamerSubscription(streamerId: $s, idempotencyKey: $k) { databaseId userId streamerId expiresAt active inEffect } }\n": types.StoreBuySubDocument,
    "\n  mutation StoreSaveSub($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { databaseId expiresAt active inEffect } }\n": types.StoreSaveSubDocument,
    "\n  mutation StoreSubStatus($id: Int!, $a: Boolean!) { setStoreSubscriptionStatus(id: $id, active: $a) { active } }\n": types.StoreSubStatusDocument,
    "\n  subscription StoreSubEvents { subscriptionChanged { change subscription { databaseId userId streamerId expiresAt } } }\n": types.StoreSubEventsDocument,
    "subscription StoreWalletEvents { walletChanged { wallet { pekoins points } kind transactionId } }": types.StoreWalletEventsDocument,
    "mutation StoreSubPrice($s: Int!, $p: Int!) { setSubscriptionPrice(streamerId: $s, price: $p) }": types.StoreSubPriceDocument,
    "query StoreSubPriceOf($s: Int!) { subscriptionPrice(streamerId: $s) }": types.StoreSubPriceOfDocument,
    "\n  mutation StoreSaveBonus($input: StoreBonusInput!) {\n    saveStoreBonus(input: $input) { databaseId type config duration name price { canBePurchased pekoins points } view { category position linked } }\n  }\n": types.StoreSaveBonusDocument,
    "\n  mutation StoreAdjust($u: Int!, $c: StoreCurrency!, $a: Int!, $k: String) {\n    adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"test funds\", idempotencyKey: $k) { pekoins points }\n  }\n": types.StoreAdjustDocument,
    "query StoreWallet($u: Int) { wallet(userId: $u) { pekoins points } }": types.StoreWalletDocument,
    "\n  mutation StoreBuy($b: Int!, $c: StoreCurrency!, $k: String) {\n    buyBonus(bonusId: $b, currency: $c, idempotencyKey: $k) {\n      purchase { databaseId expiresAt active inEffect }\n      purchases { databaseId }\n      wallet { pekoins points }\n    }\n  }\n": types.StoreBuyDocument,
    "\n  mutation StreamsSaveCategory($input: ContentCategoryInput!) { saveContentCategory(input: $input) { databaseId slug } }\n": types.StreamsSaveCategoryDocument,
    "\n  mutation StreamsSaveStream($input: LiveStreamInput!) {\n    saveLiveStream(input: $input) { databaseId title online rating players { provider channel url } }\n  }\n": types.StreamsSaveStreamDocument,
    "\n  mutation StreamsPlayerStatus($provider: StreamProvider!, $channel: String!, $online: Boolean!, $viewers: Int!) {\n    setStreamPlayerStatus(provider: $provider, channel: $channel, online: $online, viewers: $viewers, title: \"live\")\n  }\n": types.StreamsPlayerStatusDocument,
    "\n  query StreamsRoot { contentCategory(content: STREAM, slug: \"top\") { databaseId } }\n": types.StreamsRootDocument,
    "\n  query StreamsList($slug: String!, $first: Int, $after: String) {\n    liveStreams(category: { slug: $slug }, first: $first, after: $after) {\n      edges { cursor node { databaseId rating } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.StreamsListDocument,
    "\n  query StreamsNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on LiveStream { databaseId active } } }\n": types.StreamsNodesDocument,
    "mutation UploadFile($file: File!) { uploadFile(file: $file) { id name mimeType size width height url } }": types.UploadFileDocument,
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
export function graphql(source: "query ChatChannel($id: String!) { chatChannel(id: $id) { id name ownerId messages(first: 5) { edges { node { text } } } } }"): (typeof documents)["query ChatChannel($id: String!) { chatChannel(id: $id) { id name ownerId messages(first: 5) { edges { node { text } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistoryChannels($c: String!) { chatHistory(channel: $c, limit: 5) { text } }"): (typeof documents)["query ChatHistoryChannels($c: String!) { chatHistory(channel: $c, limit: 5) { text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { id } } }"): (typeof documents)["mutation SendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChatReactionChannels($id: Int!) { addChatReaction(id: $id, emoji: \"👀\") { emoji } }"): (typeof documents)["mutation AddChatReactionChannels($id: Int!) { addChatReaction(id: $id, emoji: \"👀\") { emoji } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Node($id: ID!) { node(id: $id) { ... on ChatMessage { text } } }"): (typeof documents)["query Node($id: ID!) { node(id: $id) { ... on ChatMessage { text } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannels2($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount users } } }"): (typeof documents)["query ChatChannels2($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount users } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EditChatMessage($id: Int!) { editChatMessage(id: $id, text: \"edited on A\") { databaseId } }"): (typeof documents)["mutation EditChatMessage($id: Int!) { editChatMessage(id: $id, text: \"edited on A\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveChatMessageCluster($id: Int!) { removeChatMessage(id: $id, reason: \"oops\") }"): (typeof documents)["mutation RemoveChatMessageCluster($id: Int!) { removeChatMessage(id: $id, reason: \"oops\") }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistoryCluster { chatHistory(channel: \"main\", limit: 1) { databaseId } }"): (typeof documents)["query ChatHistoryCluster { chatHistory(channel: \"main\", limit: 1) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Ignore($i: Int!) { ignore(content: CHAT, item: $i) }"): (typeof documents)["mutation Ignore($i: Int!) { ignore(content: CHAT, item: $i) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelHistory($c: String!, $first: Int, $after: String, $last: Int, $before: String) { chatChannel(id: $c) {\n  messages(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { databaseId text } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }\n} }"): (typeof documents)["query ChatChannelHistory($c: String!, $first: Int, $after: String, $last: Int, $before: String) { chatChannel(id: $c) {\n  messages(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { databaseId text } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistory2($c: String!, $skip: Int, $limit: Int, $q: ChatHistoryQuery) { chatHistory(channel: $c, skip: $skip, limit: $limit, query: $q) { databaseId text from { databaseId } to { databaseId } type } }"): (typeof documents)["query ChatHistory2($c: String!, $skip: Int, $limit: Int, $q: ChatHistoryQuery) { chatHistory(channel: $c, skip: $skip, limit: $limit, query: $q) { databaseId text from { databaseId } to { databaseId } type } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelHistory2($c: String!, $q: ChatHistoryQuery) { chatChannel(id: $c) { messages(first: 10, query: $q) { edges { node { text } } } } }"): (typeof documents)["query ChatChannelHistory2($c: String!, $q: ChatHistoryQuery) { chatChannel(id: $c) { messages(first: 10, query: $q) { edges { node { text } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessages { searchChatMessages(text: \"pineapple\") { message { text } } }"): (typeof documents)["query SearchChatMessages { searchChatMessages(text: \"pineapple\") { message { text } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Unignore($i: Int!) { unignore(content: CHAT, item: $i) }"): (typeof documents)["mutation Unignore($i: Int!) { unignore(content: CHAT, item: $i) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessagesHistory($q: String!, $c: String, $first: Int, $offset: Int) { searchChatMessages(text: $q, channel: $c, first: $first, offset: $offset) { rank message { databaseId channel text } } }"): (typeof documents)["query SearchChatMessagesHistory($q: String!, $c: String, $first: Int, $offset: Int) { searchChatMessages(text: $q, channel: $c, first: $first, offset: $offset) { rank message { databaseId channel text } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveChatMessage($id: Int!) { removeChatMessage(id: $id) }"): (typeof documents)["mutation RemoveChatMessage($id: Int!) { removeChatMessage(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelHistory3($c: String!, $n: Int!) { chatChannel(id: $c) { messages(first: $n) { edges { node { text from { name } to { name } reactions { emoji count } } } } } }"): (typeof documents)["query ChatChannelHistory3($c: String!, $n: Int!) { chatChannel(id: $c) { messages(first: $n) { edges { node { text from { name } to { name } reactions { emoji count } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendChatMessageLimitsRace($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }"): (typeof documents)["mutation SendChatMessageLimitsRace($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChatReaction($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { count } }"): (typeof documents)["mutation AddChatReaction($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }"): (typeof documents)["mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EditChatMessageLive($id: Int!) { editChatMessage(id: $id, text: \"hi (edited)\") { databaseId } }"): (typeof documents)["mutation EditChatMessageLive($id: Int!) { editChatMessage(id: $id, text: \"hi (edited)\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChatReactionLive($id: Int!) { addChatReaction(id: $id, emoji: \"❤️\") { count } }"): (typeof documents)["mutation AddChatReactionLive($id: Int!) { addChatReaction(id: $id, emoji: \"❤️\") { count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveChatReactionLive($id: Int!) { removeChatReaction(id: $id, emoji: \"❤️\") { count } }"): (typeof documents)["mutation RemoveChatReactionLive($id: Int!) { removeChatReaction(id: $id, emoji: \"❤️\") { count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnpinChatMessage($id: Int!) { unpinChatMessage(id: $id) { pinned } }"): (typeof documents)["mutation UnpinChatMessage($id: Int!) { unpinChatMessage(id: $id) { pinned } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }"): (typeof documents)["mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetChatSlowMode($c: String!) { setChatSlowMode(channel: $c, seconds: 10) }"): (typeof documents)["mutation SetChatSlowMode($c: String!) { setChatSlowMode(channel: $c, seconds: 10) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveChatMessageLive($id: Int!, $d: JSON) { removeChatMessage(id: $id, reason: \"ban\", data: $d) }"): (typeof documents)["mutation RemoveChatMessageLive($id: Int!, $d: JSON) { removeChatMessage(id: $id, reason: \"ban\", data: $d) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChatReactionLive2($id: Int!) { addChatReaction(id: $id, emoji: \"👍\") { count } }"): (typeof documents)["mutation AddChatReactionLive2($id: Int!) { addChatReaction(id: $id, emoji: \"👍\") { count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EditChatMessageMessages($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId text editedAt time } }"): (typeof documents)["mutation EditChatMessageMessages($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId text editedAt time } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveChatMessageMessages($id: Int!, $reason: String, $data: JSON) { removeChatMessage(id: $id, reason: $reason, data: $data) }"): (typeof documents)["mutation RemoveChatMessageMessages($id: Int!, $reason: String, $data: JSON) { removeChatMessage(id: $id, reason: $reason, data: $data) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PinChatMessageMessages($id: Int!) { pinChatMessage(id: $id) { databaseId pinned } }"): (typeof documents)["mutation PinChatMessageMessages($id: Int!) { pinChatMessage(id: $id) { databaseId pinned } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnpinChatMessageMessages($id: Int!) { unpinChatMessage(id: $id) { databaseId pinned } }"): (typeof documents)["mutation UnpinChatMessageMessages($id: Int!) { unpinChatMessage(id: $id) { databaseId pinned } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChatReactionMessages($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }"): (typeof documents)["mutation AddChatReactionMessages($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveChatReaction($id: Int!, $e: String!) { removeChatReaction(id: $id, emoji: $e) { emoji count } }"): (typeof documents)["mutation RemoveChatReaction($id: Int!, $e: String!) { removeChatReaction(id: $id, emoji: $e) { emoji count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetChatSlowModeMessages($c: String!, $s: Int!) { setChatSlowMode(channel: $c, seconds: $s) }"): (typeof documents)["mutation SetChatSlowModeMessages($c: String!, $s: Int!) { setChatSlowMode(channel: $c, seconds: $s) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistoryMessages($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text } }"): (typeof documents)["query ChatHistoryMessages($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelMessages($c: String!) { chatChannel(id: $c) { pinned { databaseId text pinned } } }"): (typeof documents)["query ChatChannelMessages($c: String!) { chatChannel(id: $c) { pinned { databaseId text pinned } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelMessages2($c: String!) { chatChannel(id: $c) { pinned { databaseId } } }"): (typeof documents)["query ChatChannelMessages2($c: String!) { chatChannel(id: $c) { pinned { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistoryMessages2 { chatHistory(channel: \"main\", limit: 1) { databaseId reactions { emoji count } } }"): (typeof documents)["query ChatHistoryMessages2 { chatHistory(channel: \"main\", limit: 1) { databaseId reactions { emoji count } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelMessages3($c: String!) { chatChannel(id: $c) { slowModeSeconds } }"): (typeof documents)["query ChatChannelMessages3($c: String!) { chatChannel(id: $c) { slowModeSeconds } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessages2 { searchChatMessages(text: \"quasar\") { rank message { databaseId } } }"): (typeof documents)["query SearchChatMessages2 { searchChatMessages(text: \"quasar\") { rank message { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessages3 { searchChatMessages(text: \"quasar\", first: 100) { rank } }"): (typeof documents)["query SearchChatMessages3 { searchChatMessages(text: \"quasar\", first: 100) { rank } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessages4($c: String!) { searchChatMessages(text: \"w1234\", channel: $c, first: 100) { message { text } } }"): (typeof documents)["query SearchChatMessages4($c: String!) { searchChatMessages(text: \"w1234\", channel: $c, first: 100) { message { text } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessages5($c: String!) { searchChatMessages(text: \"walrus\", channel: $c) { message { text } } }"): (typeof documents)["query SearchChatMessages5($c: String!) { searchChatMessages(text: \"walrus\", channel: $c) { message { text } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessages6($c: String!) { searchChatMessages(text: \"walrus\", channel: $c) { rank } }"): (typeof documents)["query SearchChatMessages6($c: String!) { searchChatMessages(text: \"walrus\", channel: $c) { rank } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SharedLivePoll($m: Int!) {\n        createMessagePoll(messageId: $m, question: \"which?\", options: [\"a\", \"b\"]) { databaseId options { databaseId } } }"): (typeof documents)["mutation SharedLivePoll($m: Int!) {\n        createMessagePoll(messageId: $m, question: \"which?\", options: [\"a\", \"b\"]) { databaseId options { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SharedLiveVote($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }"): (typeof documents)["mutation SharedLiveVote($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SharedLiveEdit($id: Int!) { editChatMessage(id: $id, text: \"edited\") { databaseId } }"): (typeof documents)["mutation SharedLiveEdit($id: Int!) { editChatMessage(id: $id, text: \"edited\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendChatMessageSupport($i: SendChatMessageInput!) { sendChatMessage(input: $i) {\n  isSent dropReason dropMessage retryAfter\n  message { databaseId channel text type time editedAt replyToId pinned from { databaseId name color } to { databaseId name } reactions { emoji count } }\n} }"): (typeof documents)["mutation SendChatMessageSupport($i: SendChatMessageInput!) { sendChatMessage(input: $i) {\n  isSent dropReason dropMessage retryAfter\n  message { databaseId channel text type time editedAt replyToId pinned from { databaseId name color } to { databaseId name } reactions { emoji count } }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ChatEvents($c: String!) { chatEvents(channel: $c) {\n  __typename\n  ... on ChatMessageAdded { channel message { databaseId channel text type from { databaseId name } to { databaseId } replyToId } }\n  ... on ChatMessageEdited { channel message { databaseId text editedAt } }\n  ... on ChatMessageRemoved { channel messageId reason data }\n  ... on ChatReactionsChanged { channel messageId emoji added user { databaseId } reactions { emoji count } }\n  ... on ChatPinChanged { channel pinned message { databaseId pinned } }\n  ... on ChatTyping { channel user { databaseId name } expiresAt }\n  ... on ChatPresenceChanged { channel amount users }\n  ... on ChatSlowModeChanged { channel seconds }\n} }"): (typeof documents)["subscription ChatEvents($c: String!) { chatEvents(channel: $c) {\n  __typename\n  ... on ChatMessageAdded { channel message { databaseId channel text type from { databaseId name } to { databaseId } replyToId } }\n  ... on ChatMessageEdited { channel message { databaseId text editedAt } }\n  ... on ChatMessageRemoved { channel messageId reason data }\n  ... on ChatReactionsChanged { channel messageId emoji added user { databaseId } reactions { emoji count } }\n  ... on ChatPinChanged { channel pinned message { databaseId pinned } }\n  ... on ChatTyping { channel user { databaseId name } expiresAt }\n  ... on ChatPresenceChanged { channel amount users }\n  ... on ChatSlowModeChanged { channel seconds }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelSupport($id: String!) { chatChannel(id: $id) { presence { amount users } } }"): (typeof documents)["query ChatChannelSupport($id: String!) { chatChannel(id: $id) { presence { amount users } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterAccounts($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name slug email } } }"): (typeof documents)["mutation RegisterAccounts($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name slug email } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginAccounts($i: LoginInput!) { login(input: $i) { token viewer { databaseId name } } }"): (typeof documents)["mutation LoginAccounts($i: LoginInput!) { login(input: $i) { token viewer { databaseId name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerAccounts { viewer { name } }"): (typeof documents)["query ViewerAccounts { viewer { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerAccounts2 { viewer { loginHistory { ip userAgent firstAccess lastAccess } } }"): (typeof documents)["query ViewerAccounts2 { viewer { loginHistory { ip userAgent firstAccess lastAccess } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterNames($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name } } }"): (typeof documents)["mutation RegisterNames($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription Notifications { notifications { type data time } }"): (typeof documents)["subscription Notifications { notifications { type data time } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Follow($id: Int!) { follow(content: STREAM, id: $id) }"): (typeof documents)["mutation Follow($id: Int!) { follow(content: STREAM, id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRole($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }"): (typeof documents)["mutation SetRole($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): (typeof documents)["mutation Logout { logout }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginPasswordReset($login: String!, $password: String!) { login(input: { login: $login, password: $password }) { token viewer { databaseId } } }"): (typeof documents)["mutation LoginPasswordReset($login: String!, $password: String!) { login(input: { login: $login, password: $password }) { token viewer { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPassword($code: String!, $p: String) { resetPassword(code: $code, newPassword: $p) { token viewer { databaseId name } } }"): (typeof documents)["mutation ResetPassword($code: String!, $p: String) { resetPassword(code: $code, newPassword: $p) { token viewer { databaseId name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer { viewer { databaseId } }"): (typeof documents)["query Viewer { viewer { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRoleRoles { setRole(userId: 1, role: \"moderator\", value: true) }"): (typeof documents)["mutation SetRoleRoles { setRole(userId: 1, role: \"moderator\", value: true) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetUserBlocked($id: Int!) { setUserBlocked(userId: $id, state: true) }"): (typeof documents)["mutation SetUserBlocked($id: Int!) { setUserBlocked(userId: $id, state: true) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($i: LoginInput!) { login(input: $i) { token } }"): (typeof documents)["mutation Login($i: LoginInput!) { login(input: $i) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetUserBlockedRoles($id: Int!) { setUserBlocked(userId: $id, state: false) }"): (typeof documents)["mutation SetUserBlockedRoles($id: Int!) { setUserBlocked(userId: $id, state: false) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginSeed($i: LoginInput!) { login(input: $i) { viewer { name } } }"): (typeof documents)["mutation LoginSeed($i: LoginInput!) { login(input: $i) { viewer { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerSettings { viewer { settings { stream { autostart player } chat { fontsize theme mychannels submode } } } }"): (typeof documents)["query ViewerSettings { viewer { settings { stream { autostart player } chat { fontsize theme mychannels submode } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateSettings($s: SettingsInput!) { updateSettings(settings: $s) { stream { autostart player } chat { fontsize theme mychannels submode smiles } } }"): (typeof documents)["mutation UpdateSettings($s: SettingsInput!) { updateSettings(settings: $s) { stream { autostart player } chat { fontsize theme mychannels submode smiles } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query User($id: Int) { user(databaseId: $id) { name settings { chat { theme } } } }"): (typeof documents)["query User($id: Int) { user(databaseId: $id) { name settings { chat { theme } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateProfile($i: ProfileInput!) { updateProfile(input: $i) { nickname location dob gender } }"): (typeof documents)["mutation UpdateProfile($i: ProfileInput!) { updateProfile(input: $i) { nickname location dob gender } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Unfollow($id: Int!) { unfollow(content: STREAM, id: $id) }"): (typeof documents)["mutation Unfollow($id: Int!) { unfollow(content: STREAM, id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IsFollowing($id: Int!) { isFollowing(content: STREAM, id: $id) }"): (typeof documents)["query IsFollowing($id: Int!) { isFollowing(content: STREAM, id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FollowedStreams { followedStreams(content: STREAM) { databaseId title subscribers owner { databaseId name } } followedCount(content: STREAM) }"): (typeof documents)["query FollowedStreams { followedStreams(content: STREAM) { databaseId title subscribers owner { databaseId name } } followedCount(content: STREAM) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Followers { followers(content: STREAM) { databaseId name } }"): (typeof documents)["query Followers { followers(content: STREAM) { databaseId name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IgnoreSocial($item: Int!) { ignore(content: CHAT, item: $item) }"): (typeof documents)["mutation IgnoreSocial($item: Int!) { ignore(content: CHAT, item: $item) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnignoreSocial($item: Int!) { unignore(content: CHAT, item: $item) }"): (typeof documents)["mutation UnignoreSocial($item: Int!) { unignore(content: CHAT, item: $item) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IgnoreLists { chat: ignoreList(content: CHAT) { content item } stream: ignoreList(content: STREAM) { content item } }"): (typeof documents)["query IgnoreLists { chat: ignoreList(content: CHAT) { content item } stream: ignoreList(content: STREAM) { content item } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IsIgnored($item: Int!) { isIgnored(content: CHAT, item: $item) }"): (typeof documents)["query IsIgnored($item: Int!) { isIgnored(content: CHAT, item: $item) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FriendsSend($u: Int!) { sendFriendRequest(userId: $u) }"): (typeof documents)["mutation FriendsSend($u: Int!) { sendFriendRequest(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FriendsAccept($u: Int!) { acceptFriendRequest(userId: $u) }"): (typeof documents)["mutation FriendsAccept($u: Int!) { acceptFriendRequest(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FriendsDecline($u: Int!) { declineFriendRequest(userId: $u) }"): (typeof documents)["mutation FriendsDecline($u: Int!) { declineFriendRequest(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FriendsCancel($u: Int!) { cancelFriendRequest(userId: $u) }"): (typeof documents)["mutation FriendsCancel($u: Int!) { cancelFriendRequest(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FriendsRemove($u: Int!) { removeFriend(userId: $u) }"): (typeof documents)["mutation FriendsRemove($u: Int!) { removeFriend(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FriendsStatus {\n    friends {\n      friends { databaseId name }\n      incoming { userId createdAt user { databaseId name } }\n      outgoing { userId createdAt user { databaseId name } }\n    }\n  }\n"): (typeof documents)["\n  query FriendsStatus {\n    friends {\n      friends { databaseId name }\n      incoming { userId createdAt user { databaseId name } }\n      outgoing { userId createdAt user { databaseId name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FriendsIgnore($u: Int!) { ignore(content: CHAT, item: $u) }"): (typeof documents)["mutation FriendsIgnore($u: Int!) { ignore(content: CHAT, item: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FriendsUnignore($u: Int!) { unignore(content: CHAT, item: $u) }"): (typeof documents)["mutation FriendsUnignore($u: Int!) { unignore(content: CHAT, item: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FriendsBlock($u: Int!) { setUserBlocked(userId: $u, state: true) }"): (typeof documents)["mutation FriendsBlock($u: Int!) { setUserBlocked(userId: $u, state: true) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FriendsGuest { friends { outgoing { userId } } }"): (typeof documents)["query FriendsGuest { friends { outgoing { userId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivateChatChannels { privateChatChannels }"): (typeof documents)["query PrivateChatChannels { privateChatChannels }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistoryPostgresRestart($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }"): (typeof documents)["query ChatHistoryPostgresRestart($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TypenamePostgresRestart { __typename }"): (typeof documents)["query TypenamePostgresRestart { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginRedisCatchUp($i: LoginInput!) { login(input: $i) { token } }"): (typeof documents)["mutation LoginRedisCatchUp($i: LoginInput!) { login(input: $i) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistoryRedisCatchUp($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId } }"): (typeof documents)["query ChatHistoryRedisCatchUp($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChatReactionRedisCatchUp($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }"): (typeof documents)["mutation AddChatReactionRedisCatchUp($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelRedisCatchUp($id: String!) { chatChannel(id: $id) { presence { amount } } }"): (typeof documents)["query ChatChannelRedisCatchUp($id: String!) { chatChannel(id: $id) { presence { amount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginRedisOutage($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }"): (typeof documents)["mutation LoginRedisOutage($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TypenameRedisOutage { __typename }"): (typeof documents)["query TypenameRedisOutage { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistoryRedisOutage($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }"): (typeof documents)["query ChatHistoryRedisOutage($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowRedisOutage($id: Int!) { follow(content: STREAM, id: $id) }"): (typeof documents)["mutation FollowRedisOutage($id: Int!) { follow(content: STREAM, id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription NotificationsRedisOutage { notifications { type data } }"): (typeof documents)["subscription NotificationsRedisOutage { notifications { type data } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription NotificationsSubscriptionChurn { notifications { type } }"): (typeof documents)["subscription NotificationsSubscriptionChurn { notifications { type } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SmilesChangedSubscriptionChurn { smilesChanged { __typename } }"): (typeof documents)["subscription SmilesChangedSubscriptionChurn { smilesChanged { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }"): (typeof documents)["mutation Register($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginHarness($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }"): (typeof documents)["mutation LoginHarness($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BanReasonsAndSupportCategories { banReasons { databaseId } supportCategories { databaseId } }"): (typeof documents)["query BanReasonsAndSupportCategories { banReasons { databaseId } supportCategories { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AskSupport($c: Int!) { askSupport(categoryId: $c, question: \"fuzz question\") { databaseId } }"): (typeof documents)["mutation AskSupport($c: Int!) { askSupport(categoryId: $c, question: \"fuzz question\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FileComplaint($m: Int!) { fileComplaint(messageId: $m, text: \"fuzz\") { __typename } }"): (typeof documents)["mutation FileComplaint($m: Int!) { fileComplaint(messageId: $m, text: \"fuzz\") { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerHarness { viewer { id } }"): (typeof documents)["query ViewerHarness { viewer { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation JcSocketGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId } }"): (typeof documents)["mutation JcSocketGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation JcSocketFund($u: Int!) {\n        adjustStoreBalance(userId: $u, currency: PEKOINS, amount: 10, reason: \"test funds\") { pekoins } }"): (typeof documents)["mutation JcSocketFund($u: Int!) {\n        adjustStoreBalance(userId: $u, currency: PEKOINS, amount: 10, reason: \"test funds\") { pekoins } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveOwn($id: Int!) { removeChatMessage(id: $id) }"): (typeof documents)["mutation RemoveOwn($id: Int!) { removeChatMessage(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowStream($id: Int!) { follow(content: STREAM, id: $id) }"): (typeof documents)["mutation FollowStream($id: Int!) { follow(content: STREAM, id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnfollowStream($id: Int!) { unfollow(content: STREAM, id: $id) }"): (typeof documents)["mutation UnfollowStream($id: Int!) { unfollow(content: STREAM, id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogoutHere { logout }"): (typeof documents)["mutation LogoutHere { logout }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccuseUser($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }"): (typeof documents)["mutation AccuseUser($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bans($u: Int!) { bans(userId: $u) { edges { node { databaseId reason { code } } } } }"): (typeof documents)["query Bans($u: Int!) { bans(userId: $u) { edges { node { databaseId reason { code } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AuditEntry on ModerationAuditEntry {\n  databaseId action actorId actorName targetUserId targetName reasonId channel banId complaintId ticketId messageId data time\n}"): (typeof documents)["fragment AuditEntry on ModerationAuditEntry {\n  databaseId action actorId actorName targetUserId targetName reasonId channel banId complaintId ticketId messageId data time\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ModerationAudit($action: ModerationAction, $actor: Int, $target: Int, $channel: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n  moderationAudit(action: $action, actorId: $actor, targetUserId: $target, channel: $channel, from: $from, to: $to, first: $first, after: $after) {\n    edges { node { ...AuditEntry } } pageInfo { hasNextPage endCursor }\n  }\n}"): (typeof documents)["query ModerationAudit($action: ModerationAction, $actor: Int, $target: Int, $channel: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n  moderationAudit(action: $action, actorId: $actor, targetUserId: $target, channel: $channel, from: $from, to: $to, first: $first, after: $after) {\n    edges { node { ...AuditEntry } } pageInfo { hasNextPage endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ModerationAuditLive { moderationAuditEvents { ...AuditEntry } }"): (typeof documents)["subscription ModerationAuditLive { moderationAuditEvents { ...AuditEntry } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChannelModerator($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }"): (typeof documents)["mutation AddChannelModerator($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation KickFromChannel($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId } }"): (typeof documents)["mutation KickFromChannel($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SilenceInChannel($c: String!, $u: Int!, $d: DateTime!) { silenceInChannel(channel: $c, userId: $u, until: $d) { databaseId } }"): (typeof documents)["mutation SilenceInChannel($c: String!, $u: Int!, $d: DateTime!) { silenceInChannel(channel: $c, userId: $u, until: $d) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BanFromChannel($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }"): (typeof documents)["mutation BanFromChannel($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiftChannelSanction($c: String!, $u: Int!) { liftChannelSanction(channel: $c, userId: $u, kind: BAN) }"): (typeof documents)["mutation LiftChannelSanction($c: String!, $u: Int!) { liftChannelSanction(channel: $c, userId: $u, kind: BAN) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveChannelModerator($c: String!, $u: Int!) { removeChannelModerator(channel: $c, userId: $u) }"): (typeof documents)["mutation RemoveChannelModerator($c: String!, $u: Int!) { removeChannelModerator(channel: $c, userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FileComplaintAudit($m: Int!) { fileComplaint(messageId: $m, text: \"hm\") { databaseId } }"): (typeof documents)["mutation FileComplaintAudit($m: Int!) { fileComplaint(messageId: $m, text: \"hm\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResolveComplaint($id: Int!) { resolveComplaint(id: $id, status: REJECTED) { status } }"): (typeof documents)["mutation ResolveComplaint($id: Int!) { resolveComplaint(id: $id, status: REJECTED) { status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ModerationAuditEvents { moderationAuditEvents { action } }"): (typeof documents)["subscription ModerationAuditEvents { moderationAuditEvents { action } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BanReasons { banReasons { databaseId code minRole durationSeconds } }"): (typeof documents)["query BanReasons { banReasons { databaseId code minRole durationSeconds } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bans2($u: Int) { bans(userId: $u) { edges { node { databaseId } } } }"): (typeof documents)["query Bans2($u: Int) { bans(userId: $u) { edges { node { databaseId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bans3($after: String) { bans(first: 2, after: $after) { edges { cursor node { databaseId } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query Bans3($after: String) { bans(first: 2, after: $after) { edges { cursor node { databaseId } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bans4 { bans(first: 101) { edges { cursor } } }"): (typeof documents)["query Bans4 { bans(first: 101) { edges { cursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bans5 { bans(first: -1) { edges { cursor } } }"): (typeof documents)["query Bans5 { bans(first: -1) { edges { cursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bans6 { bans(after: \"nope\") { edges { cursor } } }"): (typeof documents)["query Bans6 { bans(after: \"nope\") { edges { cursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bans7 { bans(first: 1) { edges { node { id } } } }"): (typeof documents)["query Bans7 { bans(first: 1) { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeBans($id: ID!) { node(id: $id) { ... on Ban { databaseId user { databaseId } } } }"): (typeof documents)["query NodeBans($id: ID!) { node(id: $id) { ... on Ban { databaseId user { databaseId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Complaints($s: ComplaintStatus, $c: String, $a: Int, $after: String) {\n  complaints(status: $s, channel: $c, accusedId: $a, first: 2, after: $after) {\n    edges { node { databaseId status text channel author { databaseId } accused { databaseId } message { databaseId text } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}"): (typeof documents)["query Complaints($s: ComplaintStatus, $c: String, $a: Int, $after: String) {\n  complaints(status: $s, channel: $c, accusedId: $a, first: 2, after: $after) {\n    edges { node { databaseId status text channel author { databaseId } accused { databaseId } message { databaseId text } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResolveComplaintComplaints($id: Int!, $s: ComplaintStatus!, $n: String) { resolveComplaint(id: $id, status: $s, note: $n) { status note resolvedBy { databaseId } resolvedAt } }"): (typeof documents)["mutation ResolveComplaintComplaints($id: Int!, $s: ComplaintStatus!, $n: String) { resolveComplaint(id: $id, status: $s, note: $n) { status note resolvedBy { databaseId } resolvedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FileComplaintComplaints($m: Int!, $t: String) { fileComplaint(messageId: $m, text: $t) { databaseId status } }"): (typeof documents)["mutation FileComplaintComplaints($m: Int!, $t: String) { fileComplaint(messageId: $m, text: $t) { databaseId status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FileComplaintComplaints2($m: Int!) { fileComplaint(messageId: $m) { databaseId } }"): (typeof documents)["mutation FileComplaintComplaints2($m: Int!) { fileComplaint(messageId: $m) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FileComplaintComplaints3($m: Int!) { fileComplaint(messageId: $m, text: \"look\") { databaseId } }"): (typeof documents)["mutation FileComplaintComplaints3($m: Int!) { fileComplaint(messageId: $m, text: \"look\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BansRace($u: Int!) { bans(userId: $u, first: 100) { edges { node { databaseId active reason { code } } } } }"): (typeof documents)["query BansRace($u: Int!) { bans(userId: $u, first: 100) { edges { node { databaseId active reason { code } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation KickFromChannelSanctions($c: String!, $u: Int!, $r: Int) { kickFromChannel(channel: $c, userId: $u, refMessage: $r) { databaseId kind channel refMessageId user { databaseId } actor { databaseId } } }"): (typeof documents)["mutation KickFromChannelSanctions($c: String!, $u: Int!, $r: Int) { kickFromChannel(channel: $c, userId: $u, refMessage: $r) { databaseId kind channel refMessageId user { databaseId } actor { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SilenceInChannelSanctions($c: String!, $u: Int!, $until: DateTime!, $text: String, $r: Int) { silenceInChannel(channel: $c, userId: $u, until: $until, text: $text, refMessage: $r) { databaseId kind until text } }"): (typeof documents)["mutation SilenceInChannelSanctions($c: String!, $u: Int!, $until: DateTime!, $text: String, $r: Int) { silenceInChannel(channel: $c, userId: $u, until: $until, text: $text, refMessage: $r) { databaseId kind until text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BanFromChannelSanctions($c: String!, $u: Int!, $until: DateTime, $r: Int) { banFromChannel(channel: $c, userId: $u, until: $until, refMessage: $r) { databaseId kind until } }"): (typeof documents)["mutation BanFromChannelSanctions($c: String!, $u: Int!, $until: DateTime, $r: Int) { banFromChannel(channel: $c, userId: $u, until: $until, refMessage: $r) { databaseId kind until } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiftChannelSanctionSanctions($c: String!, $u: Int!, $k: ChannelSanctionKind!) { liftChannelSanction(channel: $c, userId: $u, kind: $k) }"): (typeof documents)["mutation LiftChannelSanctionSanctions($c: String!, $u: Int!, $k: ChannelSanctionKind!) { liftChannelSanction(channel: $c, userId: $u, kind: $k) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetChatSlowModeSanctions($c: String!) { setChatSlowMode(channel: $c, seconds: 5) }"): (typeof documents)["mutation SetChatSlowModeSanctions($c: String!) { setChatSlowMode(channel: $c, seconds: 5) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetChatSlowModeSanctions2($c: String!) { setChatSlowMode(channel: $c, seconds: 0) }"): (typeof documents)["mutation SetChatSlowModeSanctions2($c: String!) { setChatSlowMode(channel: $c, seconds: 0) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveChatMessageSanctions($id: Int!) { removeChatMessage(id: $id, reason: \"offtopic\") }"): (typeof documents)["mutation RemoveChatMessageSanctions($id: Int!) { removeChatMessage(id: $id, reason: \"offtopic\") }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ComplaintsSanctions($c: String) { complaints(channel: $c) { edges { node { databaseId } } } }"): (typeof documents)["query ComplaintsSanctions($c: String) { complaints(channel: $c) { edges { node { databaseId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChannelModerators($c: String!) { channelModerators(channel: $c) { databaseId } }"): (typeof documents)["query ChannelModerators($c: String!) { channelModerators(channel: $c) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejoinChannel($c: String!) { rejoinChannel(channel: $c) }"): (typeof documents)["mutation RejoinChannel($c: String!) { rejoinChannel(channel: $c) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChannelSanctions($c: String!) { channelSanctions(channel: $c) { kind user { databaseId } } }"): (typeof documents)["query ChannelSanctions($c: String!) { channelSanctions(channel: $c) { kind user { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SilenceInChannelSanctions2($c: String!, $u: Int!) { silenceInChannel(channel: $c, userId: $u, until: \"2001-01-01T00:00:00Z\") { databaseId } }"): (typeof documents)["mutation SilenceInChannelSanctions2($c: String!, $u: Int!) { silenceInChannel(channel: $c, userId: $u, until: \"2001-01-01T00:00:00Z\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChannelSanctions2($c: String!) { channelSanctions(channel: $c) { kind } }"): (typeof documents)["query ChannelSanctions2($c: String!) { channelSanctions(channel: $c) { kind } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AnonymousAuditEntry on ModerationAuditEntry {\n  id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time\n}"): (typeof documents)["fragment AnonymousAuditEntry on ModerationAuditEntry {\n  id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AnonymousAudit($actor: Int, $target: Int, $channel: String, $first: Int) {\n  moderationAudit(actorId: $actor, targetUserId: $target, channel: $channel, first: $first) { edges { node {\n    id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time\n  } } }\n}"): (typeof documents)["query AnonymousAudit($actor: Int, $target: Int, $channel: String, $first: Int) {\n  moderationAudit(actorId: $actor, targetUserId: $target, channel: $channel, first: $first) { edges { node {\n    id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time\n  } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AnonymousAuditLive { moderationAuditEvents { ...AnonymousAuditEntry } }"): (typeof documents)["subscription AnonymousAuditLive { moderationAuditEvents { ...AnonymousAuditEntry } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AnonymousAuditNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on ModerationAuditEntry { ...AnonymousAuditEntry } } }"): (typeof documents)["query AnonymousAuditNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on ModerationAuditEntry { ...AnonymousAuditEntry } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SupportChannelRead($c: String!) { chatChannel(id: $c) { id } }"): (typeof documents)["query SupportChannelRead($c: String!) { chatChannel(id: $c) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SupportChannelHistory($c: String!) { chatHistory(channel: $c) { text } }"): (typeof documents)["query SupportChannelHistory($c: String!) { chatHistory(channel: $c) { text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SupportChannelSend($c: String!) { sendChatMessage(input: { channel: $c, text: \"hello?\" }) { isSent } }"): (typeof documents)["mutation SupportChannelSend($c: String!) { sendChatMessage(input: { channel: $c, text: \"hello?\" }) { isSent } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SupportChannelTyping($c: String!) { sendChatTyping(channel: $c) }"): (typeof documents)["mutation SupportChannelTyping($c: String!) { sendChatTyping(channel: $c) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelsSupportAnonymity($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount } } }"): (typeof documents)["query ChatChannelsSupportAnonymity($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SupportRead($c: String!) { chatHistory(channel: $c) { text } }"): (typeof documents)["query SupportRead($c: String!) { chatHistory(channel: $c) { text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SupportReadIds($c: String!) { chatHistory(channel: $c) { text databaseId } }"): (typeof documents)["query SupportReadIds($c: String!) { chatHistory(channel: $c) { text databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FileComplaintSupport($m: Int!) { fileComplaint(messageId: $m, text: \"x\") { databaseId } }"): (typeof documents)["mutation FileComplaintSupport($m: Int!) { fileComplaint(messageId: $m, text: \"x\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendChatMessageSupport2($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { databaseId } } }"): (typeof documents)["mutation SendChatMessageSupport2($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EditChatMessageSupport($id: Int!) { editChatMessage(id: $id, text: \"zebra question, edited\") { databaseId } }"): (typeof documents)["mutation EditChatMessageSupport($id: Int!) { editChatMessage(id: $id, text: \"zebra question, edited\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatHistoryAndChatChannel($c: String!) {\n      chatHistory(channel: $c) { databaseId text from { databaseId name color } to { databaseId name } }\n      chatChannel(id: $c) { name ownerId owner { databaseId } messages(first: 10) { edges { node { text from { databaseId name } to { databaseId name } } } } }\n    }"): (typeof documents)["query ChatHistoryAndChatChannel($c: String!) {\n      chatHistory(channel: $c) { databaseId text from { databaseId name color } to { databaseId name } }\n      chatChannel(id: $c) { name ownerId owner { databaseId } messages(first: 10) { edges { node { text from { databaseId name } to { databaseId name } } } } }\n    }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessagesSupport { searchChatMessages(text: \"zebra\") { message { channel text from { databaseId name } to { databaseId name } } } }"): (typeof documents)["query SearchChatMessagesSupport { searchChatMessages(text: \"zebra\") { message { channel text from { databaseId name } to { databaseId name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChatMessagesSupport2($c: String!) { searchChatMessages(text: \"zebra\", channel: $c) { message { from { databaseId name } } } }"): (typeof documents)["query SearchChatMessagesSupport2($c: String!) { searchChatMessages(text: \"zebra\", channel: $c) { message { from { databaseId name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SupportTickets { supportTickets(first: 5) { edges { node { databaseId channel question active answered } } } }"): (typeof documents)["query SupportTickets { supportTickets(first: 5) { edges { node { databaseId channel question active answered } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SupportChatEvents($c: String!) { chatEvents(channel: $c) { __typename\n      ... on ChatTyping { user { databaseId name } }\n      ... on ChatReactionsChanged { user { databaseId name } }\n      ... on ChatPinChanged { message { from { databaseId name } } }\n      ... on ChatPresenceChanged { amount users } } }"): (typeof documents)["subscription SupportChatEvents($c: String!) { chatEvents(channel: $c) { __typename\n      ... on ChatTyping { user { databaseId name } }\n      ... on ChatReactionsChanged { user { databaseId name } }\n      ... on ChatPinChanged { message { from { databaseId name } } }\n      ... on ChatPresenceChanged { amount users } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChatReactionSupport($id: Int!) { addChatReaction(id: $id, emoji: \"👍\") { emoji count } }"): (typeof documents)["mutation AddChatReactionSupport($id: Int!) { addChatReaction(id: $id, emoji: \"👍\") { emoji count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PinChatMessageSupport($id: Int!) { pinChatMessage(id: $id) { from { databaseId name } } }"): (typeof documents)["mutation PinChatMessageSupport($id: Int!) { pinChatMessage(id: $id) { from { databaseId name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EditChatMessageSupport2($id: Int!) { editChatMessage(id: $id, text: \"edited answer\") { from { databaseId name } } }"): (typeof documents)["mutation EditChatMessageSupport2($id: Int!) { editChatMessage(id: $id, text: \"edited answer\") { from { databaseId name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelSupport2($c: String!) { chatChannel(id: $c) { messages(first: 1) { edges { node { id } } } } }"): (typeof documents)["query ChatChannelSupport2($c: String!) { chatChannel(id: $c) { messages(first: 1) { edges { node { id } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeSupport($id: ID!) { node(id: $id) { ... on ChatMessage { from { databaseId name } } } }"): (typeof documents)["query NodeSupport($id: ID!) { node(id: $id) { ... on ChatMessage { from { databaseId name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelSupport3($c: String!) { chatChannel(id: $c) { presence { users } } }"): (typeof documents)["query ChatChannelSupport3($c: String!) { chatChannel(id: $c) { presence { users } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ModerationSendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) {\n  isSent dropReason dropMessage retryAfter message { databaseId channel text from { databaseId name } to { databaseId name } }\n} }"): (typeof documents)["mutation ModerationSendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) {\n  isSent dropReason dropMessage retryAfter message { databaseId channel text from { databaseId name } to { databaseId name } }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ModerationChatEvents($c: String!) { chatEvents(channel: $c) {\n  __typename\n  ... on ChatMessageAdded { message { databaseId channel text type replyToId from { databaseId name color } to { databaseId name color } } }\n  ... on ChatMessageEdited { message { databaseId text from { databaseId name } to { databaseId name } } }\n  ... on ChatMessageRemoved { messageId reason data }\n} }"): (typeof documents)["subscription ModerationChatEvents($c: String!) { chatEvents(channel: $c) {\n  __typename\n  ... on ChatMessageAdded { message { databaseId channel text type replyToId from { databaseId name color } to { databaseId name color } } }\n  ... on ChatMessageEdited { message { databaseId text from { databaseId name } to { databaseId name } } }\n  ... on ChatMessageRemoved { messageId reason data }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ModerationChatHistory($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text type replyToId from { databaseId name } to { databaseId name } } }"): (typeof documents)["query ModerationChatHistory($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text type replyToId from { databaseId name } to { databaseId name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EditChatMessageWriteGuards($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { text } }"): (typeof documents)["mutation EditChatMessageWriteGuards($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthSaveApp($input: OAuthAppInput!) {\n    saveOAuthApp(input: $input) { clientSecret app { databaseId clientId approved redirectUri } }\n  }\n"): (typeof documents)["\n  mutation OAuthSaveApp($input: OAuthAppInput!) {\n    saveOAuthApp(input: $input) { clientSecret app { databaseId clientId approved redirectUri } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OAuthResetSecret { resetOAuthClientSecret { clientSecret } }"): (typeof documents)["mutation OAuthResetSecret { resetOAuthClientSecret { clientSecret } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthApprove($clientId: String!, $approved: Boolean!) {\n    approveOAuthApp(clientId: $clientId, approved: $approved) { approved }\n  }\n"): (typeof documents)["\n  mutation OAuthApprove($clientId: String!, $approved: Boolean!) {\n    approveOAuthApp(clientId: $clientId, approved: $approved) { approved }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthGrant($code: String!) { grantOAuthCode(code: $code) { redirectUri scopes } }\n"): (typeof documents)["\n  mutation OAuthGrant($code: String!) { grantOAuthCode(code: $code) { redirectUri scopes } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthRequest($clientId: String!, $scopes: [OAuthScope!], $challenge: String, $state: String) {\n    requestOAuthCode(clientId: $clientId, scopes: $scopes, codeChallenge: $challenge, state: $state) { code }\n  }\n"): (typeof documents)["\n  mutation OAuthRequest($clientId: String!, $scopes: [OAuthScope!], $challenge: String, $state: String) {\n    requestOAuthCode(clientId: $clientId, scopes: $scopes, codeChallenge: $challenge, state: $state) { code }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthExchange($code: String!, $verifier: String, $secret: String) {\n    exchangeOAuthCode(code: $code, codeVerifier: $verifier, clientSecret: $secret) {\n      accessToken tokenType scopes viewer { databaseId }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthExchange($code: String!, $verifier: String, $secret: String) {\n    exchangeOAuthCode(code: $code, codeVerifier: $verifier, clientSecret: $secret) {\n      accessToken tokenType scopes viewer { databaseId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OAuthViewer { viewer { databaseId name } }"): (typeof documents)["query OAuthViewer { viewer { databaseId name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OAuthNotifications { notifications { type } }"): (typeof documents)["subscription OAuthNotifications { notifications { type } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthUpdateSettings { updateSettings(settings: { stream: { autostart: false } }) { stream { autostart } } }\n"): (typeof documents)["\n  mutation OAuthUpdateSettings { updateSettings(settings: { stream: { autostart: false } }) { stream { autostart } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThirdPartyAuthorize($provider: String!, $redirect: String!) {\n    thirdPartyProviders\n    thirdPartyAuthorizeUrl(provider: $provider, redirectUri: $redirect)\n  }\n"): (typeof documents)["\n  query ThirdPartyAuthorize($provider: String!, $redirect: String!) {\n    thirdPartyProviders\n    thirdPartyAuthorizeUrl(provider: $provider, redirectUri: $redirect)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ThirdPartySignIn($provider: String!, $code: String!, $state: String!, $redirect: String!) {\n    signInWithThirdParty(provider: $provider, code: $code, state: $state, redirectUri: $redirect) {\n      session { token viewer { databaseId name } }\n      registration { name token }\n    }\n  }\n"): (typeof documents)["\n  mutation ThirdPartySignIn($provider: String!, $code: String!, $state: String!, $redirect: String!) {\n    signInWithThirdParty(provider: $provider, code: $code, state: $state, redirectUri: $redirect) {\n      session { token viewer { databaseId name } }\n      registration { name token }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ThirdPartyNotifications { notifications { type data } }"): (typeof documents)["subscription ThirdPartyNotifications { notifications { type data } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThirdPartyLink($redirect: String!) {\n    thirdPartyAuthorizeUrl(provider: \"stub\", redirectUri: $redirect, link: true)\n  }\n"): (typeof documents)["\n  query ThirdPartyLink($redirect: String!) {\n    thirdPartyAuthorizeUrl(provider: \"stub\", redirectUri: $redirect, link: true)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleTestLogin($i: LoginInput!) { login(input: $i) { token } }"): (typeof documents)["mutation ConsoleTestLogin($i: LoginInput!) { login(input: $i) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleTestBlock($userId: Int!) { blockUser(userId: $userId, state: true) }"): (typeof documents)["mutation ConsoleTestBlock($userId: Int!) { blockUser(userId: $userId, state: true) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleTestPing { __typename }"): (typeof documents)["query ConsoleTestPing { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleTestPlugins { plugins { name enabled requiredBy changedBy } }"): (typeof documents)["query ConsoleTestPlugins { plugins { name enabled requiredBy changedBy } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsoleTestPluginsChanged { pluginsChanged { name enabled changedBy } }"): (typeof documents)["subscription ConsoleTestPluginsChanged { pluginsChanged { name enabled changedBy } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsOverview {\n    opsOverview {\n      at\n      instance\n      instances {\n        id\n        startedAt\n        lastSeenAt\n        plugins\n        wsConnections\n      }\n      databaseUp\n      redisUp\n      requestsPerSecond\n      errorsPerSecond\n      operations {\n        name\n        perSecond\n        total\n      }\n      published {\n        name\n        perSecond\n        total\n      }\n      wsConnections\n      wsSubscriptions\n    }\n  }\n"): (typeof documents)["\n  query OpsOverview {\n    opsOverview {\n      at\n      instance\n      instances {\n        id\n        startedAt\n        lastSeenAt\n        plugins\n        wsConnections\n      }\n      databaseUp\n      redisUp\n      requestsPerSecond\n      errorsPerSecond\n      operations {\n        name\n        perSecond\n        total\n      }\n      published {\n        name\n        perSecond\n        total\n      }\n      wsConnections\n      wsSubscriptions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OpsStats {\n    opsStats {\n      at\n      instance\n      requestsPerSecond\n      wsConnections\n      wsSubscriptions\n    }\n  }\n"): (typeof documents)["\n  subscription OpsStats {\n    opsStats {\n      at\n      instance\n      requestsPerSecond\n      wsConnections\n      wsSubscriptions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsProbe {\n    __typename\n  }\n"): (typeof documents)["\n  query OpsProbe {\n    __typename\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorPlugins { plugins { name enabled requires requiredBy changedAt changedBy } }\n"): (typeof documents)["\n  query OperatorPlugins { plugins { name enabled requires requiredBy changedAt changedBy } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorSetPlugin($name: String!, $enabled: Boolean!) {\n    setPluginEnabled(name: $name, enabled: $enabled) { name enabled requiredBy changedBy }\n  }\n"): (typeof documents)["\n  mutation OperatorSetPlugin($name: String!, $enabled: Boolean!) {\n    setPluginEnabled(name: $name, enabled: $enabled) { name enabled requiredBy changedBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OperatorPluginsChanged { pluginsChanged { name enabled } }\n"): (typeof documents)["\n  subscription OperatorPluginsChanged { pluginsChanged { name enabled } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SwitchSmiles { smiles { id } }\n"): (typeof documents)["\n  query SwitchSmiles { smiles { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SwitchSmilesChanged { smilesChanged { kind } }\n"): (typeof documents)["\n  subscription SwitchSmilesChanged { smilesChanged { kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SwitchNotes { notifications { type } }\n"): (typeof documents)["\n  subscription SwitchNotes { notifications { type } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SwitchMe { viewer { id } }\n"): (typeof documents)["\n  query SwitchMe { viewer { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BansFuzzFindings($to: DateTime) { bans(first: 5, to: $to) { edges { node { databaseId } } } }"): (typeof documents)["query BansFuzzFindings($to: DateTime) { bans(first: 5, to: $to) { edges { node { databaseId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BansFuzzFindings2 { bans(first: 5, from: \"0000-12-31T00:00:00Z\") { edges { node { databaseId } } } }"): (typeof documents)["query BansFuzzFindings2 { bans(first: 5, from: \"0000-12-31T00:00:00Z\") { edges { node { databaseId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChannelModeratorFuzzFindings { addChannelModerator(channel: \"support/2147483648\", userId: 1) }"): (typeof documents)["mutation AddChannelModeratorFuzzFindings { addChannelModerator(channel: \"support/2147483648\", userId: 1) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddChannelModeratorFuzzFindings2 { addChannelModerator(channel: \"support/x\", userId: 1) }"): (typeof documents)["mutation AddChannelModeratorFuzzFindings2 { addChannelModerator(channel: \"support/x\", userId: 1) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySmileChangesFuzzFindings { mySmileChanges { user { name roles { masterstreamer moderator } } } }"): (typeof documents)["query MySmileChangesFuzzFindings { mySmileChanges { user { name roles { masterstreamer moderator } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Typename { __typename }"): (typeof documents)["query Typename { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IntrospectionQueryType { __schema { queryType { name } } }"): (typeof documents)["query IntrospectionQueryType { __schema { queryType { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Type { __type(name: \"User\") { fields { name } } }"): (typeof documents)["query Type { __type(name: \"User\") { fields { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnnamedParamProbe { __typename }"): (typeof documents)["query UnnamedParamProbe { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { databaseId } } }"): (typeof documents)["query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannels($ids: [String!]!) { chatChannels(ids: $ids) { id } }"): (typeof documents)["query ChatChannels($ids: [String!]!) { chatChannels(ids: $ids) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HistoryByQuery($q: ChatHistoryQuery) { chatHistory(channel: \"main\", query: $q) { id } }"): (typeof documents)["query HistoryByQuery($q: ChatHistoryQuery) { chatHistory(channel: \"main\", query: $q) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitePhones($p: [String!]!) { invitePhones(phones: $p) }"): (typeof documents)["mutation InvitePhones($p: [String!]!) { invitePhones(phones: $p) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterInputBounds($i: RegisterInput!) { register(input: $i) { token } }"): (typeof documents)["mutation RegisterInputBounds($i: RegisterInput!) { register(input: $i) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccuseUserInputBounds($d: JSON) { accuseUser(userId: 1, reasonId: 1, data: $d) }"): (typeof documents)["mutation AccuseUserInputBounds($d: JSON) { accuseUser(userId: 1, reasonId: 1, data: $d) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeInputBounds($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query NodeInputBounds($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterPhone($p: String!) { registerPhone(phone: $p) { created } }"): (typeof documents)["mutation RegisterPhone($p: String!) { registerPhone(phone: $p) { created } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsProbe {\n    __typename\n  }\n"): (typeof documents)["\n  query MetricsProbe {\n    __typename\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsStats {\n    opsStats {\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription MetricsStats {\n    opsStats {\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatChannelMetrics { chatChannel(id: \"main\") { presence { amount } } }"): (typeof documents)["query ChatChannelMetrics { chatChannel(id: \"main\") { presence { amount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendChatMessageMetrics { sendChatMessage(input: { channel: \"main\", text: \"while Redis is away\" }) { isSent } }"): (typeof documents)["mutation SendChatMessageMetrics { sendChatMessage(input: { channel: \"main\", text: \"while Redis is away\" }) { isSent } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TypePlugins { __type(name: \"FixtureThing\") { name } }"): (typeof documents)["query TypePlugins { __type(name: \"FixtureThing\") { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Schema { __schema { queryType { fields { name } } subscriptionType { fields { name } } types { name } } }"): (typeof documents)["query Schema { __schema { queryType { fields { name } } subscriptionType { fields { name } } types { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TypePlugins2 { __type(name: \"FixtureSettings\") { name } }"): (typeof documents)["query TypePlugins2 { __type(name: \"FixtureSettings\") { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerAndDefaultRoles { viewer { name } defaultRoles { citizen moderator } }"): (typeof documents)["query ViewerAndDefaultRoles { viewer { name } defaultRoles { citizen moderator } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerTwice { viewer { id } a: viewer { id } }"): (typeof documents)["query ViewerTwice { viewer { id } a: viewer { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SchemaServer { __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }"): (typeof documents)["query SchemaServer { __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterServer($i: RegisterInput!) { register(input: $i) { token viewer { name databaseId email } } }"): (typeof documents)["mutation RegisterServer($i: RegisterInput!) { register(input: $i) { token viewer { name databaseId email } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogoutSse { logout }"): (typeof documents)["mutation LogoutSse { logout }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BlockUserSse($u: Int!) { blockUser(userId: $u, state: true) }"): (typeof documents)["mutation BlockUserSse($u: Int!) { blockUser(userId: $u, state: true) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRoleSse($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }"): (typeof documents)["mutation SetRoleSse($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginWsRevocation($l: String!, $p: String!) { login(input: { login: $l, password: $p }) { token } }"): (typeof documents)["mutation LoginWsRevocation($l: String!, $p: String!) { login(input: { login: $l, password: $p }) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BlockUser($u: Int!) { blockUser(userId: $u, state: true) }"): (typeof documents)["mutation BlockUser($u: Int!) { blockUser(userId: $u, state: true) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }"): (typeof documents)["mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPasswordWsRevocation($c: String!, $p: String) { resetPassword(code: $c, newPassword: $p) { token } }"): (typeof documents)["mutation ResetPasswordWsRevocation($c: String!, $p: String) { resetPassword(code: $c, newPassword: $p) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRoleWsRevocation($u: Int!) { setRole(userId: $u, role: \"moderator\", value: false) }"): (typeof documents)["mutation SetRoleWsRevocation($u: Int!) { setRole(userId: $u, role: \"moderator\", value: false) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRoomChannelT($r: Int!, $name: String!, $type: String, $readOnly: Boolean, $categoryId: Int) {\n    createRoomChannel(roomId: $r, name: $name, type: $type, readOnly: $readOnly, categoryId: $categoryId) {\n      databaseId roomId name type position readOnly categoryId chatChannel\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRoomChannelT($r: Int!, $name: String!, $type: String, $readOnly: Boolean, $categoryId: Int) {\n    createRoomChannel(roomId: $r, name: $name, type: $type, readOnly: $readOnly, categoryId: $categoryId) {\n      databaseId roomId name type position readOnly categoryId chatChannel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRoomChannelT($c: Int!, $name: String, $readOnly: Boolean, $position: Int) {\n    updateRoomChannel(channelId: $c, name: $name, readOnly: $readOnly, position: $position) { databaseId name readOnly position }\n  }\n"): (typeof documents)["\n  mutation UpdateRoomChannelT($c: Int!, $name: String, $readOnly: Boolean, $position: Int) {\n    updateRoomChannel(channelId: $c, name: $name, readOnly: $readOnly, position: $position) { databaseId name readOnly position }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoomChannelsT($r: Int!) { room(databaseId: $r) { channels { databaseId name position } } }"): (typeof documents)["query RoomChannelsT($r: Int!) { room(databaseId: $r) { channels { databaseId name position } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendInRoomChannelT($c: String!) { sendChatMessage(input: { channel: $c, text: \"hello\" }) { isSent dropReason } }\n"): (typeof documents)["\n  mutation SendInRoomChannelT($c: String!) { sendChatMessage(input: { channel: $c, text: \"hello\" }) { isSent dropReason } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRoomEmojiT($r: Int!, $n: String!, $file: File!) {\n    addRoomEmoji(roomId: $r, name: $n, file: $file) { databaseId name url width height sticker description }\n  }\n"): (typeof documents)["\n  mutation AddRoomEmojiT($r: Int!, $n: String!, $file: File!) {\n    addRoomEmoji(roomId: $r, name: $n, file: $file) { databaseId name url width height sticker description }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRoomStickerT($r: Int!, $n: String!, $d: String, $file: File!) {\n    addRoomSticker(roomId: $r, name: $n, file: $file, description: $d) { databaseId name url sticker description }\n  }\n"): (typeof documents)["\n  mutation AddRoomStickerT($r: Int!, $n: String!, $d: String, $file: File!) {\n    addRoomSticker(roomId: $r, name: $n, file: $file, description: $d) { databaseId name url sticker description }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveRoomEmojiT($e: Int!) { removeRoomEmoji(emojiId: $e) }"): (typeof documents)["mutation RemoveRoomEmojiT($e: Int!) { removeRoomEmoji(emojiId: $e) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomEmojisT($r: Int!) { room(databaseId: $r) { emojis { databaseId name } stickers { databaseId name description } } }\n"): (typeof documents)["\n  query RoomEmojisT($r: Int!) { room(databaseId: $r) { emojis { databaseId name } stickers { databaseId name description } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendWithEmojisT($c: String!, $text: String!) { sendChatMessage(input: { channel: $c, text: $text }) { isSent } }\n"): (typeof documents)["\n  mutation SendWithEmojisT($c: String!, $text: String!) { sendChatMessage(input: { channel: $c, text: $text }) { isSent } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EmojiChannelT($r: Int!) { createRoomChannel(roomId: $r, name: \"general\") { databaseId chatChannel } }\n"): (typeof documents)["\n  mutation EmojiChannelT($r: Int!) { createRoomChannel(roomId: $r, name: \"general\") { databaseId chatChannel } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteEmojiRoomT($r: Int!) { deleteRoom(roomId: $r) }"): (typeof documents)["mutation DeleteEmojiRoomT($r: Int!) { deleteRoom(roomId: $r) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SiteSmilesT { smiles { code } }"): (typeof documents)["query SiteSmilesT { smiles { code } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SmilerRemovesT($ids: [Int!]!) { removeSmiles(ids: $ids) }"): (typeof documents)["mutation SmilerRemovesT($ids: [Int!]!) { removeSmiles(ids: $ids) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RoomChangedT($r: Int!) {\n    roomChanged(roomId: $r) { change roomId room { databaseId name } user { databaseId } role inviteId channelId time }\n  }\n"): (typeof documents)["\n  subscription RoomChangedT($r: Int!) {\n    roomChanged(roomId: $r) { change roomId room { databaseId name } user { databaseId } role inviteId channelId time }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateRoomLiveT($r: Int!, $name: String!) { updateRoom(roomId: $r, input: { name: $name }) { databaseId } }"): (typeof documents)["mutation UpdateRoomLiveT($r: Int!, $name: String!) { updateRoom(roomId: $r, input: { name: $name }) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteRoomLiveT($r: Int!) { deleteRoom(roomId: $r) }"): (typeof documents)["mutation DeleteRoomLiveT($r: Int!) { deleteRoom(roomId: $r) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NewChannelLiveT($r: Int!, $n: String!) { createRoomChannel(roomId: $r, name: $n) { databaseId } }"): (typeof documents)["mutation NewChannelLiveT($r: Int!, $n: String!) { createRoomChannel(roomId: $r, name: $n) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EditChannelLiveT($c: Int!) { updateRoomChannel(channelId: $c, readOnly: true) { databaseId } }"): (typeof documents)["mutation EditChannelLiveT($c: Int!) { updateRoomChannel(channelId: $c, readOnly: true) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PreviewLiveT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId } }"): (typeof documents)["mutation PreviewLiveT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RoomNotificationsT { notifications { type data } }"): (typeof documents)["subscription RoomNotificationsT { notifications { type data } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoomHistoryT($c: String!) { chatHistory(channel: $c) { databaseId text } }"): (typeof documents)["query RoomHistoryT($c: String!) { chatHistory(channel: $c) { databaseId text } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RoomChatEventsT($c: String!) { chatEvents(channel: $c) { __typename } }"): (typeof documents)["subscription RoomChatEventsT($c: String!) { chatEvents(channel: $c) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoomSendT($c: String!) { sendChatMessage(input: { channel: $c, text: \"secret plans\" }) { isSent } }"): (typeof documents)["mutation RoomSendT($c: String!) { sendChatMessage(input: { channel: $c, text: \"secret plans\" }) { isSent } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowRoomT($id: Int!) { follow(content: ROOM, id: $id) }"): (typeof documents)["mutation FollowRoomT($id: Int!) { follow(content: ROOM, id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoomPreviewT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId image imageUrl } }\n"): (typeof documents)["\n  mutation SetRoomPreviewT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId image imageUrl } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoomImageT($r: Int!) { room(databaseId: $r) { image imageUrl } }"): (typeof documents)["query RoomImageT($r: Int!) { room(databaseId: $r) { image imageUrl } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomsT($name: String, $filled: Boolean, $closed: Boolean, $categoryId: Int, $ownerId: Int, $includeHidden: Boolean,\n    $orderBy: RoomOrder!, $first: Int, $after: String, $offset: Int, $last: Int) {\n    rooms(name: $name, filled: $filled, closed: $closed, categoryId: $categoryId, ownerId: $ownerId, includeHidden: $includeHidden,\n      orderBy: $orderBy, first: $first, after: $after, offset: $offset, last: $last) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { databaseId name } }\n    }\n  }\n"): (typeof documents)["\n  query RoomsT($name: String, $filled: Boolean, $closed: Boolean, $categoryId: Int, $ownerId: Int, $includeHidden: Boolean,\n    $orderBy: RoomOrder!, $first: Int, $after: String, $offset: Int, $last: Int) {\n    rooms(name: $name, filled: $filled, closed: $closed, categoryId: $categoryId, ownerId: $ownerId, includeHidden: $includeHidden,\n      orderBy: $orderBy, first: $first, after: $after, offset: $offset, last: $last) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { databaseId name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyRoomsT { myRooms { role room { databaseId } } }"): (typeof documents)["query MyRoomsT { myRooms { role room { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRoomT($i: CreateRoomInput!) {\n    createRoom(input: $i) { databaseId name slug mode hidden closed hasPassword maxUsers settings ownerId category { databaseId } }\n  }\n"): (typeof documents)["\n  mutation CreateRoomT($i: CreateRoomInput!) {\n    createRoom(input: $i) { databaseId name slug mode hidden closed hasPassword maxUsers settings ownerId category { databaseId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRoomT($r: Int!, $i: UpdateRoomInput!) {\n    updateRoom(roomId: $r, input: $i) { databaseId name slug mode hidden hasPassword closed maxUsers settings category { databaseId } }\n  }\n"): (typeof documents)["\n  mutation UpdateRoomT($r: Int!, $i: UpdateRoomInput!) {\n    updateRoom(roomId: $r, input: $i) { databaseId name slug mode hidden hasPassword closed maxUsers settings category { databaseId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteRoomT($r: Int!) { deleteRoom(roomId: $r) }"): (typeof documents)["mutation DeleteRoomT($r: Int!) { deleteRoom(roomId: $r) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoomT($id: Int, $slug: String) { room(databaseId: $id, slug: $slug) { databaseId name slug } }"): (typeof documents)["query RoomT($id: Int, $slug: String) { room(databaseId: $id, slug: $slug) { databaseId name slug } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoomCategoriesT { roomCategories { databaseId name slug } }"): (typeof documents)["query RoomCategoriesT { roomCategories { databaseId name slug } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoomAllFieldsT($id: Int!) {\n        room(databaseId: $id) { id databaseId name slug ownerId mode hasPassword closed hidden rating image imageUrl settings\n          maxUsers createdAt available viewerRole category { databaseId } owner { databaseId } channels { databaseId } }\n      }"): (typeof documents)["query RoomAllFieldsT($id: Int!) {\n        room(databaseId: $id) { id databaseId name slug ownerId mode hasPassword closed hidden rating image imageUrl settings\n          maxUsers createdAt available viewerRole category { databaseId } owner { databaseId } channels { databaseId } }\n      }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoomTypeFieldsT { __type(name: \"Room\") { fields { name } } }"): (typeof documents)["query RoomTypeFieldsT { __type(name: \"Room\") { fields { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserRoomsOf($id: Int!) {\n    user(databaseId: $id) {\n      activeRoom { databaseId }\n      ownedRooms { databaseId }\n      visitedRooms { databaseId }\n    }\n  }\n"): (typeof documents)["\n  query UserRoomsOf($id: Int!) {\n    user(databaseId: $id) {\n      activeRoom { databaseId }\n      ownedRooms { databaseId }\n      visitedRooms { databaseId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VideoSetPlaylist($roomId: Int!, $items: [RoomPlaylistItemInput!]!) {\n    setRoomPlaylist(roomId: $roomId, items: $items) { databaseId position url start main persistent }\n  }\n"): (typeof documents)["\n  mutation VideoSetPlaylist($roomId: Int!, $items: [RoomPlaylistItemInput!]!) {\n    setRoomPlaylist(roomId: $roomId, items: $items) { databaseId position url start main persistent }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VideoSetCurrent($roomId: Int!, $position: Int!) {\n    setRoomCurrentVideo(roomId: $roomId, position: $position) {\n      roomId url playlistPosition startedAt code { started paused }\n    }\n  }\n"): (typeof documents)["\n  mutation VideoSetCurrent($roomId: Int!, $position: Int!) {\n    setRoomCurrentVideo(roomId: $roomId, position: $position) {\n      roomId url playlistPosition startedAt code { started paused }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VideoOfRoom($id: Int!) {\n    room(databaseId: $id) {\n      currentVideo { roomId url playlistPosition startedAt code { started paused } }\n      playlist { databaseId position url start main persistent }\n      playbackHistory { url start end }\n    }\n  }\n"): (typeof documents)["\n  query VideoOfRoom($id: Int!) {\n    room(databaseId: $id) {\n      currentVideo { roomId url playlistPosition startedAt code { started paused } }\n      playlist { databaseId position url start main persistent }\n      playbackHistory { url start end }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VideoRandomStream { randomStream }"): (typeof documents)["query VideoRandomStream { randomStream }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitSmileChanges { submitSmileChanges }"): (typeof documents)["mutation SubmitSmileChanges { submitSmileChanges }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }"): (typeof documents)["mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySmileChanges { mySmileChanges { submitted } }"): (typeof documents)["query MySmileChanges { mySmileChanges { submitted } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScopeSmiles { smiles { databaseId } }"): (typeof documents)["query ScopeSmiles { smiles { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScopeApprovalQueue { smileApprovalQueue { submitted } }"): (typeof documents)["query ScopeApprovalQueue { smileApprovalQueue { submitted } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScopeMySmileChanges { mySmileChanges { submitted } }"): (typeof documents)["query ScopeMySmileChanges { mySmileChanges { submitted } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScopeUpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }"): (typeof documents)["mutation ScopeUpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScopeRemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }"): (typeof documents)["mutation ScopeRemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScopeRemoveIcons($ids: [Int!]!) { removeIcons(ids: $ids) }"): (typeof documents)["mutation ScopeRemoveIcons($ids: [Int!]!) { removeIcons(ids: $ids) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScopeRevertSmileChanges { revertSmileChanges }"): (typeof documents)["mutation ScopeRevertSmileChanges { revertSmileChanges }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScopeApprove($u: Int!) { approveSmileChanges(userId: $u) }"): (typeof documents)["mutation ScopeApprove($u: Int!) { approveSmileChanges(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScopeReject($u: Int!) { rejectSmileChanges(userId: $u) }"): (typeof documents)["mutation ScopeReject($u: Int!) { rejectSmileChanges(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SmilesChanged { smilesChanged { kind user { databaseId name } smiles { databaseId code url tab position level siteLevel masterStreamerLevel icon user { databaseId } } removedIds } }"): (typeof documents)["subscription SmilesChanged { smilesChanged { kind user { databaseId name } smiles { databaseId code url tab position level siteLevel masterStreamerLevel icon user { databaseId } } removedIds } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SmileQueueChanged { smileQueueChanged { kind user { databaseId name } set { submitted smiles { code change user { databaseId } } removed { databaseId } } } }"): (typeof documents)["subscription SmileQueueChanged { smileQueueChanged { kind user { databaseId name } set { submitted smiles { code change user { databaseId } } removed { databaseId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription NotificationsLive { notifications { type data } }"): (typeof documents)["subscription NotificationsLive { notifications { type data } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }"): (typeof documents)["mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }"): (typeof documents)["mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectSmileChanges($u: Int!) { rejectSmileChanges(userId: $u) }"): (typeof documents)["mutation RejectSmileChanges($u: Int!) { rejectSmileChanges(userId: $u) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddSmile($file: File!) { addSmile(file: $file) { databaseId code url approved width height icon } }"): (typeof documents)["mutation AddSmile($file: File!) { addSmile(file: $file) { databaseId code url approved width height icon } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddIcon($file: File!) { addIcon(file: $file) { databaseId code url approved width height icon } }"): (typeof documents)["mutation AddIcon($file: File!) { addIcon(file: $file) { databaseId code url approved width height icon } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddSmileUploads { addSmile(file: \"x\") { databaseId } }"): (typeof documents)["mutation AddSmileUploads { addSmile(file: \"x\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ChangeSet on SmileChangeSet { user { databaseId name } submitted submittedAt hasChanges\n  smiles { databaseId code tab position level masterStreamerLevel siteLevel change icon user { databaseId } }\n  removed { databaseId code change } }"): (typeof documents)["fragment ChangeSet on SmileChangeSet { user { databaseId name } submitted submittedAt hasChanges\n  smiles { databaseId code tab position level masterStreamerLevel siteLevel change icon user { databaseId } }\n  removed { databaseId code change } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyChangeSet { mySmileChanges { ...ChangeSet } }"): (typeof documents)["query MyChangeSet { mySmileChanges { ...ChangeSet } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Smiles { smiles { databaseId code url tab position width height level masterStreamerLevel siteLevel icon approved user { databaseId name } } }"): (typeof documents)["query Smiles { smiles { databaseId code url tab position width height level masterStreamerLevel siteLevel icon approved user { databaseId name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevertSmileChanges { revertSmileChanges }"): (typeof documents)["mutation RevertSmileChanges { revertSmileChanges }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalQueue { smileApprovalQueue { ...ChangeSet } }"): (typeof documents)["query ApprovalQueue { smileApprovalQueue { ...ChangeSet } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SmilesWorkflow { smiles(icon: true) { databaseId icon tab position level } }"): (typeof documents)["query SmilesWorkflow { smiles(icon: true) { databaseId icon tab position level } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SmilesWorkflow2 { smiles(icon: false) { icon } }"): (typeof documents)["query SmilesWorkflow2 { smiles(icon: false) { icon } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SmilesWorkflow3 { smiles { databaseId } }"): (typeof documents)["query SmilesWorkflow3 { smiles { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SmilesWorkflow4 { smiles { id databaseId code } }"): (typeof documents)["query SmilesWorkflow4 { smiles { id databaseId code } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeWorkflow($id: ID!) { node(id: $id) { ... on Smile { databaseId code } } }"): (typeof documents)["query NodeWorkflow($id: ID!) { node(id: $id) { ... on Smile { databaseId code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StoreMatrixGift { saveStoreGift(input: { name: \"Pin\", image: \"/p.png\", price: 1, active: true }) { databaseId } }"): (typeof documents)["mutation StoreMatrixGift { saveStoreGift(input: { name: \"Pin\", image: \"/p.png\", price: 1, active: true }) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreMatrixGrant($u: Int!, $b: Int!) { grantStoreBonus(userId: $u, bonusId: $b, reason: \"matrix\") { databaseId } }\n"): (typeof documents)["\n  mutation StoreMatrixGrant($u: Int!, $b: Int!) { grantStoreBonus(userId: $u, bonusId: $b, reason: \"matrix\") { databaseId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreMatrixSub($u: Int!, $s: Int!) {\n    saveStoreSubscription(input: { userId: $u, streamerId: $s, active: true, reason: \"matrix\" }) { databaseId }\n  }\n"): (typeof documents)["\n  mutation StoreMatrixSub($u: Int!, $s: Int!) {\n    saveStoreSubscription(input: { userId: $u, streamerId: $s, active: true, reason: \"matrix\" }) { databaseId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreEffectsSend($i: SendChatMessageInput!) {\n    sendChatMessage(input: $i) { isSent message { databaseId from { databaseId nickColor } } }\n  }\n"): (typeof documents)["\n  mutation StoreEffectsSend($i: SendChatMessageInput!) {\n    sendChatMessage(input: $i) { isSent message { databaseId from { databaseId nickColor } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StoreEffectsEdit($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId } }"): (typeof documents)["mutation StoreEffectsEdit($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreEffectsHistory($c: String!) { chatHistory(channel: $c, limit: 20) { databaseId from { databaseId nickColor } } }\n"): (typeof documents)["\n  query StoreEffectsHistory($c: String!) { chatHistory(channel: $c, limit: 20) { databaseId from { databaseId nickColor } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StoreEffectsEvents($c: String!) {\n    chatEvents(channel: $c) { __typename ... on ChatMessageAdded { message { databaseId from { databaseId nickColor } } } }\n  }\n"): (typeof documents)["\n  subscription StoreEffectsEvents($c: String!) {\n    chatEvents(channel: $c) { __typename ... on ChatMessageAdded { message { databaseId from { databaseId nickColor } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StoreEffectsNick($id: Int!) { user(databaseId: $id) { nickColor } }"): (typeof documents)["query StoreEffectsNick($id: Int!) { user(databaseId: $id) { nickColor } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreEffectsStatus($id: Int!, $a: Boolean!) { setStorePurchaseStatus(id: $id, active: $a) { active inEffect } }\n"): (typeof documents)["\n  mutation StoreEffectsStatus($id: Int!, $a: Boolean!) { setStorePurchaseStatus(id: $id, active: $a) { active inEffect } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreTopUp($i: StoreTopUpInput!) { topUp(input: $i) { transactionId replayed wallet { userId pekoins } } }\n"): (typeof documents)["\n  mutation StoreTopUp($i: StoreTopUpInput!) { topUp(input: $i) { transactionId replayed wallet { userId pekoins } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreSaveGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId name image price active } }\n"): (typeof documents)["\n  mutation StoreSaveGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId name image price active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreGiftsOf($u: Int!) { receivedGifts(userId: $u, first: 10) { edges { node { name price text fromId from { databaseId } } } } }\n"): (typeof documents)["\n  query StoreGiftsOf($u: Int!) { receivedGifts(userId: $u, first: 10) { edges { node { name price text fromId from { databaseId } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription StoreGiftEvents { giftReceived { name text fromId toId } }"): (typeof documents)["subscription StoreGiftEvents { giftReceived { name text fromId toId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorePostings($c: StoreCurrency, $first: Int, $after: String) {\n    wallet { pekoins points postings(currency: $c, first: $first, after: $after) {\n      edges { cursor node { databaseId transactionId kind currency amount reason time } }\n      pageInfo { hasNextPage endCursor }\n    } }\n  }\n"): (typeof documents)["\n  query StorePostings($c: StoreCurrency, $first: Int, $after: String) {\n    wallet { pekoins points postings(currency: $c, first: $first, after: $after) {\n      edges { cursor node { databaseId transactionId kind currency amount reason time } }\n      pageInfo { hasNextPage endCursor }\n    } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorePurchases($u: Int) { storePurchases(userId: $u) { databaseId bonusId expiresAt active inEffect removed bonus { name } } }\n"): (typeof documents)["\n  query StorePurchases($u: Int) { storePurchases(userId: $u) { databaseId bonusId expiresAt active inEffect removed bonus { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreRefund($id: Int!, $k: String) { refundStorePurchase(id: $id, reason: \"customer asked\", idempotencyKey: $k) { removed } }\n"): (typeof documents)["\n  mutation StoreRefund($id: Int!, $k: String) { refundStorePurchase(id: $id, reason: \"customer asked\", idempotencyKey: $k) { removed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreSetPoints($u: Int!, $a: Int!, $r: String!) { setStorePoints(userId: $u, amount: $a, reason: $r) { userId amount } }\n"): (typeof documents)["\n  mutation StoreSetPoints($u: Int!, $a: Int!, $r: String!) { setStorePoints(userId: $u, amount: $a, reason: $r) { userId amount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreAudit($u: Int) { storeAudit(userId: $u, first: 20) { edges { node { action reason staffId transactionId before after } } } }\n"): (typeof documents)["\n  query StoreAudit($u: Int) { storeAudit(userId: $u, first: 20) { edges { node { action reason staffId transactionId before after } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StoreLedgerCheck { storeLedgerCheck { ok entries postings unbalancedEntries totals { currency sum } } }"): (typeof documents)["query StoreLedgerCheck { storeLedgerCheck { ok entries postings unbalancedEntries totals { currency sum } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation StoreAdjustMatrix($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"r\") { pekoins points } }\n    "): (typeof documents)["\n      mutation StoreAdjustMatrix($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"r\") { pekoins points } }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StoreWalletOf($u: Int) { wallet(userId: $u) { userId points } }"): (typeof documents)["query StoreWalletOf($u: Int) { wallet(userId: $u) { userId points } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StorePropGift { saveStoreGift(input: { name: \"Prop\", image: \"/p.png\", price: 4, active: true }) { databaseId } }"): (typeof documents)["mutation StorePropGift { saveStoreGift(input: { name: \"Prop\", image: \"/p.png\", price: 4, active: true }) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StorePropTopUp($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }"): (typeof documents)["mutation StorePropTopUp($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StorePropSend($g: Int!, $u: Int!) { sendGift(giftId: $g, userId: $u) { databaseId } }"): (typeof documents)["mutation StorePropSend($g: Int!, $u: Int!) { sendGift(giftId: $g, userId: $u) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StorePropRefund($id: Int!) { refundStorePurchase(id: $id, reason: \"property\") { databaseId } }"): (typeof documents)["mutation StorePropRefund($id: Int!) { refundStorePurchase(id: $id, reason: \"property\") { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorePropAdjust($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"property\") { pekoins } }\n"): (typeof documents)["\n  mutation StorePropAdjust($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"property\") { pekoins } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StorePropPoints($u: Int!, $a: Int!) { setStorePoints(userId: $u, amount: $a, reason: \"property\") { amount } }"): (typeof documents)["mutation StorePropPoints($u: Int!, $a: Int!) { setStorePoints(userId: $u, amount: $a, reason: \"property\") { amount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StoreForSale($all: Boolean) { storeBonuses(all: $all) { databaseId } }"): (typeof documents)["query StoreForSale($all: Boolean) { storeBonuses(all: $all) { databaseId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation StoreTopUpOff($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }\n    "): (typeof documents)["\n      mutation StoreTopUpOff($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StorePurchaseEvents { bonusPurchased { change purchase { databaseId bonusId inEffect expiresAt } } }\n"): (typeof documents)["\n  subscription StorePurchaseEvents { bonusPurchased { change purchase { databaseId bonusId inEffect expiresAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StoreOtherBuys($b: Int!) { buyBonus(bonusId: $b, currency: PEKOINS) { purchase { databaseId } } }"): (typeof documents)["mutation StoreOtherBuys($b: Int!) { buyBonus(bonusId: $b, currency: PEKOINS) { purchase { databaseId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreBuySub($s: Int!, $k: String) { buyStreamerSubscription(streamerId: $s, idempotencyKey: $k) { databaseId userId streamerId expiresAt active inEffect } }\n"): (typeof documents)["\n  mutation StoreBuySub($s: Int!, $k: String) { buyStreamerSubscription(streamerId: $s, idempotencyKey: $k) { databaseId userId streamerId expiresAt active inEffect } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreSaveSub($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { databaseId expiresAt active inEffect } }\n"): (typeof documents)["\n  mutation StoreSaveSub($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { databaseId expiresAt active inEffect } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreSubStatus($id: Int!, $a: Boolean!) { setStoreSubscriptionStatus(id: $id, active: $a) { active } }\n"): (typeof documents)["\n  mutation StoreSubStatus($id: Int!, $a: Boolean!) { setStoreSubscriptionStatus(id: $id, active: $a) { active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StoreSubEvents { subscriptionChanged { change subscription { databaseId userId streamerId expiresAt } } }\n"): (typeof documents)["\n  subscription StoreSubEvents { subscriptionChanged { change subscription { databaseId userId streamerId expiresAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription StoreWalletEvents { walletChanged { wallet { pekoins points } kind transactionId } }"): (typeof documents)["subscription StoreWalletEvents { walletChanged { wallet { pekoins points } kind transactionId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StoreSubPrice($s: Int!, $p: Int!) { setSubscriptionPrice(streamerId: $s, price: $p) }"): (typeof documents)["mutation StoreSubPrice($s: Int!, $p: Int!) { setSubscriptionPrice(streamerId: $s, price: $p) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StoreSubPriceOf($s: Int!) { subscriptionPrice(streamerId: $s) }"): (typeof documents)["query StoreSubPriceOf($s: Int!) { subscriptionPrice(streamerId: $s) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreSaveBonus($input: StoreBonusInput!) {\n    saveStoreBonus(input: $input) { databaseId type config duration name price { canBePurchased pekoins points } view { category position linked } }\n  }\n"): (typeof documents)["\n  mutation StoreSaveBonus($input: StoreBonusInput!) {\n    saveStoreBonus(input: $input) { databaseId type config duration name price { canBePurchased pekoins points } view { category position linked } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreAdjust($u: Int!, $c: StoreCurrency!, $a: Int!, $k: String) {\n    adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"test funds\", idempotencyKey: $k) { pekoins points }\n  }\n"): (typeof documents)["\n  mutation StoreAdjust($u: Int!, $c: StoreCurrency!, $a: Int!, $k: String) {\n    adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: \"test funds\", idempotencyKey: $k) { pekoins points }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StoreWallet($u: Int) { wallet(userId: $u) { pekoins points } }"): (typeof documents)["query StoreWallet($u: Int) { wallet(userId: $u) { pekoins points } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StoreBuy($b: Int!, $c: StoreCurrency!, $k: String) {\n    buyBonus(bonusId: $b, currency: $c, idempotencyKey: $k) {\n      purchase { databaseId expiresAt active inEffect }\n      purchases { databaseId }\n      wallet { pekoins points }\n    }\n  }\n"): (typeof documents)["\n  mutation StoreBuy($b: Int!, $c: StoreCurrency!, $k: String) {\n    buyBonus(bonusId: $b, currency: $c, idempotencyKey: $k) {\n      purchase { databaseId expiresAt active inEffect }\n      purchases { databaseId }\n      wallet { pekoins points }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StreamsSaveCategory($input: ContentCategoryInput!) { saveContentCategory(input: $input) { databaseId slug } }\n"): (typeof documents)["\n  mutation StreamsSaveCategory($input: ContentCategoryInput!) { saveContentCategory(input: $input) { databaseId slug } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StreamsSaveStream($input: LiveStreamInput!) {\n    saveLiveStream(input: $input) { databaseId title online rating players { provider channel url } }\n  }\n"): (typeof documents)["\n  mutation StreamsSaveStream($input: LiveStreamInput!) {\n    saveLiveStream(input: $input) { databaseId title online rating players { provider channel url } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StreamsPlayerStatus($provider: StreamProvider!, $channel: String!, $online: Boolean!, $viewers: Int!) {\n    setStreamPlayerStatus(provider: $provider, channel: $channel, online: $online, viewers: $viewers, title: \"live\")\n  }\n"): (typeof documents)["\n  mutation StreamsPlayerStatus($provider: StreamProvider!, $channel: String!, $online: Boolean!, $viewers: Int!) {\n    setStreamPlayerStatus(provider: $provider, channel: $channel, online: $online, viewers: $viewers, title: \"live\")\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamsRoot { contentCategory(content: STREAM, slug: \"top\") { databaseId } }\n"): (typeof documents)["\n  query StreamsRoot { contentCategory(content: STREAM, slug: \"top\") { databaseId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamsList($slug: String!, $first: Int, $after: String) {\n    liveStreams(category: { slug: $slug }, first: $first, after: $after) {\n      edges { cursor node { databaseId rating } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query StreamsList($slug: String!, $first: Int, $after: String) {\n    liveStreams(category: { slug: $slug }, first: $first, after: $after) {\n      edges { cursor node { databaseId rating } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamsNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on LiveStream { databaseId active } } }\n"): (typeof documents)["\n  query StreamsNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on LiveStream { databaseId active } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UploadFile($file: File!) { uploadFile(file: $file) { id name mimeType size width height url } }"): (typeof documents)["mutation UploadFile($file: File!) { uploadFile(file: $file) { id name mimeType size width height url } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;