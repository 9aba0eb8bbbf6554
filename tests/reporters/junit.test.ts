import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine/lint.js'
import {formatJunit} from '../../src/reporters/junit.js'
import {copydesk} from '../cli/spawn.js'
import {folder} from '../folder.js'
import {only} from '../helpers.js'

const config = only({'loaded-wording': 'error', 'unattributed-claim': 'warning'})

/** The `<testsuite>` elements, each with its attributes and its test cases' XML. */
function suites(xml: string) {
  return [...xml.matchAll(/<testsuite ([^>]*?)\/?>(?:([\s\S]*?)<\/testsuite>)?/g)].map((match) => ({
    attributes: Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]])),
    cases: [...(match[2] ?? '').matchAll(/<testcase [\s\S]*?(?:\/>|<\/testcase>)/g)].map((found) => found[0])
  }))
}

describe('--format junit', () => {
  it('is a suite per file, a failing test case per finding, and one passing case for a clean file', () => {
    const dirty = lintText({text: 'The fanatics, it is claimed, failed.\n', path: 'desk/a.txt', config})
    const clean = lintText({text: 'The council met on Tuesday.\n', path: 'desk/b.txt', config})
    const xml = formatJunit([dirty, clean])
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="copydesk" tests="3" failures="2" errors="0"/
    )
    const [first, second] = suites(xml)
    expect(first?.attributes).toMatchObject({name: 'desk/a.txt', tests: '2', failures: '2'})
    expect(first?.cases).toHaveLength(2)
    expect(first?.cases[0]).toContain('name="loaded-wording 1:5"')
    expect(first?.cases[0]).toContain('<failure message="Unexpected loaded wording `fanatics`')
    expect(first?.cases[0]).toContain('type="error"')
    expect(first?.cases[0]).toContain('desk/a.txt:1:5: error:')
    expect(first?.cases[1]).toContain('type="warning"')
    expect(second?.attributes).toMatchObject({name: 'desk/b.txt', tests: '1', failures: '0'})
    expect(second?.cases).toEqual(['<testcase classname="desk/b.txt" name="no problems" file="desk/b.txt"/>'])
  })

  it('escapes markup from paths and messages, and drops characters XML cannot hold', () => {
    const report = lintText({text: 'The fanatics failed.\n', path: 'a<b>&"c".txt', config})
    const message = report.messages[0]!
    message.reason = 'Use `<em>` & "quotes" ]]> here\u0001'
    const xml = formatJunit([{...report, messages: [message]}])
    // (`>` needs no escaping in XML attributes.)
    expect(xml).toContain('<testsuite name="a&lt;b>&amp;&quot;c&quot;.txt"')
    expect(xml).toContain('message="Use `&lt;em>` &amp; &quot;quotes&quot; ]]> here"')
    expect(xml).not.toContain('\u0001')
    // A CDATA section cannot hold `]]>`: it must be split, not end early.
    expect(xml).toContain(']]]]><![CDATA[>')
  })

  it('a file that could not be read is an error, not a failure', () => {
    const dir = folder({'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])})
    const run = copydesk(['--format', 'junit', 'binary.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    expect(run.stdout).toContain('errors="1"')
    expect(run.stdout).toMatch(/<error message="[^"]*binary file[^"]*" type="error">/)
  })
})
