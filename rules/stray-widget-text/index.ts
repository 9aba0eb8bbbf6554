import {type Block, getDocument, isWhiteSpace, patternFormat, type Rule, report} from '../../src/kit/index.js'
import {
  BlockTexts,
  compileLexicon,
  countWords,
  describesPicture,
  endsLikeSentence,
  endsWithColon,
  endsWithEllipsis,
  hasCaptionCue,
  hasLinkTag,
  hasTrailingCredit,
  isBracketedCredit,
  isByline,
  isCreditOnly,
  isImageOnly,
  isSiteLink,
  isTitleCase,
  type Kind,
  key,
  kinds,
  type Lexicon,
  labels,
  leadOf,
  listedKind,
  sentenceCount,
  wordsOf
} from './detect.js'
import {removalRange, spanRemovalRange} from './remove.js'

export type {Kind} from './detect.js'

export interface StrayWidgetTextOptions {
  /**
   * More block texts that are furniture (matched like the built-in phrases: case, bullets and end
   * punctuation aside), or `/pattern/flags` matching a whole block (RE2 syntax, linear time).
   */
  readonly phrases: readonly string[]
  /** Block texts never to flag, literal or `/pattern/flags`. */
  readonly allow: readonly string[]
  /** Which kinds of furniture to check. */
  readonly kinds: readonly Kind[]
}

/** One piece of furniture: where it is, what it is, and what to cut. */
interface Finding {
  readonly kind: Kind
  readonly start: number
  readonly end: number
  readonly removal: readonly [number, number]
  /** Found by its shape alone, with no phrase or cue to confirm it. */
  readonly weak: boolean
  /** Why it is furniture, when the rule's general note would not say (always set, so that every finding has one shape). */
  readonly why: string | undefined
  /** The text as a reader sees it (entities decoded, tags dropped). */
  readonly shown: string
}

/**
 * No test below reads a block's word count past 60 (`words <= 60`), so blocks are counted no
 * further: most are long paragraphs, and counting all their words was the rule's biggest cost.
 * The count still bounds `shortestKey` from below, which is all that asks of it.
 */
const countedWords = 60

/** What the rule knows about each block before deciding. */
class BlockView {
  #key: string | undefined

  constructor(
    readonly block: Block,
    readonly text: string,
    /** The block's word count, counted no further than `countedWords + 1`. */
    readonly words: number,
    readonly sentence: boolean,
    readonly list: boolean,
    readonly heading: boolean,
    /** A line of a hard-wrapped plain-text paragraph: its end is not the paragraph's end. */
    readonly wrapped: boolean,
    readonly image: boolean
  ) {}

  /**
   * The block's `key`, worked out when first asked for: most blocks are long paragraphs that no
   * test needs keyed once `shortestKey` rules them out, and keying them was most of the rule's time.
   */
  get key(): string {
    this.#key ??= key(this.text)
    return this.#key
  }

  /**
   * The least length the key can have. It keeps the first character of every word but the at most
   * four that a closing count `(2 of 5)` and a trailing number take, and at least one character
   * (a space, if nothing else) between two of them.
   */
  get shortestKey(): number {
    return Math.max(0, 2 * (this.words - 4) - 1)
  }

  /** Whether the key is `other`, without keying a block too long for it to be. */
  keyIs(other: string): boolean {
    return this.shortestKey <= other.length && this.key === other
  }
}

/** Whether the user allows a block, without keying it when the list is empty (as it mostly is). */
function isAllowed(allowed: BlockTexts, view: BlockView): boolean {
  return allowed.size > 0 && allowed.has(view.text, view.key)
}

const bullet = /^\s*(?:[•·▪●◦‣\-*+]|\d{1,2}[.)])\s+/

