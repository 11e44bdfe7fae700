/**
 * Writes export files atomically (temporary file, then rename), so an
 * existing file is replaced whole or not at all, and turns the errors a
 * user can meet (full disk, no permission, read-only disk, missing folder)
 * into messages that name the file.
 */
import { mkdir } from 'node:fs/promises'
import { writeFileAtomic } from '../fs/atomic-write'

/** A failed export write, with a message a user can act on, the path, and Node's error code. */
export class ExportWriteError extends Error {
  override name = 'ExportWriteError'
  constructor(
    message: string,
    readonly path: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** A message naming `path` for a failed write or folder creation. */
export function describeWriteError(path: string, err: unknown): ExportWriteError {
  const code = (err as NodeJS.ErrnoException | null)?.code
  const what: Record<string, string> = {
    ENOSPC: `The disk is full: could not write ${path}. Free some space or choose another folder; files written before were kept.`,
    EDQUOT: `The disk quota is used up: could not write ${path}. Free some space or choose another folder; files written before were kept.`,
    EACCES: `No permission to write ${path}. Choose a folder you can write to.`,
    EPERM: `Not allowed to write ${path}. Choose a folder you can write to.`,
    EROFS: `The disk is read-only: could not write ${path}. Choose another folder.`,
    ENOENT: `The folder for ${path} does not exist.`,
    ENOTDIR: `Could not write ${path}: part of that path is a file, not a folder.`,
    EISDIR: `Could not write ${path}: a folder of that name is in the way.`,
    EEXIST: `Could not write ${path}: something of that name is in the way.`,
  }
  const detail = err instanceof Error ? err.message : String(err)
  return new ExportWriteError((code && what[code]) || `Could not write ${path}: ${detail}`, path, code, { cause: err })
}

/** Writes `bytes` to `path` atomically; throws `ExportWriteError` with a clear message. */
export async function writeExport(path: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await writeFileAtomic(path, bytes)
  } catch (err) {
    throw describeWriteError(path, err)
  }
}

/**
 * Creates an export folder (and its parents); throws `ExportWriteError` when it cannot.
 * A recursive `mkdir` reports ENOENT where a folder cannot be made although
 * its parents were there to make it in (a read-only disk, one that went away,
 * a link to nowhere), so that code means "cannot be written", not "does not exist".
 */
export async function ensureExportDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ExportWriteError(
        `Could not create the folder ${dir}: that place cannot be written (the disk may be read-only or removed, or a link there points nowhere). Choose another folder.`,
        dir,
        'ENOENT',
        { cause: err },
      )
    }
    throw describeWriteError(dir, err)
  }
}
