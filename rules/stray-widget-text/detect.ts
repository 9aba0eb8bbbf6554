import type {RE2JS} from 're2js'
import {type Block, isWhiteSpace, matchesWhole, splitPatterns} from '../../src/kit/index.js'
import data from './phrases.json' with {type: 'json'}

/** The kinds of page furniture, each named in the message. */
export const kinds = ['share', 'call-to-action', 'ad', 'related', 'caption', 'byline'] as const
export type Kind = (typeof kinds)[number]
type ListedKind = keyof typeof data.kinds

export const labels: Record<Kind, string> = {
  ...(Object.fromEntries(Object.entries(data.kinds).map(([kind, entry]) => [kind, entry.label])) as Record<ListedKind, string>),
  byline: 'byline or timestamp'
}

/** A block's text as a key: lowercase, straight quotes, bullets, brackets, counts and trailing punctuation dropped. */
export function key(text: string): string {
  return bare(text.toLowerCase().replace(/[’‘`]/g, "'").replace(/[“”]/g, '"'))
}

/**
 * A block's text without its bullet, brackets, trailing count and end punctuation; case kept.
 *
 * Every block is keyed, most of them long paragraphs, so this scans in from both ends instead of
 * running end-anchored patterns (which try every position of the text). Step by step it is
 * `.replace(/\s*\((?:\d+|\d+ of \d+)\)\s*$/i, '')`, `.replace(/^[\s•·▪●◦‣\-–—*+>|[(]+/, '')`,
 * `.replace(/[\s\])|]+$/, '')`, `.replace(/\s+\d+$/, '')`, `.replace(/[\s.:!›»>…|]+$/, '')`,
 * `.replace(/\s+/g, ' ')`, `.trim()`.
 */
export function bare(text: string): string {
  let end = withoutCount(text, text.length)
  let start = 0
  while (start < end && (isWhiteSpace(text.charCodeAt(start)) || openers.has(text.charCodeAt(start)))) start++
  end = trimEnd(text, start, end, closers)
  end = withoutNumber(text, start, end)
  end = trimEnd(text, start, end, endMarks)
  // Both ends are now free of whitespace, so collapsing the inner runs is all `trim` would add.
  return collapseSpaces(text.slice(start, end))
}

/** Characters as a set of UTF-16 code units (all of them single units). */
function codes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((char) => char.charCodeAt(0)))
}

const openers = codes('•·▪●◦‣-–—*+>|[(')
const closers = codes('])|')
const endMarks = codes('.:!›»>…|')

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** The end of `text[start, end)` once trailing whitespace and the characters in `drop` are cut. */
function trimEnd(text: string, start: number, end: number, drop: ReadonlySet<number>): number {
  let at = end
  while (at > start && (isWhiteSpace(text.charCodeAt(at - 1)) || drop.has(text.charCodeAt(at - 1)))) at--
  return at
}

/** The end of `text[start, end)` once trailing whitespace alone is cut. */
function trimSpaceEnd(text: string, start: number, end: number): number {
  let at = end
  while (at > start && isWhiteSpace(text.charCodeAt(at - 1))) at--
  return at
}

/** The end of `text[0, end)` without a closing count such as ` (3)` or ` (2 of 5)` and the spaces around it. */
function withoutCount(text: string, end: number): number {
  let at = trimSpaceEnd(text, 0, end)
  if (text.charCodeAt(at - 1) !== 0x29 /* ) */) return end
  at--
  const last = at
  while (at > 0 && isDigit(text.charCodeAt(at - 1))) at--
  if (at === last) return end
  if (text.charCodeAt(at - 1) !== 0x28 /* ( */) {
    // `2 of 5`: the count's own digits, ` of ` in any case, then the digits of the first number.
    if (at < 4 || text.slice(at - 4, at).toLowerCase() !== ' of ') return end
    at -= 4
    const first = at
    while (at > 0 && isDigit(text.charCodeAt(at - 1))) at--
    if (at === first || text.charCodeAt(at - 1) !== 0x28) return end
  }
  return trimSpaceEnd(text, 0, at - 1)
}

/** The end of `text[start, end)` without a trailing number set off by whitespace (` 12`). */
function withoutNumber(text: string, start: number, end: number): number {
  let at = end
  while (at > start && isDigit(text.charCodeAt(at - 1))) at--
  if (at === end || at === start || !isWhiteSpace(text.charCodeAt(at - 1))) return end
  return trimSpaceEnd(text, start, at)
}

/** Runs of whitespace as one space; the text itself when it has none to change (the usual case). */
function collapseSpaces(text: string): string {
  // Two searches without a match are cheaper than a replace that rebuilds the text.
  if (!/[^\S ]/.test(text) && !text.includes('  ')) return text
  return text.replace(/\s+/g, ' ')
}

/**
 * Block texts given in config: literal ones compare by `key`, patterns (`/…/flags`) must match
 * the whole block, as written or `bare`.
 */
export class BlockTexts {
  private readonly keys: ReadonlySet<string>
  private readonly patterns: readonly RE2JS[]

  constructor(list: readonly string[]) {
    const {literals, patterns} = splitPatterns(list)
    this.keys = new Set(literals.map(key))
    this.patterns = patterns
  }

  get size(): number {
    return this.keys.size + this.patterns.length
  }

  /** Whether the list holds a block text; pass its `key` when it is already known. */
  has(text: string, textKey?: string): boolean {
    // Most lists are empty, and keying a long paragraph is not free.
    if (this.size === 0) return false
    if (this.keys.has(textKey ?? key(text))) return true
    if (this.patterns.length === 0) return false
    const whole = text.replace(/\s+/g, ' ').trim()
    const stripped = bare(text)
    return this.patterns.some((pattern) => matchesWhole(pattern, whole) || matchesWhole(pattern, stripped))
  }
}

/** Whole-block phrases and block openings, compiled once per options. */
export interface Lexicon {
  readonly blocks: ReadonlyMap<string, Kind>
  /** The length of the longest key in `blocks`: a longer key is none of them. */
  readonly longestBlock: number
  /** The user's own furniture (`phrases`): literal or `/pattern/`; it reads as a call to action. */
  readonly extra: BlockTexts
  readonly leads: readonly {readonly lead: string; readonly kind: Kind}[]
}

export function compileLexicon(enabled: readonly Kind[], extra: readonly string[]): Lexicon {
  const blocks = new Map<string, Kind>()
  const leads: {lead: string; kind: Kind}[] = []
  for (const kind of Object.keys(data.kinds) as ListedKind[]) {
    if (!enabled.includes(kind)) continue
    for (const phrase of data.kinds[kind].blocks) blocks.set(key(phrase), kind)
    for (const lead of data.kinds[kind].leads) leads.push({lead: lead.toLowerCase(), kind})
  }
  // Longest lead first, so `read more about` wins over `read more`.
  leads.sort((a, b) => b.lead.length - a.lead.length)
  const longestBlock = Math.max(0, ...[...blocks.keys()].map((phrase) => phrase.length))
  return {blocks, longestBlock, leads, extra: new BlockTexts(extra)}
}

/** The kind of a whole-block phrase, by the block's `key`. */
export function listedKind(lexicon: Lexicon, blockKey: string): Kind | undefined {
  // Hashing a long paragraph's key only to miss costs a pass over it; most blocks are such paragraphs.
  return blockKey.length > lexicon.longestBlock ? undefined : lexicon.blocks.get(blockKey)
}

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu

export function wordsOf(text: string): string[] {
  return text.match(wordPattern) ?? []
}

/**
 * `wordsOf(text).length`, counted without building the words: every block is counted. Counting
 * stops once past `limit`, for callers that only ask whether a text is short.
 */
export function countWords(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0
  let inWord = false
  for (let at = 0; at < text.length; at++) {
    let role = wordRole(text.charCodeAt(at))
    if (role === astral) {
      // A letter outside the Basic Multilingual Plane takes two code units.
      const code = text.codePointAt(at) ?? 0
      role = code > 0xffff && letterOrNumber.test(String.fromCodePoint(code)) ? starts : none
      if (code > 0xffff) at++
    }
    if (inWord) inWord = role !== none
    else if (role === starts) {
      count++
      if (count > limit) return count
      inWord = true
    }
  }
  return count
}

/** What a character does in `wordPattern`: nothing, start or continue a word, or only continue one. */
const none = 0
const starts = 1
const continues = 2
/** A high surrogate: what it does depends on the code point it begins. */
const astral = 3
const letterOrNumber = /^[\p{L}\p{N}]$/u
/** Roles in the Basic Multilingual Plane, filled in as met (0 is not known yet, else role + 1). */
const roles = new Uint8Array(0x10000)

function wordRole(code: number): number {
  const known = roles[code] ?? 0
  if (known !== 0) return known - 1
  let role = none
  if (code >= 0xd800 && code <= 0xdbff) role = astral
  else if (letterOrNumber.test(String.fromCharCode(code))) role = starts
  else if ("'’.-".includes(String.fromCharCode(code))) role = continues
  roles[code] = role + 1
  return role
}

/** Ends like a sentence: a full stop, question or exclamation mark, maybe inside a closing quote or bracket. */
export function endsLikeSentence(text: string): boolean {
  // Closing marks after a space (`. ”`) and footnote stars still close the sentence before them.
  const end = trimEnd(text, 0, text.length, sentenceClosers)
  const last = text.charCodeAt(end - 1)
  if (last === 0x21 /* ! */ || last === 0x3f /* ? */) return true
  // A full stop on its own (`word .`) is a flattened paragraph break, not a sentence end.
  return last === 0x2e && end > 1 && !isWhiteSpace(text.charCodeAt(end - 2))
}

const sentenceClosers = codes('*"\'”’»)]')

/** Ends with a colon, maybe followed by whitespace: a lead-in to what follows. */
export function endsWithColon(text: string): boolean {
  return text.charCodeAt(trimSpaceEnd(text, 0, text.length) - 1) === 0x3a
}

/** How many sentences a block holds, roughly: full stops followed by a capital. */
export function sentenceCount(text: string): number {
  return (text.match(/[.!?]["'”’)]*\s+(?=[\p{Lu}"“‘'])/gu) ?? []).length + 1
}

/** Ends with an ellipsis: the mark of a truncated link headline. */
export function endsWithEllipsis(text: string): boolean {
  if (!text.includes('…') && !text.includes('...')) return false
  // Attached to the last word (`heads…`); a spaced ellipsis (`the bottom line …`) leads into what follows.
  return /[^\s.…](?:…|\.\.\.)\s*$/.test(text)
}

const smallWords = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'of',
  'on',
  'or',
  'the',
  'to',
  'vs',
  'with',
  'over',
  'after'
])

/** Headline case: nearly every word that is not a small word starts with a capital or a digit. */
export function isTitleCase(text: string): boolean {
  const words = wordsOf(text).filter((word) => !smallWords.has(word.toLowerCase()))
  if (words.length < 2) return false
  const capitalised = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length
  return capitalised / words.length >= 0.85
}

/** Matches a lead at the start of a block, as whole words. */
export function leadOf(lexicon: Lexicon, lower: string): {lead: string; kind: Kind} | undefined {
  for (const entry of lexicon.leads) {
    if (!lower.startsWith(entry.lead)) continue
    const next = lower.charAt(entry.lead.length)
    if (/[:©]$/.test(entry.lead) || next === '' || !/[\p{L}\p{N}]/u.test(next)) return entry
  }
  return undefined
}

const agencies = [...data.agencies].sort((a, b) => b.length - a.length)
const agencyAlternation = agencies.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')
/** A credit closing a caption: `(Image: GETTY)`, `(AP Photo/Alan Diaz, File)`, `REUTERS/Brendan McDermid`, `Credit: ESA`. */
const trailingCredit = new RegExp(
  '(?:' +
    [
      String.raw`\((?:image|images|photo|photos|picture|pic|credit|source|video)s?\s*:[^)]*\)`,
      String.raw`\((?:[\p{Lu}][\p{L}.&' -]*(?:\/[\p{Lu}][\p{L}.&' -]*)+|${agencyAlternation})(?:\s+photo)?(?:,\s*file)?\)`,
      String.raw`\b(?:reuters|afp|ap|epa|pa)\/[\p{L}][\p{L}.'’-]*(?:\s[\p{L}][\p{L}.'’-]*){0,3}`,
      String.raw`\b(?:credit|photo|image|picture)s?\s*:\s*[^.]{1,60}`,
      String.raw`\bvia (?:${agencyAlternation})`,
      String.raw`\/(?:${agencyAlternation})`,
      String.raw`\bsubmitted photo`,
      String.raw`\(published [^)]*\)`
    ]
      .map((part) => `(?:${part})`)
      .join('|') +
    String.raw`)\s*\.?\s*$`,
  'iu'
)

/**
 * Text that every form of `trailingCredit` holds: a closing bracket, a slash, a colon, `via ` or
 * `submitted photo`. Most paragraphs have none of them, and the credit pattern tries every position.
 */
const creditWords = /via |submitted photo/iu

export function hasTrailingCredit(text: string): boolean {
  return mayEndInCredit(text) && trailingCredit.test(text)
}

/**
 * What every form of `trailingCredit` needs, cheap to check: most paragraphs have none of it, and
 * the pattern itself tries every position of the text.
 */
function mayEndInCredit(text: string): boolean {
  // The credit ends the text, but for whitespace and one full stop.
  let end = trimSpaceEnd(text, 0, text.length)
  if (text.charCodeAt(end - 1) === 0x2e /* . */) end--
  // `(Image: GETTY)`, `(AP Photo/Alan Diaz, File)`, `(published …)`
  if (text.charCodeAt(trimSpaceEnd(text, 0, end) - 1) === 0x29 /* ) */) return true
  // `REUTERS/Brendan McDermid`, `… /Getty Images`
  if (text.includes('/')) return true
  // `Credit: ESA`: no full stop between the colon and the end.
  const colon = text.lastIndexOf(':')
  if (colon >= 0) {
    const stop = text.indexOf('.', colon)
    if (stop < 0 || stop >= end) return true
  }
  return creditWords.test(text)
}

const fullStop = codes('.')
const agencyOnly = new RegExp(`^(?:${agencyAlternation})(?:\\s+(?:photo|images?|pictures?|via\\s+\\S+))?$`, 'i')

/**
 * A block that is only a credit: `Sonu Mehta/Hindustan Times/Getty Images`, `Photo by Jo Bloggs`, `AFP`.
 * `words` is the text's word count when known (trimming full stops and spaces does not change it).
 */
export function isCreditOnly(text: string, words = countWords(text)): boolean {
  const clean = text.slice(0, trimEnd(text, 0, text.length, fullStop)).trim()
  if (agencyOnly.test(clean)) return true
  if (words > 10) return false
  if (/^(?:photo|photograph|picture|image|video)s?\s+(?:by|courtesy|credit)\b/i.test(clean)) return true
  if (/^©/.test(clean)) return true
  // Name/Outlet/Agency: short runs of capitalised words between slashes, naming an agency or three hands.
  // Trimmed in place: the array `map` would make is of another kind once V8 has optimised this,
  // and the code reading it below was thrown away the first time it met that kind.
  const parts = clean.split('/')
  for (let index = 0; index < parts.length; index++) parts[index] = (parts[index] as string).trim()
  if (parts.length < 2 || /https?:|www\.|[()]/.test(clean)) return false
  const named = parts.every((part) => {
    const partWords = wordsOf(part)
    return partWords.length >= 1 && partWords.length <= 4 && partWords.every((word) => /^[\p{Lu}\p{N}@]/u.test(word))
  })
  return named && (parts.length >= 3 || parts.some((part) => agencyOnly.test(part)))
}

const cuePattern = new RegExp(
  String.raw`\((?:pictured|picture|photo|file|left|right|centre|center|above|below|top|bottom|inset|main|second left|second right|front|back|foreground|background)[^)]{0,40}\)|\b(?:${data.captionCues
    .map((cue) => cue.replace(/\s+/g, String.raw`\s+`))
    .join('|')})\b`,
  'i'
)

/** Words that captions use and running copy rarely does: pointing at a picture that is not there. */
export function hasCaptionCue(text: string): boolean {
  return cuePattern.test(text)
}

const month = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
const day = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?`
const stampWords = new RegExp(
  String.raw`^(?:by|and|&|published|updated|posted|last|modified|first|at|on|in|gmt|bst|est|edt|cst|cdt|pst|pdt|utc|cet|ist|aest|am|pm|a\.m\.?|p\.m\.?|${month}|${day}|\d{1,4}(?:st|nd|rd|th)?[.,]?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm)?|\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|hours?|minutes?|mins?|ago|today|yesterday|reporter|correspondent|editor|writer|staff|bureau|news|desk|team|agency|agencies|contributor|columnist|for|the|of|via|mailonline|associated|press|reuters|afp|ap|pa)$`,
  'i'
)
const stampMarker = new RegExp(
  String.raw`\b(?:published|updated|posted|last updated|last modified)\b|\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|gmt|bst|est|edt|utc|ist)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+${month}\s+\d{4}\b|\b${month}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b`,
  'i'
)

