import type { MessageEntity } from 'grammy/types'
import { EntityParseError, type FormattedText } from './format-html.js'

type Kind = 'Bold' | 'Italic' | 'Underline' | 'Strikethrough' | 'Spoiler' | 'Code' | 'Pre' | 'TextUrl' | 'CustomEmoji'
const ENTITY_TYPE: Record<Kind, MessageEntity['type'] | null> = {
  Bold: 'bold', Italic: 'italic', Underline: 'underline', Strikethrough: 'strikethrough', Spoiler: 'spoiler',
  Code: 'code', Pre: 'pre', TextUrl: 'text_link', CustomEmoji: null,
}
const RESERVED = '_*[]()~`>#+-=|{}.!'

interface Open { kind: Kind, begin: number, offset: number }

const byteOffset = (s: string, i: number): number => Buffer.byteLength(s.slice(0, i), 'utf8')

function push(entities: MessageEntity[], kind: Kind, offset: number, end: number, url?: string): void {
  const type = ENTITY_TYPE[kind]
  if (!type || end <= offset) return
  if (type === 'text_link') {
    if (url) entities.push({ type, offset, length: end - offset, url })
  } else {
    entities.push({ type, offset, length: end - offset } as MessageEntity)
  }
}

function closes(kind: Kind, src: string, i: number): boolean {
  const c = src[i]
  switch (kind) {
    case 'Bold': return c === '*'
    case 'Italic': return c === '_' && src[i + 1] !== '_'
    case 'Underline': return c === '_' && src[i + 1] === '_'
    case 'Strikethrough': return c === '~'
    case 'Spoiler': return c === '|' && src[i + 1] === '|'
    case 'Code': return c === '`'
    case 'Pre': return src.startsWith('```', i)
    case 'TextUrl':
    case 'CustomEmoji': return c === ']'
  }
}

/**
 * The checks of tdlib's `parse_markdown_v2` with its error texts: every reserved character
 * outside an entity must be escaped, and every entity must be closed. Block quotes and custom
 * emoji are accepted but not modelled.
 */
export function parseMarkdownV2(src: string): FormattedText {
  let out = ''
  const entities: MessageEntity[] = []
  const stack: Open[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i] as string
    const next = src.charCodeAt(i + 1)
    if (c === '\\' && next > 0 && next <= 126) {
      out += src[i + 1]
      i += 2
      continue
    }
    const top = stack[stack.length - 1]
    const inCode = top?.kind === 'Code' || top?.kind === 'Pre'
    const reserved = inCode ? '`' : RESERVED
    if (!reserved.includes(c)) {
      out += c
      i++
      continue
    }
    if (top && closes(top.kind, src, i)) {
      stack.pop()
      if (top.kind === 'TextUrl' || top.kind === 'CustomEmoji') {
        let url = ''
        let j = i + 1
        if (src[j] === '(') {
          const urlBegin = j + 1
          j = urlBegin
          while (j < src.length && src[j] !== ')') {
            if (src[j] === '\\' && j + 1 < src.length) j++
            url += src[j]
            j++
          }
          if (j >= src.length) {
            throw new EntityParseError(`Can't find end of a${top.kind === 'CustomEmoji' ? ' custom emoji' : ''} URL at byte offset ${byteOffset(src, urlBegin)}`)
          }
          j++
        }
        push(entities, top.kind, top.offset, out.length, url)
        i = j
        continue
      }
      push(entities, top.kind, top.offset, out.length)
      i += top.kind === 'Pre' ? 3 : top.kind === 'Underline' || top.kind === 'Spoiler' ? 2 : 1
      continue
    }
    const begin = i
    let kind: Kind
    if (c === '>' && (i === 0 || src[i - 1] === '\n')) {
      i++
      continue
    }
    switch (c) {
      case '_':
        kind = src[i + 1] === '_' ? 'Underline' : 'Italic'
        i += kind === 'Underline' ? 2 : 1
        break
      case '*':
        kind = 'Bold'
        i++
        break
      case '~':
        kind = 'Strikethrough'
        i++
        break
      case '[':
        kind = 'TextUrl'
        i++
        break
      case '|':
        if (src[i + 1] !== '|') throw new EntityParseError(`Character '|' is reserved and must be escaped with the preceding '\\'`)
        kind = 'Spoiler'
        i += 2
        break
      case '!':
        if (src[i + 1] !== '[') throw new EntityParseError(`Character '!' is reserved and must be escaped with the preceding '\\'`)
        kind = 'CustomEmoji'
        i += 2
        break
      case '`':
        if (src.startsWith('```', i)) {
          kind = 'Pre'
          i += 3
          const newline = src.indexOf('\n', i)
          const lang = newline < 0 ? '' : src.slice(i, newline)
          if (newline >= 0 && /^[A-Za-z0-9_+-]*$/.test(lang)) i = newline + 1
        } else {
          kind = 'Code'
          i++
        }
        break
      default:
        throw new EntityParseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`)
    }
    stack.push({ kind, begin, offset: out.length })
  }
  const unclosed = stack.pop()
  if (unclosed) throw new EntityParseError(`Can't find end of ${unclosed.kind} entity at byte offset ${byteOffset(src, unclosed.begin)}`)
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length)
  return { text: out, entities }
}

const LEGACY: Record<string, MessageEntity['type']> = { '*': 'bold', '_': 'italic', '`': 'code', '[': 'text_link' }

/** tdlib's legacy `Markdown` mode: `*`, `_`, `` ` ``, ``` and `[text](url)`, no nesting. */
export function parseMarkdownLegacy(src: string): FormattedText {
  let out = ''
  const entities: MessageEntity[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i] as string
    if (c === '\\' && '_*`['.includes(src[i + 1] ?? ' ')) {
      out += src[i + 1]
      i += 2
      continue
    }
    const type = LEGACY[c]
    if (!type) {
      out += c
      i++
      continue
    }
    const begin = i
    const isPre = src.startsWith('```', i)
    const endMark = isPre ? '```' : c === '[' ? ']' : c
    const start = i + endMark.length
    const end = src.indexOf(endMark, start)
    if (end < 0) throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(src, begin)}`)
    const offset = out.length
    out += src.slice(start, end)
    i = end + endMark.length
    if (c === '[') {
      let url = ''
      if (src[i] === '(') {
        const close = src.indexOf(')', i)
        if (close >= 0) {
          url = src.slice(i + 1, close)
          i = close + 1
        }
      }
      if (url && out.length > offset) entities.push({ type: 'text_link', offset, length: out.length - offset, url })
    } else if (out.length > offset) {
      entities.push({ type: isPre ? 'pre' : type, offset, length: out.length - offset } as MessageEntity)
    }
  }
  return { text: out, entities }
}
