import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {type Browser, chromium, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root} from '../cli/spawn.js'
import {type Served, serve} from './serve.js'

const seed = readFileSync(path.join(root, 'seeds/000_3513509d732e560b.txt'), 'utf8')
const executablePath = '/usr/bin/chromium'

interface Report {
  messages: Array<{reason: string; fix?: {range: [number, number]; text: string}}>
  metrics: {words: number}
}

/** Waits until the page has answered the latest check (the results regions are no longer busy). */
async function checked(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.getElementById('status')?.textContent ?? ''
    return document.getElementById('findings')?.getAttribute('aria-busy') === 'false' && status.startsWith('Checked')
  })
}

describe.skipIf(!existsSync(executablePath))('the editor page in Chromium', () => {
  let server: Served
  let browser: Browser
  let page: Page
  const problems: string[] = []
  let report: Report | undefined

  beforeAll(async () => {
    server = await serve(['--quiet'])
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    })
    page = await browser.newPage({viewport: {width: 1400, height: 1000}})
    // The page must load nothing from anywhere but the service, and run without errors.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort('blockedbyclient')
    )
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) problems.push(`request to ${request.url()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      // The browser logs every 4xx answer; the bad-config test asks for one on purpose.
      if (message.type() === 'error' && !message.text().includes('status of 400')) problems.push(`console: ${message.text()}`)
    })
    await page.goto(`${server.url}/`)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('highlights the findings in a pasted article, with explanations and metrics', async () => {
    await page.getByLabel('Article text').fill(seed)
    await checked(page)
    expect(await page.locator('#status').textContent()).toMatch(/^Checked: .*warnings/)
    // Highlights sit on the words themselves.
    const fanatics = page.locator('#marked mark', {hasText: /^fanatics$/})
    expect(await fanatics.count()).toBeGreaterThan(0)
    expect(await page.locator('#marked').textContent()).toBe(seed)
    // Each finding reads: severity, rule, reason, note.
    const item = page.locator('#findings li', {hasText: 'Unexpected loaded wording'}).first()
    expect(await item.locator('.badge').textContent()).toBe('Warning')
    expect(await item.locator('.rule').textContent()).toBe('loaded-wording')
    expect(await item.locator('.reason').textContent()).toMatch(/Unexpected loaded wording fanatics, use militant/)
    // Metrics as the service computed them.
    const response = await fetch(`${server.url}/v1/lint`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({text: seed, format: 'txt'})
    })
    report = (await response.json()) as Report
    expect(await page.locator('#findings li[data-index]').count()).toBe(report.messages.length)
    expect(
      await page
        .locator('#metrics dt', {hasText: /^Words$/})
        .locator('xpath=following-sibling::dd[1]')
        .textContent()
    ).toBe(String(report.metrics.words))
  })

  it('clicking a highlight brings up its finding', async () => {
    await page
      .locator('#marked mark', {hasText: /^fanatics$/})
      .first()
      .click()
    const focused = await page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')
    expect(focused).toContain('loaded wording')
  })

  it('applies a one-click fix and re-lints the changed text', async () => {
    // The fix removes what the rule cuts: the block, with any furniture right beside it.
    const remove = page.locator('#findings li', {hasText: 'Share this article'}).getByRole('button', {name: /^Remove “/})
    expect(await remove.count()).toBe(1)
    // Keyboard, as an editor going down the list would.
    await remove.focus()
    await page.keyboard.press('Enter')
    await checked(page)
    const text = await page.getByLabel('Article text').inputValue()
    expect(text).not.toContain('Share this article')
    const fix = report?.messages.find((message) => message.reason.includes('`Share this article`'))?.fix
    expect(fix).toBeDefined()
    expect(text).toBe(seed.slice(0, fix?.range[0]) + fix?.text + seed.slice(fix?.range[1]))
    expect(await page.locator('#findings li', {hasText: 'Share this article'}).count()).toBe(0)
    expect(await page.locator('#marked').textContent()).toBe(text)
  })

  it('replaces a word with a suggested alternative, and undoes it', async () => {
    const before = await page.getByLabel('Article text').inputValue()
    await page.getByRole('button', {name: 'Use “militant”'}).first().click()
    await checked(page)
    const after = await page.getByLabel('Article text').inputValue()
    expect(after).toBe(before.replace('fanatics', 'militant'))
    await page.getByRole('button', {name: 'Undo'}).click()
    await checked(page)
    expect(await page.getByLabel('Article text').inputValue()).toBe(before)
  })

  it('applies every safe fix at once', async () => {
    await page.getByRole('button', {name: 'Apply all safe fixes'}).click()
    await checked(page)
    const text = await page.getByLabel('Article text').inputValue()
    expect(text).not.toContain('Source: Read Full Article')
    expect(await page.locator('#findings button.fix', {hasText: /^Remove/}).count()).toBe(0)
  })

  it('checks on Ctrl+Enter and shows markup in the article as text', async () => {
    await page.getByLabel('Check as I type').uncheck()
    const hostile =
      'Headline\n\n<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> The fanatics, it is claimed, won.\n'
    const box = page.getByLabel('Article text')
    await box.fill(hostile)
    await box.press('Control+Enter')
    await checked(page)
    expect(await page.locator('#marked').textContent()).toBe(hostile)
    expect(await page.locator('#marked img, #marked script').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined()
  })

  it('shows a bad config with its key path and checks nothing', async () => {
    await page.locator('#settings summary').click()
    await page.getByLabel('Config JSON').fill('{"rules": {"readability": ["warning", {"targetGrade": "nine"}]}}')
    await page.getByRole('button', {name: 'Check article'}).click()
    await page.waitForFunction(() => document.getElementById('status')?.classList.contains('failed') === true)
    expect(await page.locator('#status').textContent()).toContain('config.rules.readability[1].targetGrade')
    await page.getByLabel('Config JSON').fill('')
    await page.getByRole('button', {name: 'Check article'}).click()
    await checked(page)
  })

  it('loaded nothing from elsewhere and logged no errors', () => {
    expect(problems).toEqual([])
  })
})