/** Class-name words that mark an element of the page around the story. */
const classKinds = new Map<string, Kind>([
  ['share', 'share'],
  ['sharing', 'share'],
  ['social', 'share'],
  ['sharebar', 'share'],
  ['comments', 'share'],
  ['toolbar', 'share'],
  ['related', 'related'],
  ['recommended', 'related'],
  ['recirc', 'related'],
  ['more-stories', 'related'],
  ['read-more', 'call-to-action'],
  ['newsletter', 'call-to-action'],
  ['signup', 'call-to-action'],
  ['subscribe', 'call-to-action'],
  ['promo', 'ad'],
  ['ad', 'ad'],
  ['ads', 'ad'],
  ['advert', 'ad'],
  ['advertisement', 'ad'],
  ['sponsored', 'ad'],
  ['dfp', 'ad'],
  ['caption', 'caption'],
  ['credit', 'caption'],
  ['byline', 'byline'],
  ['timestamp', 'byline'],
  ['dateline-time', 'byline']
])
const tagKinds = new Map<string, Kind>([
  ['aside', 'related'],
  ['nav', 'related'],
  ['figure', 'caption'],
  ['footer', 'related'],
  ['form', 'call-to-action'],
  ['button', 'share']
])

export const rule: Rule<StrayWidgetTextOptions> = {
  meta: {
    id: 'stray-widget-text',
    description: 'Page furniture left in the copy: share widgets, "Read more", ads, related links, captions, bylines',
    severity: 'warning',
    fixable: true,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        phrases: {type: 'array', items: {type: 'string', minLength: 1, format: patternFormat}, uniqueItems: true},
        allow: {type: 'array', items: {type: 'string', minLength: 1, format: patternFormat}, uniqueItems: true},
        kinds: {type: 'array', items: {enum: [...kinds]}, uniqueItems: true}
      }
    },
    defaults: {phrases: [], allow: [], kinds: [...kinds]}
  },
  plugin(options) {
    const lexicon = compileLexicon(options.kinds, options.phrases)
    const allowed = new BlockTexts(options.allow)
    const enabled = new Set<Kind>(options.kinds)
    return (tree, file) => {
      const document = getDocument(tree, file)
      const findings = findFurniture(document.text, document.data.format, document.blocks, lexicon, enabled, allowed)
      for (const finding of findings) {
        const actual = document.text.slice(finding.start, finding.end)
        const shown = finding.shown.replace(/\s+/g, ' ').trim()
        report(file, rule.meta, {
          start: finding.start,
          end: finding.end,
          actual,
          expected: [],
          reason: `Unexpected ${labels[finding.kind]} \`${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}\` in the copy, remove it`,
          note: finding.why ?? 'Page furniture is not part of the story: take it out before publishing or republishing.',
          fix: {range: finding.removal, text: ''},
          weak: finding.weak
        })
      }
    }
  }
}

function findFurniture(
  text: string,
  format: string,
  blocks: readonly Block[],
  lexicon: Lexicon,
  enabled: ReadonlySet<Kind>,
  allowed: BlockTexts
): Finding[] {
  const views = viewBlocks(text, format, blocks)
  // Nothing to find; and an empty list of views has another hidden class than a filled one.
  if (views.length === 0) return []
  const scan = new FurnitureScan(text, views, blocks, enabled)
  const {found} = scan

  // Signals that stand on their own: phrases, markup, bylines, credits.
  findExplicit(scan, lexicon, allowed)
  const bodyStart = firstBodyBlock(scan)
  const prose = isProse(views, found, bodyStart)
  // Runs of link headlines after a related-links header, or ending in ellipses.
  findCutHeadlines(scan, allowed)
  findRelatedRuns(scan, lexicon)
  findMenus(scan, bodyStart)
  // Captions: sentences without a full stop amid copy that has them, or text beside a credit.
  findCreditedCaptions(scan, bodyStart)
  if (prose && bodyStart >= 0) findCaptionShapes(scan, bodyStart)

  const findings = joinRemovals(text, [...found.values()])
  for (const span of findSpans(text, views, lexicon, enabled, allowed, found)) findings.push(span)
  return findings.sort((a, b) => a.start - b.start)
}

