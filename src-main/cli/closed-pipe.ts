/**
 * Command-line output into a pipe that closes early (`npm run validate -- x
 * --show | head`): the reader has all it wanted, so the CLI ends quietly with
 * its exit code instead of an unhandled EPIPE and a stack trace, as `git log |
 * head` and other Unix tools do.
 */

/**
 * Makes a closed stdout end the process quietly. Errors other than EPIPE are
 * rethrown, so a real write failure still shows.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
  })
}
