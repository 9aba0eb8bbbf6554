import {readFileSync} from 'node:fs'
import {css} from './style.js'

/** The editor page's markup: static, no user text; the script fills it in with DOM calls. */
export const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>copydesk — pre-publish check</title>
<link rel="stylesheet" href="/page/style.css">
<script type="module" src="/page/client.js"></script>
</head>
<body>
<a class="skip" href="#findings-heading">Skip to findings</a>
<header class="bar">
  <h1>copydesk <span>pre-publish check</span></h1>
  <p id="status" class="status" role="status" aria-live="polite">Paste or type an article, then check it.</p>
</header>
<main class="layout">
  <section class="editor" aria-labelledby="article-heading">
    <h2 id="article-heading">Article</h2>
    <form id="lint-form" class="controls">
      <label for="format">Format</label>
      <select id="format" name="format">
        <option value="txt">Plain text</option>
        <option value="md">Markdown</option>
        <option value="html">HTML</option>
      </select>
      <label class="inline"><input id="auto" type="checkbox" checked> Check as I type</label>
      <button id="check" type="submit" class="primary">Check article</button>
      <button id="fix-all" type="button" disabled>Apply all safe fixes</button>
      <button id="undo" type="button" disabled>Undo</button>
    </form>
    <label for="text" class="visually-hidden">Article text</label>
    <textarea id="text" spellcheck="true" placeholder="Paste the article here (Ctrl+Enter checks it)" aria-describedby="text-help"></textarea>
    <p id="text-help" class="help">Offsets, lines and columns refer to this text as written. Ctrl+Enter checks it.</p>
    <details id="settings">
      <summary>Config (optional, <code>.lintrc.json</code> form)</summary>
      <label for="config">Config JSON</label>
      <textarea id="config" class="config" spellcheck="false" placeholder='{"extends": "copydesk:recommended", "rules": {"passive-voice": "off"}}'></textarea>
      <p id="config-error" class="error" role="alert" hidden></p>
    </details>
    <h2 id="marked-heading">Highlighted</h2>
    <div id="marked" class="marked" aria-busy="false" role="region" aria-labelledby="marked-heading" tabindex="0"><p class="empty">Findings will be highlighted here.</p></div>
  </section>
  <aside class="side">
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading" tabindex="-1">Findings <span id="count"></span></h2>
      <fieldset id="filters" class="filters">
        <legend>Show</legend>
        <label><input type="checkbox" data-severity="error" checked> Errors <span data-count="error">0</span></label>
        <label><input type="checkbox" data-severity="warning" checked> Warnings <span data-count="warning">0</span></label>
        <label><input type="checkbox" data-severity="info" checked> Suggestions <span data-count="info">0</span></label>
      </fieldset>
      <ol id="findings" class="findings" aria-busy="false"></ol>
    </section>
    <section aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Metrics</h2>
      <dl id="metrics" class="metrics"></dl>
    </section>
  </aside>
</main>
<noscript><p class="error">This page needs JavaScript to check the article.</p></noscript>
</body>
</html>
`

// Everything the page loads comes from this server: no CDN, no fonts, works offline. The policy
// also means that even a mistake in the page could not run script smuggled into an article.
export const pageHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache'
}

export interface Asset {
  readonly url: string
  readonly type: string
  readonly body: string
}

/** The compiled browser modules sit beside this file in dist/ (tsc builds them from page/*.ts). */
function script(name: string): string {
  const source = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')
  return source.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n')
}

export function pageAssets(): Asset[] {
  const js = 'text/javascript; charset=utf-8'
  return [
    {url: '/', type: 'text/html; charset=utf-8', body: html},
    {url: '/page/style.css', type: 'text/css; charset=utf-8', body: css},
    {url: '/page/client.js', type: js, body: script('client.js')},
    {url: '/page/model.js', type: js, body: script('model.js')}
  ]
}
