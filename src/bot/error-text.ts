import { AppError } from '../domain/errors.js'
import { escapeHtml } from './html.js'
import type { Translate } from './render/report.js'

/** A service failure as the bot reports it: code plus non-secret params, nothing else. */
export interface FlowError {
  code: AppError['code']
  params: Record<string, string | number>
}

/** Turns a thrown AppError into plain data a conversation may store; rethrows anything else. */
export function toFlowError(err: unknown): FlowError {
  if (err instanceof AppError) return { code: err.code, params: err.params }
  throw err
}

/** The user's sentence for an AppError code (locale key `error-<CODE>`), with its parameters translated. */
export function errorText(e: FlowError, t: Translate): string {
  const p: Record<string, string | number> = { ...e.params }
  // A connection name is the user's own text: escaped like every other echo (the texts are HTML).
  if (typeof p.name === 'string') p.name = escapeHtml(p.name)
  if (e.code === 'INVALID_FORMAT' && typeof p.field === 'string' && typeof p.problem === 'string') {
    return t('credential-problem', { field: t(`field-${p.field}`), reason: t(`format-${p.problem}`) })
  }
  if (e.code === 'NAME_INVALID' && typeof p.problem === 'string') return t(`name-${p.problem}`)
  return t(`error-${e.code}`, p)
}
