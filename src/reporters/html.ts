import type {VFileMessage} from 'vfile-message'
import type {FileReport} from '../engine/lint.js'
import {severityOf} from '../engine/severity.js'
import type {ActiveSeverity} from '../kit/types.js'
import type {Metrics} from '../metrics/index.js'
import {rangeOf, slashed, toolInfo} from './tool.js'

/**
 * One self-contained HTML page (inline CSS and script, nothing fetched) for CI artifacts and for
 * editors who will never read JSON: each file's text with its findings highlighted, the messages
 * beside it, and the document's readability metrics. Everything taken from the article or the
 * messages is escaped: the page must be safe to open whatever the article contains.
 */

const order: readonly ActiveSeverity[] = ['error', 'warning', 'info']

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

interface Finding {
  readonly id: string
  readonly message: VFileMessage
  readonly severity: ActiveSeverity
  /** Offsets into the file's text, when the finding can be shown in it. */
  readonly start?: number
  readonly end?: number
}

function findingsOf(report: FileReport, fileIndex: number): Finding[] {
  const length = report.text?.length ?? -1
  return report.messages.map((message, index) => {
    const range = rangeOf(message)
    const base = {id: `f${fileIndex}-${index}`, message, severity: severityOf(message)}
    const start = range?.start.offset
    const end = range?.end.offset
    if (start === undefined || end === undefined || end > length || start > end) return base
    return {...base, start, end}
  })
}

function describe(finding: Finding): string {
  const {message} = finding
  return `${finding.severity}: ${message.reason}${message.ruleId ? ` (${message.ruleId})` : ''}`
}

/** The text, line by line, with every finding's span wrapped in `<mark>`; overlapping spans are split. */
function renderText(text: string, findings: readonly Finding[]): string {
  const placed = findings.filter((finding) => finding.start !== undefined && finding.end !== undefined)
  const cuts = new Set<number>()
  for (const finding of placed) {
    cuts.add(finding.start ?? 0)
    cuts.add(finding.end ?? 0)
  }
  const startsAt = new Map<number, Finding[]>()
  for (const finding of placed) {
    const list = startsAt.get(finding.start ?? 0) ?? []
    list.push(finding)
    startsAt.set(finding.start ?? 0, list)
  }
  // The text is read once, front to back: each line takes the cuts on it from one sorted list,
  // and each piece the findings that cover it from those under way (a file with thousands of
  // findings took minutes when every line and piece looked through all of them).
  const sortedCuts = [...cuts].sort((a, b) => a - b)
  let nextCut = 0
  const covering = coverage(placed)
  const rows: string[] = []
  const anchored = new Set<string>()
  let lineStart = 0
  let lineNumber = 1
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const shownEnd = text[lineEnd - 1] === '\r' && lineEnd > lineStart ? lineEnd - 1 : lineEnd
    while (nextCut < sortedCuts.length && (sortedCuts[nextCut] ?? 0) <= lineStart) nextCut++
    const bounds = [lineStart]
    for (let index = nextCut; index < sortedCuts.length && (sortedCuts[index] ?? 0) < shownEnd; index++) {
      bounds.push(sortedCuts[index] ?? 0)
    }
    bounds.push(shownEnd)
    let html = ''
    const anchors = (position: number) => {
      for (const finding of startsAt.get(position) ?? []) {
        if (anchored.has(finding.id)) continue
        anchored.add(finding.id)
        // Empty spans have no text to mark: they show as a caret carrying the message.
        const empty = finding.start === finding.end
        html += empty
          ? `<span class="anchor caret sev-${finding.severity}" id="${finding.id}" data-f="${finding.id}" title="${escapeHtml(describe(finding))}"></span>`
          : `<span class="anchor" id="${finding.id}"></span>`
      }
    }
    for (let index = 0; index < bounds.length - 1; index++) {
      const from = bounds[index] ?? lineStart
      const to = bounds[index + 1] ?? shownEnd
      anchors(from)
      if (to <= from) continue
      const over = covering(from)
      const piece = escapeHtml(text.slice(from, to))
      if (over.length === 0) {
        html += piece
        continue
      }
      const top = order.find((severity) => over.some((finding) => finding.severity === severity)) ?? 'info'
      const has = order
        .filter((severity) => over.some((finding) => finding.severity === severity))
        .map((severity) => `has-${severity}`)
      html += `<mark class="sev-${top} ${has.join(' ')}" data-f="${over.map((finding) => finding.id).join(' ')}" title="${escapeHtml(
        over.map(describe).join('\n')
      )}">${piece}</mark>`
    }
    // Findings that start on the line break itself.
    for (let position = shownEnd; position <= lineEnd; position++) anchors(position)
    rows.push(`<div class="line"><span class="ln">${lineNumber}</span><span class="tx">${html}</span></div>`)
    if (lineEnd >= text.length) break
    lineStart = lineEnd + 1
    lineNumber++
  }
  return rows.join('\n')
}