/**
 * A byline or timestamp: what is left once the names, dates, times and the words of bylines
 * are set aside is nothing, or a few capitalised words (names, outlets).
 */
export function isByline(text: string): boolean {
  const clean = text.trim()
  const startsBy = /^by\s*[.:]?\s+[\p{Lu}]/u.test(clean)
  const stamped = stampMarker.test(clean)
  if (!startsBy && !stamped) return false
  const words = clean.split(/[\s|•·,;()[\]—–-]+|\s\.(?=\s)/).filter((word) => word !== '' && word !== '.')
  if (words.length > 30) return false
  let names = 0
  for (const raw of words) {
    const word = raw.replace(/[:.,]+$/, '').replace(/^[:.]+/, '')
    if (word === '' || stampWords.test(word) || stampWords.test(raw)) continue
    // A name, initial or outlet; a lowercase word is the story talking.
    if (/^[\p{Lu}@][\p{L}\p{N}'’.@_-]*$/u.test(word)) {
      names++
      continue
    }
    return false
  }
  // A date alone is a dateline's business only when a name or a stamp word comes with it.
  return startsBy ? names >= 1 && names <= 8 : names <= 6 && /\b(?:published|updated|posted)\b|\|\s*by\s/i.test(clean)
}

/** AP-style captions name the picture they describe: `This March 28, 2017, file photo shows …`. */
export function describesPicture(text: string): boolean {
  return /\b(?:file (?:photo|image|picture)|(?:in )?this (?:[\w.’'-]+ ){0,4}(?:photo|photograph|image|picture|handout photo|video grab)|photo taken|pictured)\b/i.test(
    text
  )
}

/** A credit in brackets on its own: `(Walt Disney Co.)`, `(AP)`. */
export function isBracketedCredit(text: string): boolean {
  const inner = /^\(([^()]{2,60})\)$/.exec(text.trim())?.[1]
  if (!inner) return false
  const words = wordsOf(inner)
  return words.length > 0 && words.length <= 6 && words.every((word) => /^[\p{Lu}\p{N}&]/u.test(word))
}

/** Links to a sister site: `On HoustonChronicle.com: …`, `Also on rt.com …`. */
export function isSiteLink(text: string): boolean {
  return /^(?:also |more )?on [\w-]+(?:\.[\w-]+)*\.(?:com|co\.uk|org|net|news|[a-z]{2})\b:?/i.test(text.trim())
}

/** Related-links headers such as `Related articles` are in the lexicon; this names the one-off tags of link lists. */
export function hasLinkTag(text: string): boolean {
  if (!text.includes(']')) return false
  return /\[\s*(?:insight|video|videos|reaction|news|warning|pictures|pics|poll|latest|live|analysis|opinion|revealed)\s*\]\s*\|?\s*$/i.test(
    text
  )
}

/** Whether a block is an image alone (Markdown `![alt](src)`), whose alt text is not copy. */
export function isImageOnly(source: string): boolean {
  const trimmed = source.trim()
  return /^!\[[^\]]*\]\([^)]*\)$/.test(trimmed) || /^<img\b[^>]*>$/i.test(trimmed)
}

export type {Block}
