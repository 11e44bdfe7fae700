import { describe, expect, it } from 'vitest'
import { LimitError, MAX_FIELDS_PER_ROW, MAX_FIELD_BYTES, checkField } from '../../../src-main/datasets/limits'

describe('checkField', () => {
  it('passes fields within the limits and throws a LimitError naming the row past them', () => {
    expect(() => checkField(3, MAX_FIELDS_PER_ROW - 1, MAX_FIELD_BYTES)).not.toThrow()
    expect(() => checkField(3, MAX_FIELDS_PER_ROW, 1)).toThrow(LimitError)
    try {
      checkField(7, 0, MAX_FIELD_BYTES + 1)
    } catch (err) {
      expect([(err as LimitError).row, (err as Error).message]).toEqual([7, 'a field longer than 128 KiB (Excel holds at most 32,767 characters in a cell; is a " missing?)'])
    }
    expect.assertions(3)
  })
})
