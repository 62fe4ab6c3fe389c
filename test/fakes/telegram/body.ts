import type { IncomingMessage } from 'node:http'

/** A file part of a multipart upload, kept so tests can assert what the bot uploaded. */
export interface UploadedFile {
  field: string
  filename: string
  size: number
}

/** A request's parameters after decoding, whatever encoding grammY (or a person) used. */
export interface DecodedBody {
  params: Record<string, unknown>
  files: UploadedFile[]
}

/** Fields Telegram accepts as JSON-serialized strings in query and form encodings. */
const JSON_FIELDS = new Set([
  'reply_markup', 'entities', 'caption_entities', 'allowed_updates', 'commands', 'scope',
  'reply_parameters', 'link_preview_options', 'media',
])

function coerce(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key) && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value)
    } catch {
      return value
    }
  }
  return value
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * grammY writes its parts as `content-disposition:form-data;name="x"` (no spaces) and files
 * as `name="<random id>";filename=...`, so the header parsing is deliberately lenient.
 */
function parseMultipart(buf: Buffer, boundary: string): DecodedBody {
  const params: Record<string, unknown> = {}
  const files: UploadedFile[] = []
  const delimiter = Buffer.from(`--${boundary}`)
  let pos = buf.indexOf(delimiter)
  while (pos >= 0) {
    const start = pos + delimiter.length
    if (buf.subarray(start, start + 2).toString() === '--') break
    const next = buf.indexOf(delimiter, start)
    if (next < 0) break
    let part = buf.subarray(start, next)
    if (part.subarray(0, 2).toString() === '\r\n') part = part.subarray(2)
    if (part.subarray(-2).toString() === '\r\n') part = part.subarray(0, -2)
    const split = part.indexOf('\r\n\r\n')
    if (split >= 0) {
      const head = part.subarray(0, split).toString()
      const body = part.subarray(split + 4)
      const name = /name="([^"]*)"/i.exec(head)?.[1]
      const filename = /filename="?([^";\r\n]*)"?/i.exec(head)?.[1]
      if (name !== undefined && filename !== undefined) files.push({ field: name, filename, size: body.length })
      else if (name !== undefined) params[name] = coerce(name, body.toString('utf8'))
    }
    pos = next
  }
  return { params, files }
}

/** Decodes query string plus JSON, urlencoded or multipart body into one parameter object. */
export async function decodeBody(req: IncomingMessage, query: URLSearchParams): Promise<DecodedBody> {
  const params: Record<string, unknown> = {}
  for (const [k, v] of query) params[k] = coerce(k, v)
  const buf = await readAll(req)
  const type = req.headers['content-type'] ?? ''
  if (buf.length === 0) return { params, files: [] }
  if (type.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(buf.toString('utf8'))
    if (parsed && typeof parsed === 'object') Object.assign(params, parsed)
    return { params, files: [] }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(buf.toString('utf8'))) params[k] = coerce(k, v)
    return { params, files: [] }
  }
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2]
  if (type.startsWith('multipart/form-data') && boundary) {
    const decoded = parseMultipart(buf, boundary)
    return { params: { ...params, ...decoded.params }, files: decoded.files }
  }
  return { params, files: [] }
}
