/**
 * The labels traders copy along with a credential, from the exchange's "API created" dialog or
 * their notes ("Access Key: mx0…", "Secret Key", "Passphrase: …", "Chave secreta: …"), in English
 * and Portuguese. Pure data and one regex builder, so the paste parser stays free of any library.
 */
import type { CredentialField } from './types.js'

/** Label words per field; a space stands for any run of spaces, `_` or `-` ("api_key", "API-Key"). */
const LABELS: Record<CredentialField, readonly string[]> = {
  apiKey: [
    'api key name', 'key name', 'api key', 'apikey', 'access key id', 'access key', 'api access key', 'public key', 'key', 'api',
    'chave de api', 'chave da api', 'chave api', 'chave de acesso', 'chave publica', 'chave pública', 'chave',
  ],
  secret: [
    'secret access key', 'secret key', 'api secret key', 'api secret', 'secret', 'private key', 'api private key',
    'chave secreta', 'chave privada', 'segredo', 'chave secreta da api',
  ],
  passphrase: [
    'api passphrase', 'passphrase', 'pass phrase', 'api password', 'password',
    'senha da api', 'senha de api', 'senha', 'frase secreta', 'frase senha', 'frase de acesso',
  ],
}

const SEP = String.raw`[\s_\-]*`
const phrase = (p: string) => p.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(SEP)

/** Every label phrase, longest first so "secret key" wins over "secret" and "key". */
const ALL = (Object.entries(LABELS) as Array<[CredentialField, readonly string[]]>)
  .flatMap(([field, words]) => words.map((w) => ({ field, source: phrase(w), length: w.length })))
  .sort((a, b) => b.length - a.length)

/** A cheap pre-check: a line without any of these words cannot hold a label (the full regexes are slow). */
export const LABEL_HINT = /key|secret|pass|senha|chave|segredo|frase|api|private|public|name/i

/** One capturing group per phrase, so the matching group's index names the field. */
const ALTERNATION = ALL.map((l) => `(${l.source})`).join('|')

/** Which field a matched label names (from the groups of a match of one of the regexes below). */
export function labelField(groups: ReadonlyArray<string | undefined>, offset: number): CredentialField | undefined {
  for (let i = 0; i < ALL.length; i++) if (groups[offset + i] !== undefined) return ALL[i]!.field
  return undefined
}

/** Number of capturing groups the label alternation adds to a regex. */
export const LABEL_GROUPS = ALL.length

/** `Label:` / `"label" =` anywhere in a line (start of line or after a space or `{ , ;`). Groups: 1 = lead, 2.. = label. */
export const INLINE_LABEL = new RegExp(String.raw`(^|[\s{,;])["']?(?:${ALTERNATION})["']?\s*[:=\uff1a]`, 'giu')

/** A line holding only a label ("Secret Key", "Passphrase:"): it names the value on the next line. */
export const LINE_LABEL = new RegExp(String.raw`^[\s\-*•·]*["']?(?:${ALTERNATION})["']?\s*[:=\uff1a]?\s*$`, 'iu')

/** A line starting with a label and a space, then one value ("API Key mx0…"). */
export const LEADING_LABEL = new RegExp(String.raw`^[\s\-*•·]*(?:${ALTERNATION})\s+(\S+)\s*$`, 'iu')