/**
 * The findings (with a span) that cover the piece starting at `from`, in the order of the
 * report, for pieces asked for from the start of the text to its end. Every finding starts and
 * ends at a cut, so one that has started and not ended by `from` covers the whole piece.
 */
function coverage(placed: readonly Finding[]): (from: number) => Finding[] {
  const spans = placed
    .map((finding, order) => ({finding, order, start: finding.start ?? 0, end: finding.end ?? 0}))
    .filter((span) => span.start !== span.end)
    .sort((a, b) => a.start - b.start)
  let next = 0
  let open: typeof spans = []
  return (from) => {
    while (next < spans.length && (spans[next]?.start ?? 0) <= from) open.push(spans[next++] as (typeof spans)[number])
    open = open.filter((span) => span.end > from)
    return [...open].sort((a, b) => a.order - b.order).map((span) => span.finding)
  }
}

function renderFinding(finding: Finding): string {
  const {message} = finding
  const range = rangeOf(message)
  const where = range
    ? `${range.start.line}:${range.start.column}${
        range.end.line === range.start.line ? `-${range.end.column}` : `-${range.end.line}:${range.end.column}`
      }`
    : ''
  const position =
    finding.start === undefined
      ? `<span class="pos">${escapeHtml(where)}</span>`
      : `<a class="pos" href="#${finding.id}">${escapeHtml(where)}</a>`
  const parts = [
    position,
    `<span class="sev">${finding.severity}</span>`,
    `<span class="reason">${escapeHtml(message.reason)}</span>`
  ]
  if (message.expected && message.expected.length > 0) {
    parts.push(`<span class="expected">Try: ${message.expected.map((value) => `<q>${escapeHtml(value)}</q>`).join(', ')}</span>`)
  }
  if (message.note) parts.push(`<span class="note">${escapeHtml(message.note)}</span>`)
  if (message.ruleId) {
    const rule = escapeHtml(message.ruleId)
    parts.push(
      message.url ? `<a class="rule" href="${escapeHtml(message.url)}">${rule}</a>` : `<span class="rule">${rule}</span>`
    )
  }
  return `<li class="finding sev-${finding.severity}" data-f="${finding.id}">${parts.join(' ')}</li>`
}

const metricLabels: ReadonlyArray<[keyof Metrics, string, string]> = [
  ['fleschReadingEase', 'Flesch reading ease', 'higher is easier; 60–70 is plain English'],
  ['fleschKincaidGrade', 'Flesch–Kincaid grade', 'US school grade'],
  ['gunningFog', 'Gunning fog', 'years of schooling'],
  ['smog', 'SMOG', 'years of schooling'],
  ['colemanLiau', 'Coleman–Liau', 'US school grade'],
  ['automatedReadability', 'Automated readability', 'US school grade'],
  ['daleChall', 'Dale–Chall', 'under 5 is easy, 9 and over is college level'],
  ['words', 'Words', ''],
  ['sentences', 'Sentences', ''],
  ['paragraphs', 'Paragraphs', ''],
  ['syllables', 'Syllables', ''],
  ['polysyllables', 'Words of 3+ syllables', ''],
  ['complexWords', 'Complex words', 'Gunning’s hard words'],
  ['passiveSentences', 'Sentences in the passive', ''],
  ['letters', 'Letters', ''],
  ['characters', 'Characters', 'letters and digits']
]

