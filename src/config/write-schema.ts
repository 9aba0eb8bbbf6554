// Writes lintrc.schema.json from the rules' metadata: `npm run generate`. A test checks it is current.
import {writeFileSync} from 'node:fs'
import {buildSchema} from './schema.js'

export function schemaText(): string {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../../../lintrc.schema.json', import.meta.url), schemaText())
}
