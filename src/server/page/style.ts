/** The editor page's stylesheet: system fonts only, so nothing is fetched from elsewhere. */
export const css = `
:root {
  --ink: #1c1c1c; --muted: #555; --line: #d4d4d4; --paper: #fff; --wash: #f5f4f0; --focus: #1a5fb4;
  --error: #a4201a; --error-bg: #fde3e1; --warning: #7a4f00; --warning-line: #c08400; --warning-bg: #fff0c4;
  --info: #1d4f91; --info-bg: #e3eefc;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--wash); line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; }
h1 { font-size: 1.25rem; margin: 0; }
h1 span { font-weight: 400; color: var(--muted); }
h2 { font-size: 1rem; margin: 1rem 0 .5rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: var(--paper); padding: .25rem .5rem; z-index: 2; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.bar { display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: baseline; padding: .75rem 1.25rem;
  background: var(--paper); border-bottom: 1px solid var(--line); }
.status { margin: 0; color: var(--muted); }
.status.failed { color: var(--error); font-weight: 600; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr); gap: 1.25rem; padding: 0 1.25rem 2rem; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
.controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-bottom: .5rem; }
.controls .inline { margin-right: auto; }
select, button, textarea { font: inherit; color: inherit; }
select { padding: .3rem .4rem; border: 1px solid #8a8a8a; border-radius: 4px; background: var(--paper); }
button { padding: .35rem .8rem; border: 1px solid #8a8a8a; border-radius: 4px; background: var(--paper); cursor: pointer; }
button:hover:not(:disabled) { background: #eef3fb; }
button:disabled { color: #8a8a8a; border-color: #c4c4c4; cursor: default; }
button.primary { background: var(--focus); border-color: var(--focus); color: #fff; font-weight: 600; }
button.primary:hover:not(:disabled) { background: #154c91; }
textarea { width: 100%; min-height: 16rem; height: 34vh; resize: vertical; padding: .75rem; border: 1px solid #8a8a8a;
  border-radius: 4px; background: var(--paper); font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: .9rem; line-height: 1.5; }
textarea.config { min-height: 6rem; height: 8rem; }
.help { margin: .25rem 0 0; font-size: .85rem; color: var(--muted); }
details { margin-top: .75rem; }
summary { cursor: pointer; }
details label { display: block; margin: .5rem 0 .25rem; }
.error { color: var(--error); font-weight: 600; }
.marked { background: var(--paper); border: 1px solid var(--line); border-radius: 4px; padding: 1rem 1.25rem;
  white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; font-size: 1.02rem;
  line-height: 1.7; max-height: 70vh; overflow: auto; }
.marked.stale, .findings.stale { opacity: .55; }
.empty { color: var(--muted); font-family: system-ui, sans-serif; margin: 0; }
mark { color: inherit; background: none; cursor: pointer; border-radius: 2px; }
mark.error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.warning { background: var(--warning-bg); border-bottom: 2px solid var(--warning-line); }
mark.info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
mark.wide { background: none; border-bottom-width: 1px; border-bottom-style: dashed; }
mark.current { outline: 2px solid var(--ink); outline-offset: 1px; }
.side section { background: var(--paper); border: 1px solid var(--line); border-radius: 4px; padding: 0 1rem 1rem; margin-top: 1rem; }
.filters { display: flex; flex-wrap: wrap; gap: .25rem 1rem; border: 0; padding: 0; margin: 0 0 .5rem; }
.filters legend { float: left; margin-right: .75rem; color: var(--muted); }
.findings { list-style: none; margin: 0; padding: 0; max-height: 62vh; overflow: auto; }
.findings li { border-top: 1px solid var(--line); padding: .6rem .25rem; }
.findings li:focus { outline: 3px solid var(--focus); outline-offset: -3px; }
.findings li.current { background: #f2f6fc; }
.finding-head { display: flex; flex-wrap: wrap; gap: .25rem .5rem; align-items: baseline; font-size: .85rem; color: var(--muted); }
.badge { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: .05rem .4rem; border-radius: 3px; }
.badge.error { background: var(--error-bg); color: var(--error); }
.badge.warning { background: var(--warning-bg); color: var(--warning); }
.badge.info { background: var(--info-bg); color: var(--info); }
.rule { font-family: ui-monospace, Menlo, Consolas, monospace; }
.reason { margin: .25rem 0; }
.reason code, .note code { background: var(--wash); padding: 0 .2rem; border-radius: 2px; }
.note { margin: .25rem 0; font-size: .88rem; color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .35rem; }
.actions button { font-size: .85rem; padding: .2rem .6rem; }
.actions button.fix { border-color: var(--focus); color: var(--focus); font-weight: 600; }
.metrics { display: grid; grid-template-columns: 1fr auto; gap: .2rem 1rem; margin: 0; font-size: .92rem; }
.metrics dt { color: var(--muted); }
.metrics dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
`
