// Every rule copydesk ships, in the order `copydesk rules` lists them.
import {rule as loadedWording} from '../rules/loaded-wording/index.js'
import {rule as paragraphLength} from '../rules/paragraph-length/index.js'
import {rule as passiveVoice} from '../rules/passive-voice/index.js'
import {rule as readability} from '../rules/readability/index.js'
import {rule as sentenceLength} from '../rules/sentence-length/index.js'
import {rule as simplerWording} from '../rules/simpler-wording/index.js'
import {rule as strayWidgetText} from '../rules/stray-widget-text/index.js'
import {rule as unattributedClaim} from '../rules/unattributed-claim/index.js'
import type {AnyRule} from './kit/types.js'

export const rules: readonly AnyRule[] = [
  unattributedClaim,
  loadedWording,
  strayWidgetText,
  readability,
  sentenceLength,
  paragraphLength,
  passiveVoice,
  simplerWording
] as readonly AnyRule[]

export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.meta.id, rule]))