function renderMetrics(metrics: Metrics): string {
  const rows = metricLabels.map(
    ([key, label, hint]) =>
      `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(String(metrics[key]))}</td><td class="hint">${escapeHtml(hint)}</td></tr>`
  )
  return `<details class="metrics"><summary>Readability: Flesch–Kincaid grade ${escapeHtml(
    String(metrics.fleschKincaidGrade)
  )}, ${escapeHtml(String(metrics.words))} words</summary><table>${rows.join('')}</table></details>`
}

function counts(messages: readonly VFileMessage[]): Record<ActiveSeverity, number> {
  const result: Record<ActiveSeverity, number> = {error: 0, warning: 0, info: 0}
  for (const message of messages) result[severityOf(message)]++
  return result
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function renderCounts(found: Record<ActiveSeverity, number>): string {
  return order
    .map(
      (severity) =>
        `<span class="count sev-${severity}">${severity === 'info' ? `${found.info} info` : plural(found[severity], severity)}</span>`
    )
    .join(' ')
}

function renderFile(report: FileReport, index: number): string {
  const findings = findingsOf(report, index)
  const list =
    findings.length > 0
      ? `<ol class="findings">${findings.map(renderFinding).join('\n')}</ol>`
      : '<p class="clean">No problems found.</p>'
  const text = report.text === undefined ? '' : `<div class="source" lang="en">${renderText(report.text, findings)}</div>`
  return `<section class="file" id="file-${index}">
<h2>${escapeHtml(slashed(report.path))} <small>${renderCounts(counts(report.messages))}</small></h2>
${report.text === undefined ? '' : renderMetrics(report.metrics)}
<div class="columns">${text}<aside class="list">${list}</aside></div>
</section>`
}

const style = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1d1d1f;--muted:#6b6b70;--line:#e4e4e8;--error:#c62828;--error-bg:#fde2e1;--warning:#9a6700;--warning-bg:#fff1c2;--info:#1f5fbf;--info-bg:#e3edfb;--focus:#7c3aed}
@media (prefers-color-scheme:dark){:root{--bg:#17171a;--fg:#e8e8ea;--muted:#9a9aa2;--line:#2e2e34;--error:#ff8a80;--error-bg:#4a1f1f;--warning:#f2c14e;--warning-bg:#473a12;--info:#8ab4f8;--info-bg:#1d2f4d}}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
header{padding:1rem 1.5rem;border-bottom:1px solid var(--line)}
h1{font-size:1.25rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:1.5rem 0 .5rem;word-break:break-all}h2 small{font-weight:normal;margin-left:.5rem}
nav ul{margin:.25rem 0;padding-left:1.2rem;max-height:8rem;overflow:auto}.filters label{margin-right:1rem;white-space:nowrap}
main{padding:0 1.5rem 3rem}.count{font-size:.85rem;margin-right:.4rem}.count.sev-error{color:var(--error)}.count.sev-warning{color:var(--warning)}.count.sev-info{color:var(--info)}
.metrics table{border-collapse:collapse;margin:.5rem 0}.metrics th,.metrics td{text-align:left;padding:.1rem .75rem .1rem 0;font-weight:normal}.metrics td{font-variant-numeric:tabular-nums}.hint{color:var(--muted);font-size:.85rem}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,2fr);gap:1.5rem;align-items:start}@media (max-width:900px){.columns{grid-template-columns:1fr}}
.source{font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;border:1px solid var(--line);border-radius:6px;padding:.5rem 0}
.line{display:grid;grid-template-columns:3.5rem 1fr;min-height:1.6em}.ln{color:var(--muted);text-align:right;padding-right:.75rem;user-select:none}.tx{white-space:pre-wrap;overflow-wrap:anywhere;padding-right:.75rem}
mark{color:inherit;border-radius:2px;cursor:help}mark.sev-error{background:var(--error-bg);box-shadow:inset 0 -2px var(--error)}mark.sev-warning{background:var(--warning-bg);box-shadow:inset 0 -2px var(--warning)}mark.sev-info{background:var(--info-bg);box-shadow:inset 0 -1px var(--info)}
.caret{display:inline-block;width:0;height:1em;border-left:2px solid var(--info);vertical-align:text-bottom}.caret.sev-error{border-color:var(--error)}.caret.sev-warning{border-color:var(--warning)}
.list{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto}.findings{margin:0;padding-left:2.5rem}.finding{margin:0 0 .5rem;padding:.25rem .4rem;border-radius:4px}
.finding .pos{font-family:ui-monospace,monospace;font-size:.85rem;color:var(--muted)}.finding .sev{font-size:.75rem;text-transform:uppercase;font-weight:600;margin:0 .25rem}
.finding.sev-error .sev{color:var(--error)}.finding.sev-warning .sev{color:var(--warning)}.finding.sev-info .sev{color:var(--info)}
.expected,.note{display:block;color:var(--muted);font-size:.9rem}.rule{font-size:.8rem;color:var(--muted);margin-left:.25rem}
.active,.anchor:target+mark{outline:2px solid var(--focus);outline-offset:1px}.anchor{scroll-margin-top:30vh}.clean{color:var(--muted)}
.hide-error .finding.sev-error,.hide-warning .finding.sev-warning,.hide-info .finding.sev-info{display:none}
.hide-error mark.has-error:not(.has-warning):not(.has-info),.hide-warning mark.has-warning:not(.has-error):not(.has-info),.hide-info mark.has-info:not(.has-error):not(.has-warning){background:none;box-shadow:none;cursor:auto}
`

// Hovering a mark lights up its messages and the other way round; the checkboxes hide a severity.
const script = `
(function(){
  function ids(el){return (el.getAttribute('data-f')||'').split(' ').filter(Boolean)}
  function light(el,on){ids(el).forEach(function(id){document.querySelectorAll('[data-f~="'+id+'"]').forEach(function(other){other.classList.toggle('active',on)})})}
  document.querySelectorAll('mark[data-f],.finding[data-f]').forEach(function(el){
    el.addEventListener('mouseenter',function(){light(el,true)});
    el.addEventListener('mouseleave',function(){light(el,false)});
  });
  document.querySelectorAll('.filters input').forEach(function(box){
    box.addEventListener('change',function(){document.body.classList.toggle('hide-'+box.value,!box.checked)});
  });
})();
`

export function formatHtml(reports: readonly FileReport[]): string {
  const tool = toolInfo()
  const total = counts(reports.flatMap((report) => report.messages))
  const nav = reports
    .map(
      (report, index) =>
        `<li><a href="#file-${index}">${escapeHtml(slashed(report.path))}</a> ${renderCounts(counts(report.messages))}</li>`
    )
    .join('\n')
  const filters = order
    .map(
      (severity) =>
        `<label><input type="checkbox" value="${severity}" checked> ${severity === 'info' ? 'info' : `${severity}s`}</label>`
    )
    .join('')
  const body = reports.length > 0 ? reports.map(renderFile).join('\n') : '<p class="clean">No files were linted.</p>'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${tool.name} ${tool.version}`)}">
<title>copydesk report</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>copydesk report</h1>
<div>${plural(reports.length, 'file')}: ${renderCounts(total)}</div>
<nav><ul>${nav}</ul></nav>
<div class="filters">Show: ${filters}</div>
</header>
<main>
${body}
</main>
<script>${script}</script>
</body>
</html>
`
}