/**
 * The blocks of one file and the furniture found among them so far, by block index. Each signal
 * below is a function of its own, run in order, later ones reading what earlier ones found: one
 * function holding them all took V8 up to 150 ms to optimise, and again after each deoptimisation.
 */
class FurnitureScan {
  readonly found = new Map<number, Finding>()
  /** The first heading: the story's headline. */
  readonly headline: BlockView | undefined
  /** How many blocks each HTML element holds (see `blockRemoval`). */
  private readonly elementUses = new Map<string, number>()

  constructor(
    readonly text: string,
    readonly views: readonly BlockView[],
    private readonly blocks: readonly Block[],
    private readonly enabled: ReadonlySet<Kind>
  ) {
    let headline: BlockView | undefined
    for (const view of views) {
      if (!headline && view.heading) headline = view
      const element = view.block.element
      if (element) this.elementUses.set(String(element), (this.elementUses.get(String(element)) ?? 0) + 1)
    }
    this.headline = headline
  }

  add(index: number, view: BlockView, kind: Kind | 'user', weak: boolean, why?: string): void {
    // The user's own phrases are furniture whatever kinds are checked; they read as calls to action.
    if (this.found.has(index) || (kind !== 'user' && !this.enabled.has(kind))) return
    if (kind === 'user') kind = 'call-to-action'
    this.found.set(index, {
      kind,
      start: view.block.start,
      end: view.block.end,
      removal: blockRemoval(this.text, view.block, this.blocks, this.elementUses),
      weak,
      why,
      shown: readable(this.text.slice(view.block.start, view.block.end), view.text)
    })
  }
}

function findExplicit(scan: FurnitureScan, lexicon: Lexicon, allowed: BlockTexts): void {
  const {views, headline} = scan
  for (let index = 0; index < views.length; index++) {
    const view = views[index] as BlockView
    if (view.keyIs('') || isAllowed(allowed, view)) continue
    const kind = explicitKind(view, lexicon, headline, index)
    if (kind) scan.add(index, view, kind, false)
  }
}

/** Where the story's body starts: its first long sentence that is not furniture (-1 if none). */
function firstBodyBlock(scan: FurnitureScan): number {
  const {views, found, headline} = scan
  for (let index = 0; index < views.length; index++) {
    const view = views[index] as BlockView
    if (!found.has(index) && !view.heading && !view.list && view.sentence && view.words >= 8 && view !== headline) return index
  }
  return -1
}

function findCutHeadlines(scan: FurnitureScan, allowed: BlockTexts): void {
  const {views, found, headline} = scan
  for (let index = 0; index < views.length; index++) {
    const view = views[index] as BlockView
    if (found.has(index) || view === headline || view.heading || isAllowed(allowed, view)) continue
    if (endsWithEllipsis(view.text) && view.words >= 3 && view.words <= 40 && !view.wrapped) {
      const run = [views[index - 1], views[index + 1]].some((other) => other && endsWithEllipsis(other.text))
      const many = (view.text.match(/…|\.\.\./g) ?? []).length >= 2
      // A headline cut short mid-phrase: no sentence ends inside it, and it is not the copy's opening.
      const cut = view.words <= 25 && sentenceCount(view.text) === 1 && index > 0
      if (view.list || run || many || cut || isTitleCase(view.text.replace(/(?:…|\.\.\.)\s*$/, ''))) {
        scan.add(index, view, 'related', false, 'Headlines cut off with an ellipsis are links to other stories.')
      }
    }
  }
}

