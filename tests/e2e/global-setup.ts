import { ensureBuild } from './build'

/** Builds once before the browser tests, so parallel files never race to build. */
export default function setup(): void {
  ensureBuild()
}
