import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium} from 'playwright-core'
import {describe, expect, it} from 'vitest'
import {type FileReport, lintText} from '../../src/engine/lint.js'
import {formatHtml} from '../../src/reporters/html.js'
import {only} from '../helpers.js'

const config = only({'loaded-wording': 'error', 'unattributed-claim': 'warning', 'simpler-wording': 'info'})
const hostile =
  'Headline <script>alert(1)</script>\n\nThe fanatics, it is claimed, <img src=x onerror=alert(2)> failed & "fled".\n'

function offsets(report: FileReport, index: number): [number, number] {
  const place = report.messages[index]?.place
  if (!place || !('start' in place)) throw new Error('finding without a range')
  return [place.start.offset ?? -1, place.end.offset ?? -1]
}

describe('--format html', () => {
  it('escapes everything taken from the article, the path and the messages', () => {
    const report = lintText({text: hostile, path: 'desk/"><script>alert(3)</script>.txt', config})
    report.messages[0]!.reason = 'Use <b>this</b> & "that"'
    const html = formatHtml([report])
    expect(html.match(/<script/g)).toHaveLength(1) // the page's own script, at the end
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>this')
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(html).toContain('Use &#60;b&#62;this&#60;/b&#62; &#38; &#34;that&#34;')
  })

  it('is self-contained: nothing to fetch', () => {
    const html = formatHtml([lintText({text: hostile, path: 'a.txt', config})])
    expect(html).not.toMatch(/<link|<script[^>]*src=|<img|<iframe|@import|url\(/i)
    expect(html.match(/href="([^"]*)"/g)?.every((href) => href.startsWith('href="#') || href.includes('/rules/'))).toBe(true)
  })

  it('shows the metrics and the messages of a file, and says when a file is clean', () => {
    const report = lintText({text: hostile, path: 'a.txt', config})
    const clean = lintText({text: 'The council met on Tuesday.\n', path: 'b.txt', config})
    const html = formatHtml([report, clean])
    expect(html).toContain(`<tr><th scope="row">Words</th><td>${report.metrics.words}</td>`)
    expect(html).toContain(`<tr><th scope="row">Flesch reading ease</th><td>${report.metrics.fleschReadingEase}</td>`)
    const expected = report.messages.find((message) => message.ruleId === 'loaded-wording')?.expected ?? []
    expect(expected.length).toBeGreaterThan(0)
    expect(html).toContain(`Try: ${expected.map((value) => `<q>${value}</q>`).join(', ')}`)
    expect(html).toContain('No problems found.')
    expect(html).toContain('<div>2 files: ')
  })
})

const browser = '/usr/bin/chromium'

// Needs Debian's chromium (.ci/run installs it); the checks above run without it.
describe.skipIf(!existsSync(browser))('--format html in a browser', () => {
  it('highlights exactly each finding’s text, overlaps included, and links marks and messages on hover', async () => {
    // A sentence over sentence-length's limit holds word findings: marks inside a mark.
    const long = Array.from({length: 45}, (_, index) => (index === 20 ? 'fanatics' : 'word')).join(' ')
    const text = `${hostile}\nIt is claimed that\nthe fanatics won.\n\n${long}.\n`
    const withLength = only({'loaded-wording': 'error', 'unattributed-claim': 'warning', 'sentence-length': 'info'})
    const report = lintText({text, path: 'a.txt', config: withLength})
    const clean = lintText({text: 'Nothing to see.\n', path: 'b.txt', config})
    const ids = report.messages.map((_, index) => `f0-${index}`)
    const overlapping = report.messages.some((_, index) => {
      const [start, end] = offsets(report, index)
      return report.messages.some(
        (_, other) => other !== index && offsets(report, other)[0] < end && offsets(report, other)[1] > start
      )
    })
    expect(overlapping).toBe(true)

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'copydesk-html-')), 'report.html')
    writeFileSync(file, formatHtml([report, clean]))
    const chromiumBrowser = await chromium.launch({
      executablePath: browser,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
    })
    try {
      const page = await chromiumBrowser.newPage()
      const requests: string[] = []
      const problems: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`)
        void dialog.dismiss()
      })
      await page.goto(pathToFileURL(file).href)

      // Each finding's marks, in order, spell out exactly the text it flags.
      const marked = await page.evaluate(
        (list) =>
          list.map((id) =>
            Array.from(document.querySelectorAll(`mark[data-f~="${id}"]`), (mark) => mark.textContent ?? '').join('')
          ),
        ids
      )
      expect(marked).toEqual(report.messages.map((_, index) => text.slice(...offsets(report, index))))
      // The text is shown whole, line by line, as written.
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll('#file-0 .tx'), (line) => line.textContent).join('\n')
      )
      expect(shown).toBe(text)

      await page.hover(`mark[data-f~="${ids[0]}"]`)
      expect(await page.getAttribute(`li[data-f="${ids[0]}"]`, 'class')).toContain('active')
      await page.uncheck('.filters input[value="info"]')
      expect(await page.isVisible('li.finding.sev-info')).toBe(false)
      expect(await page.isVisible('li.finding.sev-error')).toBe(true)

      expect(problems).toEqual([])
      expect(requests).toEqual([pathToFileURL(file).href])
    } finally {
      await chromiumBrowser.close()
    }
  })
})
