import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {copydesk} from '../cli/spawn.js'

// Golden reports of every seed, as a user sees them from `npx copydesk seeds/...` with the repo's .lintrc.json.
// Regenerate with UPDATE_GOLDEN=1 and read every line of the diff before committing it.
const seeds = readdirSync(new URL('../../seeds/', import.meta.url)).filter(
  (name) => /\.(txt|md|markdown|html?)$/.test(name) && name !== 'README.md'
)

function normalise(report: string): string {
  return `${report
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()}\n`
}

describe('golden seed reports', () => {
  it('every seed has a golden report', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3)
  })

  it.each(seeds)('%s', (seed) => {
    const golden = new URL(`./${seed}.stylish.txt`, import.meta.url)
    const actual = normalise(copydesk([`seeds/${seed}`]).stdout)
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, actual)
    expect(actual).toBe(readFileSync(golden, 'utf8'))
  })
})
