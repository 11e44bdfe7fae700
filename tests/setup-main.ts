import { vi } from 'vitest'

// Main-process tests never load the real Electron: its binary is not here, and
// the glue is tested against a recording stand-in.
vi.mock('electron', () => import('./mocks/electron'))
