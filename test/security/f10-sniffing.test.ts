import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BotContext } from '../../src/bot/context.js'
import { looksLikeCredential } from '../../src/bot/features/guards.js'
import { createExchangeRegistry } from '../../src/exchanges/registry.js'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { tr } from '../helpers/e2e-flows.js'

const adapters = createExchangeRegistry({ urls: {} }).listAdapters()
const ctx = { deps: { connections: { exchanges: () => adapters } } } as unknown as Pick<BotContext, 'deps'>
const sniff = (text: string) => looksLikeCredential(ctx, text)
/** A real Ed25519 / EC private key as Binance and Coinbase hand them out: a multi-line PEM block. */
const pem = (type: 'ed25519' | 'ec') =>
  type === 'ec'
    ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString()
    : generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

// Every test here was seen failing on 144ec40, the code the review examined (see the commit adding this line).
/**
 * Review F10: the credential sniffer missed the ways keys are really pasted (labels, key and
 * secret together, a key inside a sentence, a labelled passphrase), and in groups it never looked
 * at captions or edits. Now every word is checked (labels stripped), a labelled value counts, a
 * PEM private key is one credential, and groups check captions and edits too.
 */
describe('F10: credential sniffing catches pastes as people make them', () => {
  const m = fakeCredentials('mexc')
  const k = fakeCredentials('kucoin')

  it.each([
    ['a bare MEXC key', m.apiKey],
    ['key + secret on one line', `${m.apiKey} ${m.secret}`],
    ['key + secret on two lines', `${m.apiKey}\n${m.secret}`],
    ['copied from the exchange dialog', `Access Key: ${m.apiKey}\nSecret Key: ${m.secret}`],
    ['labels on their own lines', `API Key\n${k.apiKey}\nAPI Secret\n${k.secret}\nPassphrase\n${k.passphrase!}`],
    ['a key in a sentence', `hi, my key is ${m.apiKey}, can you check it?`],
    ['a labelled KuCoin passphrase', `Passphrase: ${k.passphrase!}`],
    ['a labelled passphrase in Portuguese', `Senha: ${k.passphrase!}`],
    ['a secret in Portuguese', `Chave secreta: ${m.secret}`],
    ['a JSON line', `{"apiKey": "${m.apiKey}", "secret": "${m.secret}"}`],
    ['an Ed25519 private key (Binance)', pem('ed25519')],
    ['an EC private key (Coinbase)', `Private key:\n${pem('ec')}`],
    ['a Coinbase key name', `organizations/${randomUUID()}/apiKeys/${randomUUID()}`],
    ['a PEM block flattened onto one line', pem('ed25519').replace(/\n/g, ' ')],
  ])('%s is a credential', (_, text) => {
    expect(sniff(text)).toBe(true)
  })

  it.each([
    ['a suggested name', 'MEXC spot 2'],
    ['a question', 'hello, how do I connect my binance?'],
    ['a label word in a sentence', 'password please, what is it for?'],
    ['a command with a name', '/status MEXC spot'],
    ['a long name without digits', 'MyMainKucoinAccountForSwing'],
    ['a name with letters and digits', 'KucoinFutures2024'],
  ])('%s is not', (_, text) => {
    expect(sniff(text)).toBe(false)
  })
})

describe('F10 through the real bot', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('private chat, no flow: a labelled key + secret paste and a key in a sentence are deleted', async () => {
    const user = e.tg.createUser({ id: 41_001, firstName: 'Paste', languageCode: 'en' })
    const c = fakeCredentials('mexc')
    const labelled = e.tg.sendText(user, `Access Key: ${c.apiKey}\nSecret Key: ${c.secret}`)
    expect((await e.next(user)).text).toBe(tr('en', 'stray-credential-deleted'))
    const sentence = e.tg.sendText(user, `is this right? ${c.secret}`)
    expect((await e.next(user)).text).toBe(tr('en', 'stray-credential-deleted'))
    for (const msg of [labelled, sentence]) expect(e.tg.isDeleted(user, msg.messageId)).toBe(true)
  })

  it('group: a key in a sentence, a caption, an edited text, an edited caption and a PEM key are deleted with a warning', async () => {
    const user = e.tg.createUser({ id: 41_002, firstName: 'Grupo', languageCode: 'pt-BR' })
    const group = e.tg.createGroup({ title: 'Traders BR' })
    const c = fakeCredentials('kucoin')
    let seen = e.tg.botMessages(group).length
    const warned = async () => {
      const w = await e.tg.waitFor(() => e.tg.botMessages(group)[seen])
      seen++
      return w.text
    }
    const sentence = e.tg.sendText(user, `pessoal, minha chave é ${c.apiKey} tá certo?`, { chat: group })
    expect(await warned()).toBe(tr('pt-BR', 'group-credential-deleted'))
    const caption = e.tg.sendPhoto(user, { chat: group, caption: `Secret: ${c.secret}` })
    expect(await warned()).toBe(tr('pt-BR', 'group-credential-deleted'))
    const text = e.tg.sendText(user, 'bom dia', { chat: group })
    e.tg.editUserMessage(user, text, c.secret)
    expect(await warned()).toBe(tr('pt-BR', 'group-credential-deleted'))
    const photo = e.tg.sendPhoto(user, { chat: group, caption: 'meu print' })
    e.tg.editUserCaption(user, photo, `Passphrase: ${c.passphrase!}`)
    expect(await warned()).toBe(tr('pt-BR', 'group-credential-deleted'))
    const key = e.tg.sendText(user, pem('ed25519'), { chat: group })
    expect(await warned()).toBe(tr('pt-BR', 'group-credential-deleted'))
    for (const msg of [sentence, caption, text, photo, key]) expect(e.tg.isDeleted(group, msg.messageId)).toBe(true)
    // Ordinary chat, an ordinary caption and an ordinary edit are left alone.
    e.tg.sendText(user, 'alguém usa KuCoin?', { chat: group })
    const plain = e.tg.sendPhoto(user, { chat: group, caption: 'gráfico de hoje' })
    e.tg.editUserCaption(user, plain, 'gráfico de ontem')
    e.tg.sendText(user, `agora sim: ${c.secret}`, { chat: group })
    expect(await warned()).toBe(tr('pt-BR', 'group-credential-deleted'))
    expect(e.tg.isDeleted(group, plain.messageId)).toBe(false)
  })
})
