import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {Format, Options, ValidateFunction} from 'ajv'
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

/** Ajv's options for the config schema, at build time and at run time alike. */
export const validatorOptions: Options = {allErrors: true, strictTuples: false}

/** Formats the schema uses. Phrases written `/…/flags` must compile (RE2 syntax); the message comes from `patternProblem`. */
export const configFormats: Readonly<Record<string, Format>> = {
  [patternFormat]: {type: 'string', validate: (text: string) => patternProblem(text) === undefined}
}

const require = createRequire(import.meta.url)

/** The schema compiled now by Ajv (a CommonJS package, so loaded with `require`). */
export function compileValidator(): ValidateFunction {
  const {Ajv} = require('ajv') as typeof import('ajv')
  const ajv = new Ajv(validatorOptions)
  for (const [name, format] of Object.entries(configFormats)) ajv.addFormat(name, format)
  return ajv.compile(buildSchema())
}

/** The validator built with the package, or else one compiled now. */
export function loadValidator(): ValidateFunction {
  const built = new URL(`./${builtValidatorFile}`, import.meta.url)
  if (!existsSync(fileURLToPath(built))) return compileValidator()
  // An ES module loaded with `require` (Node 20.19 and later), so that config loading stays synchronous.
  return (require(fileURLToPath(built)) as {default: ValidateFunction}).default
}