function findRelatedRuns(scan: FurnitureScan, lexicon: Lexicon): void {
  const {views, found} = scan
  for (let index = 0; index < views.length; index++) {
    const view = views[index] as BlockView
    if (found.get(index)?.kind !== 'related' || view.words > 6) continue
    const header = listedKind(lexicon, view.key) === 'related'
    for (let next = index + 1; next < views.length && next <= index + 10; next++) {
      const other = views[next]
      if (!other || found.has(next)) {
        if (other && found.get(next)?.kind === 'related') continue
        break
      }
      if (other.heading || other.sentence || other.words > 25 || other.words < 2 || other.wrapped) break
      if (!header && (!isTitleCase(other.text) || other.text === other.text.toUpperCase())) break
      scan.add(next, other, 'related', false, 'A headline in a list of links to other stories.')
    }
  }
}

/** Navigation menus: a long run of short link labels. */
function findMenus(scan: FurnitureScan, bodyStart: number): void {
  const {views} = scan
  for (let first = Math.max(bodyStart, 1); first >= 1 && first < views.length; ) {
    let last = first
    while (last < views.length && menuItem(views[last])) last++
    if (last - first >= 6) {
      for (let index = first; index < last; index++) {
        const view = views[index]
        if (view) scan.add(index, view, 'related', false, 'A run of short link labels is a navigation menu.')
      }
    }
    first = last + 1
  }
}

function findCreditedCaptions(scan: FurnitureScan, bodyStart: number): void {
  const {views, found} = scan
  for (let index = 0; index < views.length; index++) {
    const view = views[index] as BlockView
    if (found.get(index)?.kind !== 'caption' || !isCreditOnly(view.text, view.words)) continue
    const before = views[index - 1]
    const describes = before && (!before.sentence || hasCaptionCue(before.text) || describesPicture(before.text))
    if (
      before &&
      describes &&
      !found.has(index - 1) &&
      !before.heading &&
      before.words <= 45 &&
      index - 1 > bodyStart &&
      !before.wrapped
    ) {
      scan.add(index - 1, before, 'caption', false, 'The text above a photo credit is the photo’s caption.')
    }
  }
}

function findCaptionShapes(scan: FurnitureScan, bodyStart: number): void {
  const {views, found} = scan
  for (let index = 0; index < views.length; index++) {
    const view = views[index] as BlockView
    if (index <= bodyStart || found.has(index) || !captionShape(view)) continue
    let first = index
    while (first - 1 > bodyStart && (captionShape(views[first - 1]) || found.has(first - 1))) first--
    let last = index
    while (last + 1 < views.length && (captionShape(views[last + 1]) || found.has(last + 1))) last++
    const run = views.slice(first, last + 1).filter((other, offset) => !found.has(first + offset) && other !== undefined)
    if (run.length > 3) continue
    // Bounded by sentences (or the end of the copy) on both sides; anything else is a list or a section.
    const before = views[first - 1]
    const after = views[last + 1]
    const bounds = (other: BlockView | undefined, at: number): boolean =>
      other === undefined || other.sentence || other.image || other.heading || found.has(at)
    if (!bounds(before, first - 1) || !bounds(after, last + 1)) continue
    const cue = hasCaptionCue(view.text)
    const pictured =
      [views[index - 1], views[index + 1]].some((other) => other?.image) ||
      found.get(index - 1)?.kind === 'caption' ||
      found.get(index + 1)?.kind === 'caption'
    // Alone and unconfirmed, only a long one on a page that shows its pictures elsewhere:
    // subheadings without full stops are short, and captions come in families.
    const family = [...found.values()].some((finding) => finding.kind === 'caption' && !finding.weak)
    if (!(cue || pictured || (view.words >= 18 && family) || run.length >= 2)) continue
    scan.add(
      index,
      view,
      'caption',
      !(cue || pictured),
      'A sentence with no full stop among sentences that have one reads like a photo caption.'
    )
  }
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–'
}

/** HTML joins adjacent links without a space (`ShareTweet`); show the source with its tags as spaces instead. */
function readable(source: string, text: string): string {
  if (!source.includes('<')) return text
  return source.replace(/<[^>]*>/g, ' ').replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return entities[name.toLowerCase()] ?? whole
  })
}

