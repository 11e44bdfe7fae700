/** `npm run schema`: the shipped JSON Schema is exactly the one derived from the rule book. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SCHEMA_PATH, schemaText } from '../../scripts/write-schema'

describe('resources/datasets/schema/dataset.schema.json', () => {
  it('equals the schema derived from src-shared/dataset-schema.ts (run `npm run schema` after changing a rule)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText())
  })
})
