/// <reference lib="dom.iterable" />
// The editor page: sends the article to POST /v1/lint and shows the report. The article is
// untrusted text: it only ever reaches the page as text nodes and attribute values, never markup.
import {
  applyEdit,
  countBySeverity,
  editsFor,
  formatMetric,
  type JsonMessage,
  type LintReport,
  lintRequest,
  metricRows,
  parseConfig,
  primaryFinding,
  type Severity,
  segments,
  severityLabels,
  severityOrder,
  spanOf,
  summary
} from './model.js'

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id)
  if (!found) throw new Error(`The page has no #${id}`)
  return found as T
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

const textBox = element<HTMLTextAreaElement>('text')
const formatBox = element<HTMLSelectElement>('format')
const configBox = element<HTMLTextAreaElement>('config')
const configError = element<HTMLParagraphElement>('config-error')
const autoBox = element<HTMLInputElement>('auto')
const form = element<HTMLFormElement>('lint-form')
const fixAllButton = element<HTMLButtonElement>('fix-all')
const undoButton = element<HTMLButtonElement>('undo')
const status = element<HTMLParagraphElement>('status')
const marked = element<HTMLDivElement>('marked')
const list = element<HTMLOListElement>('findings')
const count = element<HTMLSpanElement>('count')
const metrics = element<HTMLDListElement>('metrics')
const filters = element<HTMLFieldSetElement>('filters')

interface Shown {
  /** The text exactly as it was linted: every offset in `report` refers to it. */
  readonly text: string
  readonly format: string
  readonly report: LintReport
}

let shown: Shown | undefined
let pending: AbortController | undefined
let timer: ReturnType<typeof setTimeout> | undefined
const history: string[] = []
const hidden = new Set<Severity>()

function setStatus(message: string, failed = false): void {
  status.textContent = message
  status.classList.toggle('failed', failed)
}

/** Tells assistive technology (and tests) that the results are being replaced. */
function setBusy(busy: boolean): void {
  for (const region of [list, marked]) region.setAttribute('aria-busy', String(busy))
}

/** Results stay on screen while the text changes, but dimmed, and their edits are off until re-checked. */
function upToDate(): boolean {
  return shown !== undefined && shown.text === textBox.value && shown.format === formatBox.value
}

function markStale(): void {
  const stale = !upToDate()
  marked.classList.toggle('stale', stale && shown !== undefined)
  list.classList.toggle('stale', stale && shown !== undefined)
  for (const button of list.querySelectorAll<HTMLButtonElement>('button.edit')) button.disabled = stale
  fixAllButton.disabled = stale || !shown?.report.messages.some((message) => message.fix)
}

async function post(body: Record<string, unknown>, signal: AbortSignal): Promise<LintReport> {
  const response = await fetch('/v1/lint', {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(body),
    signal
  })
  const answer = (await response.json().catch(() => ({}))) as {message?: string}
  if (!response.ok) throw new Error(answer.message ?? `The server answered ${response.status}`)
  return answer as LintReport
}

function readConfig(): {ok: true; config: unknown} | {ok: false} {
  const parsed = parseConfig(configBox.value)
  configError.hidden = parsed.ok
  configError.textContent = parsed.ok ? '' : parsed.message
  if (!parsed.ok) {
    element<HTMLDetailsElement>('settings').open = true
    setStatus('Not checked: the config has a mistake.', true)
  }
  return parsed
}

/** Lints the text as it is now; a newer check cancels an older one still on its way. */
async function check(): Promise<void> {
  clearTimeout(timer)
  const config = readConfig()
  if (!config.ok) return
  const text = textBox.value
  const format = formatBox.value
  pending?.abort()
  const controller = new AbortController()
  pending = controller
  setStatus('Checking…')
  setBusy(true)
  try {
    const report = await post(lintRequest(text, format, config.config), controller.signal)
    if (controller.signal.aborted) return
    shown = {text, format, report}
    render()
    setStatus(`Checked: ${summary(report.messages)}.`)
  } catch (error) {
    if (controller.signal.aborted) return
    setStatus(`Not checked: ${(error as Error).message}`, true)
  } finally {
    if (pending === controller) {
      pending = undefined
      setBusy(false)
    }
  }
}

