/** Powers of ten for turning a digit run with a decimal point into a number without parseFloat. */
export const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i)

/**
 * Reads `bytes[start, end)` as a plain ASCII decimal: an optional `-`, at most
 * 15 digits and at most one `.` (only if `allowFraction`). Anything else (spaces,
 * grouping commas, `%`, exponents, full-width digits) gives NaN, and the caller
 * falls back to the tolerant parser.
 */
export function plainDecimal(bytes: Uint8Array, start: number, end: number, allowFraction: boolean): number {
  let k = start
  const neg = bytes[k] === 45
  if (neg) k++
  let mant = 0
  let digits = 0
  let frac = -1
  for (; k < end; k++) {
    const ch = bytes[k]!
    if (ch >= 48 && ch <= 57) {
      mant = mant * 10 + (ch - 48)
      digits++
      if (frac >= 0) frac++
    } else if (ch === 46 && frac < 0) frac = 0
    else break
  }
  if (k !== end || digits === 0 || digits > 15 || (frac >= 0 && !allowFraction)) return NaN
  const v = frac > 0 ? mant / POW10[frac]! : mant
  return neg ? -v : v
}
