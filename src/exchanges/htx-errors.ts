/**
 * HTX error bodies. HTX answers one code, `api-signature-not-valid`, for a wrong access key, a
 * wrong secret, an IP outside the whitelist, a bad timestamp, a missing permission and an expired
 * key, and tells them apart only in `err-msg` (English, with the Chinese text in brackets). So
 * the reader classifies the message by the phrases HTX is known to send and returns a code of
 * our own, never the text:
 *
 *   "Signature not valid: Incorrect Access key [Access key错误]"        (ccxt htx.js comment; HuobiRDCenter issues)
 *   "Signature not valid: Incorrect IP address [IP地址错误]:1.2.3.4"    (HuobiRDCenter/huobi_Python#110)
 *   "Signature not valid: Verification failure [校验失败]"             (HuobiRDCenter/huobi_Java#71, #73)
 *   "Signature not valid: 无效的提交时间" / "Invalid submission time…"  (huobiapi/REST-API-demos#4; English text [3rd])
 *   "Signature not valid: API key has no permission [API Key没有权限]" (ccxt htx.js comment)
 *   an expired key: no message found in any source [unverified]: "expired"/"过期" is assumed
 *
 * The contract host says the same with `err_code` 403 and `err_msg`; v2 endpoints may answer
 * `{"code":1002|1003,"message":…}` (ccxt's comment: 1003 "invalid signature"). A message none of
 * the phrases match stays `api-signature-not-valid`, which the table maps to UNKNOWN.
 */
import type { CodeReader } from './ccxt-client.js'

/** Our codes for the causes hidden behind `api-signature-not-valid`. */
export const HTX_AUTH = {
  key: 'auth/access-key',
  ip: 'auth/ip',
  time: 'auth/timestamp',
  permission: 'auth/permission',
  expired: 'auth/expired',
  signature: 'auth/signature',
} as const

const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/incorrect access ?key|access ?key错误/i, HTX_AUTH.key],
  [/ip address|ip地址|\bip\b/i, HTX_AUTH.ip],
  [/submission time|提交时间|time format|timestamp/i, HTX_AUTH.time],
  [/no permission|没有权限|权限不足/i, HTX_AUTH.permission],
  [/expired|过期/i, HTX_AUTH.expired],
  [/verification failure|校验失败|signature mismatch/i, HTX_AUTH.signature],
]

const AUTH_CODES = new Set(['api-signature-not-valid', 'api-signature-check-failed', '403'])

/** Classifies an HTX message into one of {@link HTX_AUTH}, or undefined. */
export function classifyHtxMessage(message: string): string | undefined {
  for (const [re, code] of PHRASES) if (re.test(message)) return code
  return undefined
}

/** The {@link CodeReader} for every HTX host: v1 `err-code`, contract `err_code`, v2 `code`. */
export const readHtxCode: CodeReader = (body) => {
  const raw = body['err-code'] ?? body['err_code']
  const message = body['err-msg'] ?? body['err_msg'] ?? body['message'] ?? body['msg']
  const text = typeof message === 'string' ? message : ''
  if (typeof raw === 'string' || typeof raw === 'number') {
    const code = String(raw)
    return AUTH_CODES.has(code) ? (classifyHtxMessage(text) ?? code) : code
  }
  const v2 = body['code']
  if (typeof v2 === 'number' || (typeof v2 === 'string' && v2 !== '')) {
    const code = String(v2)
    if (code === '200') return undefined
    // 1002 "unauthorized" and 1003 "invalid signature" carry the same kinds of message.
    return code === '1002' || code === '1003' ? (classifyHtxMessage(text) ?? code) : code
  }
  return undefined
}