function schedule(): void {
  markStale()
  clearTimeout(timer)
  if (autoBox.checked && textBox.value.trim() !== '') timer = setTimeout(() => void check(), 600)
}

/** Puts a new text in the box (after a fix), remembers the old one for Undo, and re-checks. */
function replaceText(next: string, focusIndex?: number): void {
  history.push(textBox.value)
  undoButton.disabled = false
  textBox.value = next
  focusAfter = focusIndex
  void check()
}

let focusAfter: number | undefined

/** Reason and note text with `code` spans for the backticked terms, built as text nodes. */
function richText(parent: HTMLElement, value: string): void {
  value.split('`').forEach((part, index) => {
    if (part === '') return
    parent.append(index % 2 === 1 ? make('code', undefined, part) : document.createTextNode(part))
  })
}

function visible(message: JsonMessage): boolean {
  return !hidden.has(message.severity)
}

function select(index: number, scroll: 'text' | 'list' | 'none'): void {
  for (const node of marked.querySelectorAll('mark.current')) node.classList.remove('current')
  for (const node of list.querySelectorAll('li.current')) node.classList.remove('current')
  const item = list.querySelector<HTMLLIElement>(`li[data-index="${index}"]`)
  item?.classList.add('current')
  const marks = marked.querySelectorAll<HTMLElement>(`mark[data-findings~="${index}"]`)
  for (const node of marks) node.classList.add('current')
  if (scroll === 'text') marks[0]?.scrollIntoView({block: 'center', behavior: 'smooth'})
  if (scroll === 'list' && item) {
    item.scrollIntoView({block: 'nearest'})
    item.focus()
  }
}

function renderMarked(text: string, messages: readonly JsonMessage[]): void {
  marked.replaceChildren()
  if (text === '') {
    marked.append(make('p', 'empty', 'Nothing to check yet.'))
    return
  }
  const fragment = document.createDocumentFragment()
  for (const segment of segments(text.length, messages)) {
    const piece = text.slice(segment.start, segment.end)
    const findings = segment.findings.filter((index) => {
      const message = messages[index]
      return message !== undefined && visible(message)
    })
    const primary = primaryFinding(findings, messages, text.length)
    const message = primary === undefined ? undefined : messages[primary]
    if (primary === undefined || !message) {
      fragment.append(document.createTextNode(piece))
      continue
    }
    const span = spanOf(message, text.length)
    const mark = make('mark', message.severity, piece)
    // A whole hard sentence is drawn lightly, so the words inside it still stand out.
    if (span && span[1] - span[0] > 80) mark.classList.add('wide')
    mark.dataset.findings = findings.join(' ')
    mark.dataset.primary = String(primary)
    mark.title = findings
      .map((index) => {
        const found = messages[index]
        return found ? `${severityLabels[found.severity]}: ${found.reason}` : ''
      })
      .join('\n')
    fragment.append(mark)
  }
  marked.append(fragment)
}

