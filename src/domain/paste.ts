/**
 * Reads a pasted message the way a trader pastes: surrounding spaces trimmed, labels copied from
 * the exchange dialog stripped, several values in one message (one line or several), and a
 * private key pasted as a multi-line PEM block kept whole. Two uses: spotting a credential in a
 * message that should not carry one (groups, the wrong step, command arguments), and splitting a
 * message into the fields an exchange asks for. Pure: no library, no I/O; exchange formats come
 * in as callbacks.
 */
import { INLINE_LABEL, LABEL_GROUPS, LABEL_HINT, LEADING_LABEL, LINE_LABEL, labelField } from './paste-labels.js'
import type { CredentialField } from './types.js'

/** One value found in a paste, with the field its label named, if any. */
export interface PasteToken {
  value: string
  label?: CredentialField
  /** The label was explicit (`Label: value` alone, or a label line above it), not merely leading words. */
  strong?: boolean
}

/** True when an exchange we support would take `token` as its API key or secret (adapters' format checks). */
export type FieldShape = (token: string) => boolean

/** Whitespace and invisible format characters (zero-width space, BOM, word joiner…) at either end. */
const EDGES = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu

/** A PEM private key (PKCS#8, EC, RSA, OpenSSH, encrypted), possibly cut short or flattened onto one line. */
const PEM = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?(?:-----END \1-----(?:\\n)*|$)/g
const PEM_START = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/

/** Coinbase CDP key names: `organizations/{uuid}/apiKeys/{uuid}`. */
const COINBASE_KEY_NAME = /^organizations\/[0-9a-f-]{36}\/apiKeys\/[0-9a-f-]{36}$/i
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Long runs of key-like characters (hex, base64, base64url). */
const RANDOM_RUN = /^[A-Za-z0-9_\-+/=]{24,}$/

/** Shortest value a label alone makes a credential ("Passphrase: abc" is not; "Password: hunter22" is). */
const LABELLED_MIN = 6
/** Telegram allows 4,096 characters; no credential is longer than this (PEM RSA keys are ~1,700-3,300). */
const TOKEN_MAX = 4096
const SHAPE_MIN = 16
const SHAPE_MAX = 256

/** The paste with spaces, newlines and invisible characters trimmed from both ends; inner ones are kept. */
export function trimPaste(text: string): string {
  return text.replace(EDGES, '')
}

/** True when the text holds a PEM private key block (even one cut short). */
export function hasPrivateKeyBlock(text: string): boolean {
  return PEM_START.test(text)
}

