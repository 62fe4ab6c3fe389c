import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { ApiAnswer } from './platform.js'

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')

/**
 * Validates real answers against the OpenAPI 3.1 document the API serves (its schemas are JSON
 * Schema 2020-12, which ajv checks as they are). Returns one line per problem: an answer whose
 * status the document does not declare, or a body that does not match its schema.
 */
export function openApiProblems(doc: Record<string, unknown>, answers: readonly ApiAnswer[]): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
  addFormats(ajv)
  ajv.addSchema(doc, 'openapi.json')
  const paths = doc['paths'] as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>
  const problems: string[] = []
  for (const a of answers) {
    const where = `${a.method.toUpperCase()} ${a.template} → ${a.status}`
    const response = paths[a.template]?.[a.method]?.responses?.[String(a.status)]
    if (!response) {
      problems.push(`${where}: status not in the document`)
      continue
    }
    if (!response.content?.['application/json']?.schema) {
      if (typeof a.body !== 'string') problems.push(`${where}: JSON body but no schema`)
      continue
    }
    const validate = ajv.compile({ $ref: `openapi.json#/${pointer('paths', a.template, a.method, 'responses', String(a.status), 'content', 'application/json', 'schema')}` })
    if (!validate(a.body)) problems.push(`${where}: ${ajv.errorsText(validate.errors)}`)
  }
  return problems
}
