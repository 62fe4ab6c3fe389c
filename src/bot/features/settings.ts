import { InlineKeyboard } from 'grammy'
import { LOCALES } from '../../domain/types.js'
import { pack, unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()
const privateChat = composer.chatType('private')

async function settingsView(ctx: BotContext) {
  const user = ctx.deps.users.get(ctx.from!.id)
  const notifications = user?.notifications ?? true
  const kb = new InlineKeyboard()
  for (const l of LOCALES) kb.text(ctx.t(`language-${l}`), pack({ a: 'lang', locale: l }))
  kb.row().text(ctx.t(notifications ? 'button-notify-off' : 'button-notify-on'), pack({ a: 'notify', on: !notifications }))
  const text = ctx.t('settings-text', { language: ctx.t(`language-${await ctx.i18n.getLocale()}`), notifications: ctx.t(notifications ? 'settings-on' : 'settings-off') })
  return { text, kb }
}

privateChat.command('settings', async (ctx) => {
  const { text, kb } = await settingsView(ctx)
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: kb })
})

privateChat.callbackQuery(/^[ln]:/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  if (action?.a === 'lang') {
    ctx.deps.users.setLanguage(ctx.from.id, action.locale)
    await ctx.i18n.renegotiateLocale()
  } else if (action?.a === 'notify') {
    ctx.deps.users.setNotifications(ctx.from.id, action.on)
  } else return ctx.answerCallbackQuery()
  await ctx.answerCallbackQuery({ text: ctx.t('settings-saved') })
  const { text, kb } = await settingsView(ctx)
  await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: kb }).catch(() => {})
})

/** /settings: language and notifications. */
export const settingsFeature = composer