/**
 * Neighbouring furniture goes in one cut, so that two blocks removed side by side do not leave
 * their two blank lines behind.
 */
function joinRemovals(text: string, findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.removal[0] - b.removal[0])
  const joined: Finding[] = []
  let group: Finding[] = []
  // Where the group's removals end, kept as findings join it: a page of 20,000 furniture lines is
  // one group, and taking the maximum over the group for each new finding was quadratic.
  let groupEnd = 0
  const flush = (): void => {
    const first = group[0]
    if (first && group.length > 1) {
      let end = groupEnd
      while (end > first.removal[0] && /\s/.test(text[end - 1] ?? '')) end--
      const removal = removalRange(text, first.removal[0], end)
      for (const finding of group) joined.push(withRemoval(finding, removal))
    } else if (first) joined.push(first)
    group = []
  }
  for (const finding of sorted) {
    const previous = group[group.length - 1]
    const touching =
      previous !== undefined &&
      finding.removal[0] >= previous.removal[0] &&
      /^\s*$/.test(text.slice(groupEnd, Math.max(finding.removal[0], previous.removal[1])))
    if (!touching) {
      flush()
      groupEnd = finding.removal[1]
    } else groupEnd = Math.max(groupEnd, finding.removal[1])
    group.push(finding)
  }
  flush()
  return joined
}

/** A finding with another removal range, spelt out so that it keeps the shape of every other finding. */
function withRemoval(finding: Finding, removal: readonly [number, number]): Finding {
  const {kind, start, end, weak, why, shown} = finding
  return {kind, start, end, removal, weak, why, shown}
}

