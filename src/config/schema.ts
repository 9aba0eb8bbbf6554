import type {JsonSchema} from '../kit/types.js'
import {severities} from '../kit/types.js'
import {rules} from '../registry.js'

export const schemaId = 'https://copydesk.dev/lintrc.schema.json'

/** The JSON schema of `.lintrc.json`, built from every rule's options schema (published as lintrc.schema.json). */
export function buildSchema(): JsonSchema {
  const severity = {type: 'string', enum: [...severities], description: 'off, info, warning or error'}
  const ruleProperties: Record<string, JsonSchema> = {}
  for (const rule of rules) {
    ruleProperties[rule.meta.id] = {
      description: rule.meta.description,
      anyOf: [severity, {type: 'array', minItems: 1, items: [severity, rule.meta.schema], additionalItems: false}]
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId,
    title: 'copydesk configuration (.lintrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: {type: 'string'},
      root: {type: 'boolean', description: 'Stop looking for .lintrc.json files in parent folders'},
      extends: {
        description: '"copydesk:recommended", "copydesk:strict" or a relative path to another config',
        anyOf: [{type: 'string'}, {type: 'array', items: {type: 'string'}}]
      },
      rules: {type: 'object', additionalProperties: false, properties: ruleProperties}
    }
  }
}