/** Quotes and a trailing comma around a labelled value (`"apiKey": "mx0…",` from a JSON file). */
function unwrap(value: string): string {
  const v = value.replace(/[,;}\]]+$/, '')
  const m = /^(["'])(.*)\1$/s.exec(v)
  return m ? m[2]! : v
}

/** A word that is only quotes or separators (left around a value copied out of JSON). */
const JUNK = /^["'`,;{}[\]]+$/
/** The inline-label regex without the global flag, for a plain yes/no. */
const HAS_INLINE_LABEL = new RegExp(INLINE_LABEL.source, 'iu')

const SENTINEL = (i: number) => `\u0000pem${i}\u0000`
const SENTINEL_RE = /^\u0000pem(\d+)\u0000$/

/**
 * Splits a paste into values: each PEM block is one value (inner newlines intact), every other
 * value is a run of non-space characters; a label names the value after it.
 */
export function tokenize(text: string): PasteToken[] {
  const blocks: string[] = []
  const body = text.replace(PEM, (block) => {
    blocks.push(block.replace(/[\s\p{Cf}]+$/u, ''))
    return ` ${SENTINEL(blocks.length - 1)} `
  })
  const restore = (v: string) => {
    const m = SENTINEL_RE.exec(v)
    return m ? blocks[Number(m[1])]! : v
  }
  const tokens: PasteToken[] = []
  let pending: CredentialField | undefined
  const push = (raw: string, label: CredentialField | undefined, strong: boolean) => {
    const value = restore(raw.replace(EDGES, ''))
    if (value === '') return
    if (pending !== undefined && label === undefined) {
      tokens.push({ value, label: pending, strong: true })
      pending = undefined
      return
    }
    pending = undefined
    tokens.push(label === undefined ? { value } : { value, label, strong })
  }
  for (const raw of body.split(/\r?\n|\r/)) {
    const line = raw.replace(/[ \t]+/g, ' ')
    if (line.trim() === '') continue
    const hinted = LABEL_HINT.test(line)
    const own = hinted ? LINE_LABEL.exec(line) : null
    if (own) {
      pending = labelField(own, 1)
      continue
    }
    const lead = hinted && pending === undefined ? LEADING_LABEL.exec(line) : null
    if (lead && !HAS_INLINE_LABEL.test(line)) {
      push(lead[LABEL_GROUPS + 1]!, labelField(lead, 1), false)
      continue
    }
    // Split the line at each "Label:"; the first value after a label is that field's.
    const cuts: Array<{ at: number; end: number; field: CredentialField | undefined }> = []
    INLINE_LABEL.lastIndex = 0
    for (let m = hinted ? INLINE_LABEL.exec(line) : null; m; m = INLINE_LABEL.exec(line)) {
      cuts.push({ at: m.index + m[1]!.length, end: m.index + m[0].length, field: labelField(m, 2) })
    }
    const segments: Array<{ text: string; field: CredentialField | undefined }> = [{ text: line.slice(0, cuts[0]?.at ?? line.length), field: undefined }]
    cuts.forEach((c, i) => segments.push({ text: line.slice(c.end, cuts[i + 1]?.at ?? line.length), field: c.field }))
    for (const seg of segments) {
      const words = seg.text.split(/\s+/).filter((w) => w.replace(EDGES, '') !== '' && !JUNK.test(w))
      if (seg.field !== undefined && words.length === 0) {
        pending = seg.field // "Secret Key:" at the end of a line: the value is on the next one
        continue
      }
      words.forEach((w, i) => push(i === 0 && seg.field !== undefined ? unwrap(w) : w, i === 0 ? seg.field : undefined, words.length === 1))
    }
  }
  return tokens
}

/** Punctuation a sentence puts around a word ("…my key is mx0abc." or "(mx0abc)"). */
const SENTENCE_PUNCT = /^[\s"'`([{<«“‘]+|[\s"'`)\]}>»”’.,;:!?]+$/gu

/** True when one value has the shape of a credential on some exchange (random-looking, or a PEM key). */
export function isCredentialShaped(token: string, fieldShape: FieldShape): boolean {
  if (token.length < SHAPE_MIN || token.length > TOKEN_MAX) return false
  if (hasPrivateKeyBlock(token)) return true
  const t = token.replace(SENTENCE_PUNCT, '')
  if (COINBASE_KEY_NAME.test(t) || UUID.test(t)) return true
  if (t.length < SHAPE_MIN || t.length > SHAPE_MAX) return false
  // Keys and secrets are random: letters AND digits. Words someone types as a name are not.
  if (!/\d/.test(t) || !/[A-Za-z]/.test(t)) return false
  // A short value an exchange's rule merely fits (Bybit: 16-24 letters and digits) counts only when
  // its digits are mixed into the letters, as in a random key; a name ends in a year ("KucoinFutures2024").
  return RANDOM_RUN.test(t) || (fieldShape(t) && letterDigitSwitches(t) >= 2)
}

// How many times the text switches between a letter and a digit.
function letterDigitSwitches(t: string): number {
  let switches = 0
  for (let i = 1; i < t.length; i++) if (/\d/.test(t[i]!) !== /\d/.test(t[i - 1]!)) switches++
  return switches
}

/**
 * True when any value in the text is a credential: a PEM block, a key-shaped word anywhere
 * (also inside a sentence or after a command), or any value given explicitly under a label.
 */
export function looksLikeCredential(text: string, fieldShape: FieldShape): boolean {
  if (hasPrivateKeyBlock(text)) return true
  return tokenize(text).some((t) => (t.strong === true && t.value.length >= LABELLED_MIN) || isCredentialShaped(t.value, fieldShape))
}

/** What a paste gave each field, and what is wrong with the values that could not be used. */
export interface PasteReading<P extends string> {
  values: Partial<Record<CredentialField, string>>
  problems: Array<{ field: CredentialField; problem: P }>
}

/** How to read a paste for one exchange at one step. */
export interface PasteContext<P extends string> {
  /** The exchange's fields, in the order it asks for them. */
  fields: readonly CredentialField[]
  /** The field the flow asked for; absent when nothing was asked (a key pasted early). */
  expected?: CredentialField
  /** The adapter's format check (null = fine); `others` lets it spot swapped fields. */
  validate: (field: CredentialField, value: string, others: Partial<Record<CredentialField, string>>) => P | null
  /** Values already held for this flow (for swapped-field checks). */
  known?: Partial<Record<CredentialField, string>>
  fieldShape: FieldShape
}

/**
 * Assigns the values of a paste to fields. One value: the labelled or asked field. Several: by
 * label, else in the exchange's order (from the first field when every field is there, else from
 * the asked one). A positional reading counts only when a key-shaped value fits its field;
 * otherwise the key-shaped values that fit some field are taken and the rest ignored (a key inside
 * a sentence). When nothing fits, the whole text is checked as the asked field, so its problem
 * (spaces inside, wrong length…) is the one reported.
 */
export function readPaste<P extends string>(text: string, ctx: PasteContext<P>): PasteReading<P> {
  const cleaned = trimPaste(text)
  const tokens = tokenize(cleaned).map((t) => (t.label !== undefined && !ctx.fields.includes(t.label) ? { value: t.value } : t))
  const known = { ...ctx.known }
  const one = (field: CredentialField, value: string): PasteReading<P> => {
    const problem = ctx.validate(field, value, known)
    return problem === null ? { values: { [field]: value }, problems: [] } : { values: {}, problems: [{ field, problem }] }
  }
  if (tokens.length <= 1) {
    const value = tokens[0]?.value ?? cleaned
    // Nothing asked (a key pasted early): a lone value is the key or the secret, never a free-form passphrase.
    const field = tokens[0]?.label ?? ctx.expected ?? ctx.fields.find((f) => f !== 'passphrase' && ctx.validate(f, value, known) === null)
    return field === undefined ? { values: {}, problems: [] } : one(field, value)
  }
  const labelled = tokens.some((t) => t.label !== undefined)
  if (!labelled && ctx.expected !== undefined && ctx.validate(ctx.expected, cleaned, known) === null) return { values: { [ctx.expected]: cleaned }, problems: [] }

  // Labels first, then unlabelled values in the exchange's order.
  const assigned = new Map<CredentialField, string>()
  for (const t of tokens) if (t.label !== undefined) assigned.set(t.label, t.value)
  const plain = tokens.filter((t) => t.label === undefined).map((t) => t.value)
  const free = ctx.fields.filter((f) => !assigned.has(f))
  const from = ctx.expected !== undefined && plain.length < free.length ? Math.max(0, free.indexOf(ctx.expected)) : 0
  const slots = free.slice(from)
  if (plain.length <= slots.length) plain.forEach((v, i) => assigned.set(slots[i]!, v))

  const reading: PasteReading<P> = { values: {}, problems: [] }
  let trusted = labelled
  for (const field of ctx.fields) {
    const value = assigned.get(field)
    if (value === undefined) continue
    const problem = ctx.validate(field, value, { ...known, ...reading.values })
    if (problem !== null) reading.problems.push({ field, problem })
    else {
      reading.values[field] = value
      if (field !== 'passphrase' && isCredentialShaped(value, ctx.fieldShape)) trusted = true
    }
  }
  if (trusted) return reading

  // Not a clean paste: take the key-shaped values that fit a field, in the asked field's favour.
  const found: Partial<Record<CredentialField, string>> = {}
  const used = new Set<number>()
  const order = ctx.expected !== undefined ? [ctx.expected, ...ctx.fields.filter((f) => f !== ctx.expected)] : [...ctx.fields]
  for (const field of order) {
    const i = plain.findIndex((v, j) => !used.has(j) && isCredentialShaped(v, ctx.fieldShape) && ctx.validate(field, v, { ...known, ...found }) === null)
    if (i >= 0) {
      used.add(i)
      found[field] = plain[i]!
    }
  }
  if (Object.keys(found).length > 0) return { values: found, problems: [] }
  return ctx.expected !== undefined ? one(ctx.expected, cleaned) : { values: {}, problems: [] }
}
