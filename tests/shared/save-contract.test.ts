/** The reasons a failed save is worded by: every Node code a user meets maps to one, anything else to `other`. */
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../src-shared/i18n'
import { WRITE_FAILURES, writeFailure } from '../../src-shared/save-contract'

describe('writeFailure', () => {
  it('maps the write errors a user can meet to reasons, and unknown ones to other', () => {
    expect(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EIO', undefined, 'constructor'].map(writeFailure)).toEqual([
      'disk-full',
      'quota',
      'no-permission',
      'no-permission',
      'read-only',
      'no-folder',
      'in-the-way',
      'in-the-way',
      'in-the-way',
      'other',
      'other',
      'other',
    ])
  })

  it('has a message for every reason in both languages, naming the path', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const reason of WRITE_FAILURES) expect(MESSAGES[lang].save.errors[reason]).toContain('{path}')
    }
  })
})
