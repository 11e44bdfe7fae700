/**
 * `npm run schema`: writes the JSON Schema of dataset files for editors,
 * resources/datasets/schema/dataset.schema.json, derived from the rule book
 * (src-shared/dataset-rules.ts). tests/shared/dataset-rules.test.ts checks
 * that the shipped file equals what this writes.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { datasetJsonSchema } from '../src-shared/dataset-schema'

/** Where the schema is shipped, next to the bundled datasets. */
export const SCHEMA_PATH = resolve(import.meta.dirname, '../resources/datasets/schema/dataset.schema.json')

/** The schema file's text: the derived schema as indented JSON with a final newline. */
export function schemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(SCHEMA_PATH, schemaText())
  console.log(`wrote ${SCHEMA_PATH}`)
}
