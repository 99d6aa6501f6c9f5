import type {
  StoreBonusType,
  StoreCurrency,
  StoreEntryKind,
  StoreNetwork,
} from '../../../src/generated/prisma/client.js'
import type { Builder } from '../../../src/schema/builder.js'

/** The store's enums that mirror its database enums, each value described. */
export function addStoreEnums(builder: Builder) {
  // the values are the Prisma enums' own (name = value); `satisfies` keeps them in step with the database
  const Currency = builder.enumType('StoreCurrency', {
    description: 'PEKOINS: bought money; POINTS: earned',
    values: {
      PEKOINS: { description: 'Bought money: top-ups, free coins, grants by store admins' },
      POINTS: { description: 'Earned money: set or granted by store support' },
    } as const satisfies Record<StoreCurrency, { description: string }>,
  })
  const BonusType = builder.enumType('StoreBonusType', {
    description: 'peka2 citizenMinLevel, nickColor, smiles, smilesPerMessage',
    values: {
      CITIZEN_MIN_LEVEL: {
        description:
          'peka2 citizenMinLevel: the least citizen weight the owner votes with in moderation; config {level}',
      },
      NICK_COLOR: { description: "peka2 nickColor: the colour of the owner's nick; config {color: '#rrggbb'}" },
      SMILES: { description: 'peka2 smiles: smiles the owner may use in chat; config {smiles: [code]}' },
      SMILES_PER_MESSAGE: {
        description: 'peka2 smilesPerMessage: how many smiles the owner may write in one chat message; config {amount}',
      },
    } as const satisfies Record<StoreBonusType, { description: string }>,
  })
  const EntryKind = builder.enumType('StoreEntryKind', {
    description: 'What a ledger entry was for',
    values: {
      BONUS_PURCHASE: { description: "A bonus bought (buyBonus): its price to the store's revenue" },
      SUBSCRIPTION_PURCHASE: {
        description:
          "A month of a streamer bought (buyStreamerSubscription): the streamer's share to them, the rest to the store",
      },
      GIFT: { description: "A gift sent (sendGift): its price from the sender's wallet to the store" },
      TOPUP: { description: 'Pekoins a trusted back-end was paid for (topUp)' },
      LEGACY_TOPUP: { description: "Pekoins credited by JustChat's updateBalance (legacyTopUp)" },
      FREE_COINS: { description: 'Free pekoins for a publication on a network (claimFreeCoins)' },
      POINTS_SET: { description: "Store support set a user's points (setStorePoints): the difference" },
      ADJUSTMENT: { description: 'Staff granted or took back an amount (adjustStoreBalance)' },
      REFUND: { description: 'A purchase refunded (refundStorePurchase): its payments reversed' },
      SPEND: { description: "A price paid for another plugin's thing (a paid poll vote)" },
    } as const satisfies Record<StoreEntryKind, { description: string }>,
  })
  const Network = builder.enumType('StoreNetwork', {
    description: 'Where a user published about the service for free coins (JustChat free-coins type)',
    values: {
      MAILRU: { description: 'Mail.ru' },
      VK: { description: 'VKontakte' },
      FACEBOOK: { description: 'Facebook' },
      TWITTER: { description: 'Twitter' },
    } as const satisfies Record<StoreNetwork, { description: string }>,
  })
  return { Currency, BonusType, EntryKind, Network }
}
