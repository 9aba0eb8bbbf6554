import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {Ajv, CodeOptions, Format, ValidateFunction} from 'ajv'
import {patternFormat, patternProblem} from '../kit/patterns.js'
import {buildSchema} from './schema.js'

/**
 * The config schema's validator. `npm run build` compiles it to code once (Ajv's standalone code,
 * written by `./build-validator.ts` beside the built modules), because compiling it at run time
 * cost about 90 ms of every run that reads a config file: loading Ajv, checking the schema
 * against its meta-schema, and generating the same code every time. When there is no built
 * validator (the tests run from source) it is compiled here, with the same options and formats.
 */

/** The built validator's file name, beside this module in dist/. */
export const builtValidatorFile = 'config-validator.js'

/** Formats the schema uses. Phrases written `/…/flags` must compile (RE2 syntax); the message comes from `patternProblem`. */
export const configFormats: Readonly<Record<string, Format>> = {
  [patternFormat]: {type: 'string', validate: (text: string) => patternProblem(text) === undefined}
}

const require = createRequire(import.meta.url)

/**
 * The config schema compiled by Ajv (a CommonJS package, so loaded with `require`), with the
 * same options and formats at build time and at run time; `code` is the build's (standalone
 * source).
 */
export function compileSchema(code?: CodeOptions): {readonly ajv: Ajv; readonly validate: ValidateFunction} {
  const {Ajv} = require('ajv') as typeof import('ajv')
  const ajv = new Ajv({allErrors: true, strictTuples: false, ...(code === undefined ? {} : {code})})
  for (const [name, format] of Object.entries(configFormats)) ajv.addFormat(name, format)
  return {ajv, validate: ajv.compile(buildSchema())}
}

/** The validator built with the package, or else one compiled now. */
export function loadValidator(): ValidateFunction {
  const built = new URL(`./${builtValidatorFile}`, import.meta.url)
  if (!existsSync(fileURLToPath(built))) return compileSchema().validate
  // An ES module loaded with `require` (Node 20.19 and later), so that config loading stays synchronous.
  return (require(fileURLToPath(built)) as {default: ValidateFunction}).default
}
