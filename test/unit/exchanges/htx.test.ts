import { describe, expect, it } from 'vitest'
import { BadShapeError } from '../../../src/exchanges/diagnose.js'
import { HTX_AUTH, readHtxCode } from '../../../src/exchanges/htx-errors.js'
import { parseHtxKeyInfo } from '../../../src/exchanges/htx-permissions.js'

const v1 = (msg: string) => ({ status: 'error', 'err-code': 'api-signature-not-valid', 'err-msg': msg, data: null })

describe('readHtxCode: one HTX code, told apart by its message', () => {
  it('reads the causes HTX hides behind api-signature-not-valid, in the texts it is known to send', () => {
    expect(readHtxCode(v1('Signature not valid: Incorrect Access key [Access key错误]'))).toBe(HTX_AUTH.key)
    expect(readHtxCode(v1('Signature not valid: Incorrect IP address [IP地址错误]:104.128.67.45'))).toBe(HTX_AUTH.ip)
    expect(readHtxCode(v1('Signature not valid: Verification failure [校验失败]'))).toBe(HTX_AUTH.signature)
    expect(readHtxCode(v1('Signature not valid: 无效的提交时间'))).toBe(HTX_AUTH.time)
    expect(readHtxCode(v1('Signature not valid: API key has no permission [API Key没有权限]'))).toBe(HTX_AUTH.permission)
    expect(readHtxCode(v1('Signature not valid: ip地址错误'))).toBe(HTX_AUTH.ip)
  })

  it('keeps the bare code when the message is new, and never returns message text', () => {
    expect(readHtxCode(v1('Signature not valid: something nobody has seen'))).toBe('api-signature-not-valid')
    expect(readHtxCode({ status: 'error', 'err-code': 'base-request-exceed-frequency-limit', 'err-msg': 'Frequency of requests has exceeded the limit' })).toBe('base-request-exceed-frequency-limit')
  })

  it('reads the contract host (err_code 403, 1220) and v2 bodies (code), and nothing from a success', () => {
    expect(readHtxCode({ status: 'error', err_code: 403, err_msg: 'Incorrect Access key [Access key错误]', ts: 1 })).toBe(HTX_AUTH.key)
    expect(readHtxCode({ status: 'error', err_code: 1220, err_msg: 'not opened', ts: 1 })).toBe('1220')
    expect(readHtxCode({ code: 1003, message: 'invalid signature' })).toBe('1003')
    expect(readHtxCode({ code: 200, data: 123 })).toBeUndefined()
    expect(readHtxCode({ status: 'ok', data: 1 })).toBeUndefined()
  })
})

describe('parseHtxKeyInfo', () => {
  const entry = { accessKey: 'k-1', permission: 'readOnly,trade', ipAddresses: '203.0.113.7,198.51.100.9', validDays: 87, status: 'normal' }

  it('finds our key and reads its permissions, IPs, days left and status', () => {
    expect(parseHtxKeyInfo([{ ...entry, accessKey: 'other' }, entry], 'k-1')).toEqual({ read: true, trade: true, withdraw: false, unknownWords: [], ips: ['203.0.113.7', '198.51.100.9'], validDays: 87, expired: false })
  })

  it('flags withdraw, unknown words, a permanent key and an expired one', () => {
    expect(parseHtxKeyInfo([{ ...entry, permission: 'readOnly,trade,withdraw,margin', validDays: -1, status: 'expired' }], 'k-1')).toMatchObject({ withdraw: true, unknownWords: ['margin'], validDays: -1, expired: true })
  })

  it('returns null when our key is not listed, and leaves an unreadable validDays to the rule', () => {
    expect(parseHtxKeyInfo([{ ...entry, accessKey: 'other' }], 'k-1')).toBeNull()
    expect(parseHtxKeyInfo([{ ...entry, validDays: 'soon' }], 'k-1')?.validDays).toBeUndefined()
  })

  it('reads permission words whatever their case or spaces: " WITHDRAW " is withdrawal, and an odd word is kept as HTX wrote it', () => {
    expect(parseHtxKeyInfo([{ ...entry, permission: ' READONLY , Trade ,, WITHDRAW ', ipAddresses: '' }], 'k-1')).toMatchObject({ read: true, trade: true, withdraw: true, unknownWords: [], ips: [] })
    expect(parseHtxKeyInfo([{ ...entry, permission: 'readOnly, Margin ' }], 'k-1')).toMatchObject({ trade: false, withdraw: false, unknownWords: ['Margin'] })
  })

  it('reads IPs as a list too, trimmed, blanks dropped; no IP field is none', () => {
    expect(parseHtxKeyInfo([{ ...entry, ipAddresses: [' 203.0.113.7 ', ''] }], 'k-1')?.ips).toEqual(['203.0.113.7'])
    expect(parseHtxKeyInfo([{ ...entry, ipAddresses: ' 203.0.113.7 , ,198.51.100.9' }], 'k-1')?.ips).toEqual(['203.0.113.7', '198.51.100.9'])
    expect(parseHtxKeyInfo([{ ...entry, ipAddresses: null }], 'k-1')?.ips).toEqual([])
    expect(parseHtxKeyInfo([{ ...entry, ipAddresses: undefined }], 'k-1')?.ips).toEqual([])
  })

  it('reads days left sent as a string, and only whole days; an absent or null field is HTX not saying', () => {
    expect(parseHtxKeyInfo([{ ...entry, validDays: ' -1 ' }], 'k-1')?.validDays).toBe(-1)
    expect(parseHtxKeyInfo([{ ...entry, validDays: '30' }], 'k-1')?.validDays).toBe(30)
    expect(parseHtxKeyInfo([{ ...entry, validDays: 2.5 }], 'k-1')?.validDays).toBeUndefined()
    expect(parseHtxKeyInfo([{ ...entry, validDays: '2.5' }], 'k-1')?.validDays).toBeUndefined()
    expect(parseHtxKeyInfo([{ ...entry, validDays: '1e3' }], 'k-1')?.validDays).toBeUndefined()
    expect(parseHtxKeyInfo([{ ...entry, validDays: undefined }], 'k-1')?.validDays).toBeUndefined()
    expect(parseHtxKeyInfo([{ ...entry, validDays: null }], 'k-1')?.validDays).toBeUndefined()
  })

  it('an expired status in any case is expired; no status is not', () => {
    expect(parseHtxKeyInfo([{ ...entry, status: 'EXPIRED' }], 'k-1')?.expired).toBe(true)
    expect(parseHtxKeyInfo([{ ...entry, status: undefined }], 'k-1')?.expired).toBe(false)
  })

  it('skips list entries that are not objects, and names the part it could not read', () => {
    expect(parseHtxKeyInfo([null, 'k-1', entry], 'k-1')?.trade).toBe(true)
    expect(() => parseHtxKeyInfo('k-1', 'k-1')).toThrow(new BadShapeError('api-key data'))
    expect(() => parseHtxKeyInfo([{ ...entry, permission: null }], 'k-1')).toThrow(new BadShapeError('permission'))
    expect(() => parseHtxKeyInfo([{ ...entry, ipAddresses: true }], 'k-1')).toThrow(new BadShapeError('ipAddresses'))
  })

  it('refuses a body it cannot read', () => {
    expect(() => parseHtxKeyInfo({ accessKey: 'k-1' }, 'k-1')).toThrow(BadShapeError)
    expect(() => parseHtxKeyInfo([{ ...entry, permission: ['trade'] }], 'k-1')).toThrow(BadShapeError)
    expect(() => parseHtxKeyInfo([{ ...entry, ipAddresses: 7 }], 'k-1')).toThrow(BadShapeError)
  })
})