function viewBlocks(text: string, format: string, blocks: readonly Block[]): BlockView[] {
  const usable = blocks.filter((block) => block.kind !== 'code' && block.kind !== 'html' && block.kind !== 'table')
  return usable.map((block, index) => {
    const previous = usable[index - 1]
    const next = usable[index + 1]
    const samePrevious = format === 'txt' && previous !== undefined && previous.paragraph === block.paragraph
    const sameNext = format === 'txt' && next !== undefined && next.paragraph === block.paragraph
    // A plain-text line that runs on into the next (or on from the last) is part of a wrapped paragraph.
    const runsOn = (line: Block, after: Block): boolean =>
      !endsLikeSentence(line.text) &&
      !bullet.test(after.text) &&
      !bullet.test(line.text) &&
      /^[\p{Ll}\p{N}(“"‘']/u.test(after.text)
    const wrapped =
      (sameNext && next !== undefined && runsOn(block, next)) ||
      (samePrevious && previous !== undefined && runsOn(previous, block))
    return new BlockView(
      block,
      block.text,
      countWords(block.text, countedWords),
      endsLikeSentence(block.text) || endsWithColon(block.text),
      block.kind === 'list-item' || bullet.test(block.text),
      block.kind === 'heading',
      wrapped,
      isImageOnly(text.slice(block.start, block.end))
    )
  })
}

function explicitKind(
  view: BlockView,
  lexicon: Lexicon,
  headline: BlockView | undefined,
  index: number
): Kind | 'user' | undefined {
  const container = containerKind(view.block)
  if (container) return container
  if (view.block.kind === 'caption') return 'caption'
  if (view.image) return undefined
  const listed = view.shortestKey > lexicon.longestBlock ? undefined : listedKind(lexicon, view.key)
  if (listed) return listed
  if (lexicon.extra.size > 0 && lexicon.extra.has(view.text, view.key)) return 'user'
  if (view === headline) return undefined
  // Every test below but the last needs a short block; most blocks are long paragraphs and skip them.
  if (view.words <= 30) {
    const lower = (bullet.test(view.text) ? key(view.text.replace(bullet, '')) : view.key).replace(/^\[/, '')
    const lead = leadOf(lexicon, lower)
    if (lead) {
      const colon = /[:©]$/.test(lead.lead) || lower.charAt(lead.lead.length) === ':'
      if (colon || !view.sentence || view.words <= 6) return lead.kind
      if (lead.kind === 'call-to-action' && view.words <= 15 && sentenceCount(view.text) === 1) return lead.kind
    }
  }
  // A short block whose later sentence is a bare prompt: `Do you rely on us? Click here to support it.`
  if (view.words <= 25 && /(?:^|[.!?]\s+)click (?:here|to)\b/i.test(view.text)) return 'call-to-action'
  if (view.words <= 30 && isByline(view.text.replace(bullet, ''))) return 'byline'
  if (isCreditOnly(view.text, view.words) || (view.words <= 60 && hasTrailingCredit(view.text))) return 'caption'
  if (!view.sentence && /\((?:pictured|pictures?|photo|file photo)\b[^)]*\)/i.test(view.text) && !view.wrapped) return 'caption'
  if (view.words <= 6 && isBracketedCredit(view.text)) return 'caption'
  if (view.words <= 45 && describesPicture(view.text) && !view.wrapped && view.block.kind !== 'quote') return 'caption'
  if (hasLinkTag(view.text) || isSiteLink(view.text)) return 'related'
  if (headline && index > headline.block.index && view.words >= 3 && view.keyIs(headline.key)) return 'related'
  return undefined
}

function containerKind(block: Block): Kind | undefined {
  for (const mark of block.containers) {
    if (mark.startsWith('.')) {
      for (const word of mark.slice(1).toLowerCase().split(/[-_]/)) {
        const kind = classKinds.get(word)
        if (kind) return kind
      }
      const kind = classKinds.get(mark.slice(1).toLowerCase())
      if (kind) return kind
    } else {
      const kind = tagKinds.get(mark)
      if (kind) return kind
    }
  }
  return undefined
}

/** The copy is prose when most of its longer blocks end like sentences; lists and tables are left alone. */
function isProse(views: readonly BlockView[], found: ReadonlyMap<number, Finding>, bodyStart: number): boolean {
  if (bodyStart < 0) return false
  let long = 0
  let sentences = 0
  views.forEach((view, index) => {
    // Captions that point at their picture are not evidence against the copy being prose.
    if (index < bodyStart || found.has(index) || view.heading || view.list || view.words < 8) return
    if (!view.sentence && hasCaptionCue(view.text)) return
    long++
    if (view.sentence) sentences++
  })
  return long >= 4 && sentences / long >= 0.75
}

function menuItem(view: BlockView | undefined): boolean {
  return (
    view !== undefined &&
    !view.heading &&
    !view.sentence &&
    view.words >= 1 &&
    view.words <= 5 &&
    !/\d/.test(view.text) &&
    (isTitleCase(view.text) || (view.words === 1 && /^[\p{Lu}]/u.test(view.text)))
  )
}

function captionShape(view: BlockView | undefined): boolean {
  return (
    view !== undefined &&
    // What the view already knows first: most blocks are sentences and stop here.
    !view.sentence &&
    !view.heading &&
    !view.list &&
    !view.wrapped &&
    !view.image &&
    view.block.kind !== 'quote' &&
    view.words >= 8 &&
    view.words <= 45 &&
    // Captions open with a capital; a quotation without a full stop is a pull quote or a list lead-in.
    /^[\p{Lu}\p{N}]/u.test(view.text) &&
    !/^[QA]\s*:/.test(view.text) &&
    !isTitleCase(view.text) &&
    sentenceCount(view.text) <= 2 &&
    !endsWithEllipsis(view.text)
  )
}

/** In HTML, a whole furniture element goes (an aside, a figure, a share bar); elsewhere the block's lines. */
function blockRemoval(
  text: string,
  block: Block,
  blocks: readonly Block[],
  elementUses: ReadonlyMap<string, number>
): [number, number] {
  let range: readonly [number, number] = [block.start, block.end]
  const ranges = block.containerRanges ?? []
  for (const [index, mark] of block.containers.entries()) {
    const candidate = ranges[index]
    if (!candidate || candidate[0] < 0 || !isFurnitureMark(mark)) continue
    // Never a container that holds the headline or the story's own text.
    const holdsStory = blocks.some(
      (other) => other.start >= candidate[0] && other.end <= candidate[1] && other.kind === 'heading' && other.depth === 1
    )
    if (!holdsStory) {
      range = candidate
      break
    }
  }
  if (range[0] === block.start && block.element && elementUses.get(String(block.element)) === 1) range = block.element
  return removalRange(text, range[0], range[1])
}

function isFurnitureMark(mark: string): boolean {
  if (!mark.startsWith('.')) return tagKinds.has(mark)
  const name = mark.slice(1).toLowerCase()
  return classKinds.has(name) || name.split(/[-_]/).some((word) => classKinds.has(word))
}

/**
 * Furniture inside a block: the byline and timestamp a scraper glued to the first paragraph,
 * and widget lines of a page whose paragraphs were flattened into ` . `-separated runs.
 */
function findSpans(
  text: string,
  views: readonly BlockView[],
  lexicon: Lexicon,
  enabled: ReadonlySet<Kind>,
  allowed: BlockTexts,
  found: ReadonlyMap<number, Finding>
): Finding[] {
  const spans: Finding[] = []
  views.forEach((view, index) => {
    // A one-line scrape is all "headline" to the plain-text parser; its glued-on furniture still counts.
    if (found.has(index) || (view.heading && view.words < 40)) return
    const {start: blockStart, end: blockEnd} = view.block
    const source = text.slice(blockStart, blockEnd)
    if (source !== view.text) return
    const flattened = hasTwoBreaks(source)
    const prefix = enabled.has('byline') ? bylinePrefix(source) : 0
    if (prefix > 0) {
      spans.push({
        kind: 'byline',
        start: blockStart,
        end: blockStart + prefix,
        removal: spanRemovalRange(text, blockStart, blockStart + prefix, blockStart, blockEnd),
        weak: false,
        why: undefined,
        shown: source.slice(0, prefix)
      })
    }
    if (!flattened) return
    // A unit starts at the block start or after a sentence end; it runs to the next ` . ` break.
    const starts = /(?:^|[.!?…]['’"”)]?\s+)(?=\S)/g
    const breaks = /\s\.(?:\s|$)/g
    // The break that ends the units starting before it, found once for all of them.
    let stop: RegExpExecArray | null = null
    let searched = false
    let reached = prefix
    for (;;) {
      const match = starts.exec(source)
      if (match === null) break
      // The opening match is empty; step past it so the scan moves on.
      if (match[0] === '') starts.lastIndex++
      const at = match.index + match[0].length
      if (at < reached) continue
      if (!searched || (stop !== null && stop.index < at)) {
        breaks.lastIndex = at
        stop = breaks.exec(source)
        searched = true
      }
      const unit = source.slice(at, stop ? stop.index : source.length)
      const unitEnd = stop ? stop.index + stop[0].trimEnd().length : source.length
      const kind = unitKind(unit, lexicon, enabled, allowed)
      if (!kind) continue
      spans.push({
        kind,
        start: blockStart + at,
        end: blockStart + unitEnd,
        removal: spanRemovalRange(text, blockStart + at, blockStart + unitEnd, blockStart, blockEnd),
        weak: false,
        why: undefined,
        shown: source.slice(at, unitEnd)
      })
      reached = unitEnd
      starts.lastIndex = Math.max(starts.lastIndex, unitEnd - 1)
    }
  })
  return spans
}

/** What furniture a unit of a flattened block is: a listed phrase, a lead-in, the user's own or a video prompt. */
function unitKind(unit: string, lexicon: Lexicon, enabled: ReadonlySet<Kind>, allowed: BlockTexts): Kind | undefined {
  // Keying each unit would pass over the rest of its block once per sentence, which is quadratic
  // when breaks are few; so a long unit goes unkeyed. Past 25 words no lead counts, and a key keeps
  // the first letter of every word but at most four (a count `(2 of 5)` and a trailing number), so
  // past `longestBlock + 4` words no listed phrase matches either: only the user's phrases need it.
  const limit = Math.max(25, lexicon.longestBlock + 4)
  const words = countWords(unit, limit)
  const lower = words > limit && lexicon.extra.size === 0 ? undefined : key(unit)
  let kind: Kind | undefined = lower === undefined ? undefined : listedKind(lexicon, lower)
  const own = !kind && lexicon.extra.has(unit, lower)
  if (own) kind = 'call-to-action'
  const lead = kind || lower === undefined ? undefined : leadOf(lexicon, lower)
  if (lead && /[:]$|^scroll down|^read more|^click here|^watch|^see more/.test(lead.lead) && words <= 25) kind = lead.kind
  if (!kind && /^video\s+scroll down\b/i.test(unit)) kind = 'call-to-action'
  if (!kind || (!own && !enabled.has(kind))) return undefined
  if (kind === 'caption' && !lead) return undefined
  // The allow list only ever spares furniture, so it is asked last.
  return allowed.has(unit, lower) ? undefined : kind
}

/** Two separate ` . ` breaks (`/\s\.\s/`): a page whose paragraphs were flattened into one run. */
function hasTwoBreaks(source: string): boolean {
  let breaks = 0
  // Every block is asked; stepping from full stop to full stop is cheaper than a pattern trying
  // every position. Two breaks never share a space.
  for (let dot = source.indexOf('.', 1); dot >= 0; ) {
    // A stop that ends the text has nothing after it (bounds checked: a read past the end deoptimises).
    const spaced = isWhiteSpace(source.charCodeAt(dot - 1)) && dot + 1 < source.length && isWhiteSpace(source.charCodeAt(dot + 1))
    if (!spaced) dot = source.indexOf('.', dot + 1)
    else if (++breaks === 2) return true
    else dot = source.indexOf('.', dot + 3)
  }
  return false
}

/**
 * The length of a byline and timestamp at the start of a block, the way scrapers leave them:
 * `By . Jane Doe . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 .`
 */
function bylinePrefix(source: string): number {
  if (!/^by\s+\.\s/i.test(source) && !/^(?:published|updated|last updated)\b/i.test(source)) return 0
  const piece = /([\s\S]*?)\s\.(?=\s|$)/y
  let end = 0
  let consumed = 0
  let sawName = false
  piece.lastIndex = 0
  for (;;) {
    const match = piece.exec(source)
    if (match === null) break
    const part = (match[1] ?? '').trim()
    const words = wordsOf(part)
    const stamp =
      /^(?:\|\s*)?(?:published|updated|last updated|posted)\b/i.test(part) ||
      /^\|?\s*$/.test(part) ||
      /^\d{1,2}[:.]\d{2}/.test(part)
    const name =
      words.length > 0 &&
      words.length <= 6 &&
      /^(?:and\s+)?[\p{Lu}]/u.test(part) &&
      !/[.!?]$/.test(part) &&
      words.every((word) => /^[\p{Lu}]/u.test(word) || /^(?:and|de|van|von|der|al|bin|la|le|du|da)$/.test(word))
    if (consumed === 0 && /^by$/i.test(part)) {
      consumed++
      end = piece.lastIndex
      continue
    }
    if (stamp || (name && !sawName) || (name && /^and\s/.test(part))) {
      if (name) sawName = true
      consumed++
      end = piece.lastIndex
      continue
    }
    break
  }
  if (consumed < 2) return 0
  return end
}
