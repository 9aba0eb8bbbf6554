import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
const {parse} = await import('./dist/src/engine/parse.js')
const {getDocument} = await import('./dist/src/kit/index.js')
const {tokenize, attributions} = await import('./dist/rules/unattributed-claim/attribution.js')
const [f, fmt, needle] = process.argv.slice(2)
const file = new VFile({value: readFileSync(f, 'utf8')})
const parsed = parse(file, fmt)
file.data.copydesk = {format: fmt, blocks: parsed.blocks}
const doc = getDocument(parsed.tree, file)
for (const s of doc.sentences) if (s.text.includes(needle) || doc.sentences[s.index+1]?.text.includes(needle)) {
  const t = tokenize(doc, s)
  console.log(s.index, s.paragraph, JSON.stringify(s.text.slice(0,80)), attributions(t).map(a => t.slice(a.from, a.to).map(x=>x.text).join(' ')))
}
console.log(doc.quotations.filter(q => doc.text.slice(q.start, q.end).includes(needle)))