function renderFindings(text: string, messages: readonly JsonMessage[], stale: boolean): void {
  list.replaceChildren()
  const order = messages.map((message, index) => ({message, index})).filter(({message}) => visible(message))
  if (order.length === 0) {
    list.append(
      make(
        'li',
        'empty',
        messages.length === 0 ? 'No findings: nothing to fix.' : 'All findings are hidden by the filters above.'
      )
    )
  }
  for (const {message, index} of order) {
    const item = make('li')
    item.dataset.index = String(index)
    item.tabIndex = -1
    const head = make('div', 'finding-head')
    head.append(make('span', `badge ${message.severity}`, severityLabels[message.severity]))
    if (message.ruleId) {
      const rule = make('span', 'rule', message.ruleId)
      head.append(rule)
    }
    if (message.line !== null) head.append(make('span', 'where', `line ${message.line}, column ${message.column ?? 1}`))
    item.append(head)
    const reason = make('p', 'reason')
    richText(reason, message.reason)
    item.append(reason)
    if (message.note) {
      const note = make('p', 'note')
      richText(note, message.note)
      item.append(note)
    }
    const actions = make('div', 'actions')
    if (spanOf(message, text.length)) {
      const show = make('button', 'show', 'Show in text')
      show.type = 'button'
      show.addEventListener('click', () => select(index, 'text'))
      actions.append(show)
    }
    for (const edit of editsFor(message, text)) {
      const button = make('button', 'edit fix', edit.label)
      button.type = 'button'
      button.disabled = stale
      button.addEventListener('click', () => {
        if (!upToDate() || !shown) return
        replaceText(applyEdit(shown.text, edit), index)
      })
      actions.append(button)
    }
    if (message.url) {
      const link = make('a', 'docs', 'About this rule')
      link.href = message.url
      link.rel = 'noreferrer noopener'
      link.target = '_blank'
      actions.append(link)
    }
    item.append(actions)
    list.append(item)
  }
}

function renderMetrics(report: LintReport): void {
  metrics.replaceChildren()
  for (const row of metricRows) {
    const term = make('dt', undefined, row.label)
    term.title = row.hint
    metrics.append(term, make('dd', undefined, formatMetric(report.metrics[row.key], row.digits)))
  }
}

function render(): void {
  if (!shown) return
  const {text, report} = shown
  const counts = countBySeverity(report.messages)
  count.textContent = `(${report.messages.length})`
  for (const severity of severityOrder) {
    const label = filters.querySelector(`[data-count="${severity}"]`)
    if (label) label.textContent = String(counts[severity])
  }
  renderMarked(text, report.messages)
  renderFindings(text, report.messages, !upToDate())
  renderMetrics(report)
  markStale()
  // After a fix, carry on where the editor was: the finding now at that place in the list.
  if (focusAfter !== undefined) {
    const items = [...list.querySelectorAll<HTMLLIElement>('li[data-index]')]
    const next = items.find((item) => Number(item.dataset.index) >= (focusAfter ?? 0)) ?? items[items.length - 1]
    focusAfter = undefined
    if (next) select(Number(next.dataset.index), 'list')
    else element<HTMLHeadingElement>('findings-heading').focus()
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  void check()
})

textBox.addEventListener('input', schedule)
formatBox.addEventListener('change', () => void check())
configBox.addEventListener('change', () => {
  if (textBox.value !== '') void check()
})
textBox.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault()
    void check()
  }
})

marked.addEventListener('click', (event) => {
  const target = event.target
  if (!(target instanceof HTMLElement)) return
  const mark = target.closest('mark')
  if (mark?.dataset.primary) select(Number(mark.dataset.primary), 'list')
})

filters.addEventListener('change', (event) => {
  const box = event.target
  if (!(box instanceof HTMLInputElement)) return
  const severity = box.dataset.severity as Severity | undefined
  if (!severity) return
  if (box.checked) hidden.delete(severity)
  else hidden.add(severity)
  render()
})

fixAllButton.addEventListener('click', async () => {
  if (!upToDate() || !shown) return
  const config = readConfig()
  if (!config.ok) return
  const controller = new AbortController()
  setStatus('Applying safe fixes…')
  try {
    const report = await post(lintRequest(shown.text, shown.format, config.config, true), controller.signal)
    if (report.fixed === undefined) setStatus('No safe fixes to apply.')
    else replaceText(report.fixed)
  } catch (error) {
    setStatus(`Fixes not applied: ${(error as Error).message}`, true)
  }
})

undoButton.addEventListener('click', () => {
  const previous = history.pop()
  if (previous === undefined) return
  textBox.value = previous
  undoButton.disabled = history.length === 0
  void check()
})
