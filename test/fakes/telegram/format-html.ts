import type { MessageEntity } from 'grammy/types'

/** Result of parsing a formatted text: what the user sees, plus the entities Telegram derived. */
export interface FormattedText {
  text: string
  entities: MessageEntity[]
}

/** Raised with tdlib's wording; the caller prefixes "Bad Request: can't parse entities: ". */
export class EntityParseError extends Error {}

const TAGS: Record<string, MessageEntity['type'] | null> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler',
  span: 'spoiler', code: 'code', pre: 'pre', blockquote: 'blockquote', a: 'text_link', 'tg-emoji': null,
}
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }

const byteOffset = (s: string, i: number): number => Buffer.byteLength(s.slice(0, i), 'utf8')
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r'
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9-]/.test(c)

/** Decodes one `&...;` at `i` like tdlib (semicolon optional, unknown names kept verbatim). */
function decodeEntity(s: string, i: number): { value: string, next: number } | undefined {
  const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?/.exec(s.slice(i, i + 12))
  if (!m || m[1] === undefined) return undefined
  const body = m[1]
  let value: string | undefined
  if (body.startsWith('#x')) value = String.fromCodePoint(Math.min(parseInt(body.slice(2), 16), 0x10FFFF))
  else if (body.startsWith('#')) value = String.fromCodePoint(Math.min(parseInt(body.slice(1), 10), 0x10FFFF))
  else value = NAMED[body]
  return value === undefined ? undefined : { value, next: i + m[0].length }
}

interface Open { tag: string, begin: number, offset: number, href?: string }

/**
 * A port of the checks in tdlib's `parse_html` (the Bot API's parser), with its error texts, so
 * a reply that would break in production breaks here too: unknown tags, unclosed or mismatched
 * tags, bad attributes. Attribute semantics are simplified (only `href` is kept).
 */
export function parseHtml(src: string): FormattedText {
  let out = ''
  const entities: MessageEntity[] = []
  const stack: Open[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (c === '&') {
      const decoded = decodeEntity(src, i)
      if (decoded) {
        out += decoded.value
        i = decoded.next
      } else {
        out += c
        i++
      }
      continue
    }
    if (c !== '<') {
      out += c
      i++
      continue
    }
    const begin = i
    i++
    if (src[i] !== '/') {
      let name = ''
      while (isNameChar(src[i])) name += src[i++]
      if (i >= src.length) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`)
      name = name.toLowerCase()
      if (!(name in TAGS)) throw new EntityParseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(src, begin)}`)
      const attrs: Record<string, string> = {}
      while (src[i] !== '>') {
        while (isSpace(src[i])) i++
        if (src[i] === '>') break
        if (i >= src.length) throw new EntityParseError(`Unclosed start tag "${name}" at byte offset ${byteOffset(src, begin)}`)
        let attr = ''
        while (i < src.length && !isSpace(src[i]) && src[i] !== '=' && src[i] !== '>') attr += src[i++]
        if (attr === '') throw new EntityParseError(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(src, begin)}`)
        while (isSpace(src[i])) i++
        if (i >= src.length) throw new EntityParseError(`Unclosed start tag "${name}" at byte offset ${byteOffset(src, begin)}`)
        if (src[i] !== '=') {
          attrs[attr.toLowerCase()] = ''
          continue
        }
        i++
        while (isSpace(src[i])) i++
        if (i >= src.length) throw new EntityParseError(`Unclosed start tag "${name}" at byte offset ${byteOffset(src, begin)}`)
        let value = ''
        const quote = src[i]
        if (quote === '"' || quote === '\'') {
          const end = src.indexOf(quote, i + 1)
          if (end < 0) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`)
          value = src.slice(i + 1, end)
          i = end + 1
        } else {
          const start = i
          while (i < src.length && /[A-Za-z0-9.\-]/.test(src[i] ?? '')) value += src[i++]
          if (src[i] !== '>' && !isSpace(src[i])) throw new EntityParseError(`Unexpected end of name token at byte offset ${byteOffset(src, start)}`)
        }
        attrs[attr.toLowerCase()] = value
      }
      i++
      const open: Open = { tag: name, begin, offset: out.length }
      if (attrs.href !== undefined) open.href = attrs.href
      stack.push(open)
      continue
    }
    const top = stack.pop()
    if (!top) throw new EntityParseError(`Unexpected end tag at byte offset ${byteOffset(src, begin)}`)
    i++
    let name = ''
    while (isNameChar(src[i])) name += src[i++]
    while (isSpace(src[i])) i++
    if (src[i] !== '>') throw new EntityParseError(`Unclosed end tag at byte offset ${byteOffset(src, begin)}`)
    i++
    name = name.toLowerCase()
    if (name !== '' && name !== top.tag) {
      throw new EntityParseError(`Unmatched end tag at byte offset ${byteOffset(src, begin)}, expected "</${top.tag}>", found "</${name}>"`)
    }
    const type = TAGS[top.tag]
    const length = out.length - top.offset
    if (type && length > 0) {
      if (type === 'text_link') {
        if (top.href) entities.push({ type, offset: top.offset, length, url: top.href })
      } else {
        entities.push({ type, offset: top.offset, length } as MessageEntity)
      }
    }
  }
  const unclosed = stack.pop()
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`)
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length)
  return { text: out, entities }
}
