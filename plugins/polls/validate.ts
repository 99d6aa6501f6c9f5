import { AppError } from '../../src/errors.js'

/** Bounds of a poll (messenger-api.md: 2–10 options; the issue: at most 7 days). */
export const POLL_LIMITS = {
  questionMax: 300,
  optionTextMax: 100,
  optionsMin: 2,
  optionsMax: 10,
  /** peka2 positions are the client's own numbers: whole numbers in this range, each once */
  positionMax: 1000,
  durationMinSeconds: 10,
  durationMaxSeconds: 7 * 24 * 3600,
} as const

const invalid = (field: string, rule: string) => new AppError('INVALID_INPUT', `${field}: ${rule}`, { field })

/** A text trimmed and within 1…max characters. */
export function checkText(value: string, field: string, max: number): string {
  const text = value.trim()
  if (!text) throw invalid(field, 'must not be empty')
  if (Array.from(text).length > max) throw invalid(field, `must be at most ${max} characters`)
  return text
}

export interface OptionInput {
  /** peka2 sends its own; left out, options are numbered 1, 2, 3 … in the order given */
  position?: number | null
  text: string
}

/** 2–10 options, each with a text and a position of its own. */
export function checkOptions(options: readonly OptionInput[], field = 'options') {
  const { optionsMin, optionsMax, optionTextMax, positionMax } = POLL_LIMITS
  if (options.length < optionsMin || options.length > optionsMax)
    throw invalid(field, `a poll has ${optionsMin} to ${optionsMax} options, got ${options.length}`)
  const seen = new Set<number>()
  return options.map((o, i) => {
    const position = o.position ?? i + 1
    if (!Number.isInteger(position) || position < 0 || position > positionMax)
      throw invalid(`${field}[${i}].position`, `must be a whole number from 0 to ${positionMax}`)
    if (seen.has(position)) throw invalid(`${field}[${i}].position`, `position ${position} is given twice`)
    seen.add(position)
    return { position, text: checkText(o.text, `${field}[${i}].text`, optionTextMax) }
  })
}

/** A poll's length in whole seconds: 10 seconds to 7 days. */
export function checkDuration(seconds: number, field: string): number {
  const { durationMinSeconds: min, durationMaxSeconds: max } = POLL_LIMITS
  if (!Number.isInteger(seconds) || seconds < min || seconds > max)
    throw invalid(field, `must be a whole number of seconds from ${min} to ${max} (7 days)`)
  return seconds
}

/** A list of distinct option ids of this poll, one unless the poll is multiple-choice. */
export function checkChoice(optionIds: readonly number[], positions: Map<number, number>, multiple: boolean) {
  const ids = [...new Set(optionIds)]
  if (!ids.length) throw invalid('optionIds', 'choose an option')
  if (!multiple && ids.length > 1) throw invalid('optionIds', 'this poll takes one option per voter')
  for (const id of ids)
    if (!positions.has(id))
      throw new AppError('POLL_OPTION_NOT_FOUND', `optionIds: the poll has no option ${id}`, { field: 'optionIds' })
  return ids
}
