/**
 * Text helpers for SVG composed by hand: escaping, a width estimate good
 * enough to wrap captions without clipping, and wrapping itself.
 */

/** Escapes text for an SVG text node or attribute value. */
export function escapeXml(s: string): string {
  // Control characters are not allowed in XML 1.0 at all.
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/** CJK ideographs, kana, hangul, full-width forms and CJK punctuation take a full em. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  )
}

/**
 * Estimated advance of one character in em. Deliberately a little wide for
 * Latin (Noto Sans averages about 0.52em) so wrapped lines never overflow.
 */
function charEm(ch: string): number {
  const code = ch.codePointAt(0)!
  if (isWide(code)) return 1
  if (ch === ' ') return 0.28
  if (/[il.,:;'|!()[\]{}`]/.test(ch)) return 0.3
  if (/[mwMW@%—–]/.test(ch)) return 0.9
  if (/[A-Z0-9#&]/.test(ch)) return 0.64
  return 0.56
}

/** Estimated width in px of `text` at `fontSize` (bold adds about 5%). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0
  for (const ch of text) em += charEm(ch)
  return em * fontSize * (bold ? 1.05 : 1)
}

/** Splits text into pieces that may not be broken: Latin words (with their trailing space) and single wide characters. */
function tokens(text: string): string[] {
  const out: string[] = []
  let word = ''
  for (const ch of text) {
    if (isWide(ch.codePointAt(0)!)) {
      if (word) out.push(word)
      word = ''
      out.push(ch)
    } else if (ch === ' ') {
      out.push(word + ' ')
      word = ''
    } else {
      word += ch
    }
  }
  if (word) out.push(word)
  return out
}

/** Breaks a word too long for one line into pieces that fit. */
function breakWord(word: string, maxWidth: number, fontSize: number, bold: boolean): string[] {
  const parts: string[] = []
  let cur = ''
  for (const ch of word) {
    if (cur && textWidth(cur + ch, fontSize, bold) > maxWidth) {
      parts.push(cur)
      cur = ''
    }
    cur += ch
  }
  if (cur) parts.push(cur)
  return parts
}

/**
 * Wraps `text` to lines no wider than `maxWidth`, breaking between Latin
 * words or between any two CJK characters. At most `maxLines` lines are
 * returned; when text is cut the last line ends with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, opts: { bold?: boolean; maxLines?: number } = {}): string[] {
  const bold = opts.bold ?? false
  const maxLines = opts.maxLines ?? Infinity
  const lines: string[] = []
  let line = ''
  const push = (): void => {
    lines.push(line.trimEnd())
    line = ''
  }
  for (const tok of tokens(text.replace(/\s+/g, ' ').trim())) {
    if (textWidth((line + tok).trimEnd(), fontSize, bold) <= maxWidth) {
      line += tok
      continue
    }
    if (line.trim()) push()
    else line = ''
    if (textWidth(tok.trimEnd(), fontSize, bold) <= maxWidth) {
      line = tok
    } else {
      const parts = breakWord(tok.trimEnd(), maxWidth, fontSize, bold)
      for (const p of parts.slice(0, -1)) {
        line = p
        push()
      }
      line = parts[parts.length - 1]! + (tok.endsWith(' ') ? ' ' : '')
    }
  }
  if (line.trim()) push()
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]!
  while (last && textWidth(last + '…', fontSize, bold) > maxWidth) last = [...last].slice(0, -1).join('')
  kept[maxLines - 1] = last.trimEnd() + '…'
  return kept
}
