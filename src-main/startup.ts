/**
 * The catch-all for start-up failures. Without it, a rejected `main()` leaves
 * Electron running with no window and holding the single-instance lock, so
 * every later launch quits at once (there is no window to focus). Instead the
 * user is told why, and the process exits and frees the lock.
 */
import { app, dialog } from 'electron'
import { langFromLocale, type Lang } from '../src-shared/settings'

/** The error box's title and text, in `lang`. */
export function startupFailureText(err: unknown, lang: Lang): { title: string; content: string } {
  const reason = err instanceof Error ? err.message : String(err)
  return lang === 'zh-CN'
    ? { title: 'G60 Briefing 无法启动', content: `${reason}\n\n程序将退出。请重新启动；如果问题反复出现，请报告以上信息。` }
    : { title: 'G60 Briefing could not start', content: `${reason}\n\nThe app will quit. Start it again; if this keeps happening, please report the message above.` }
}

function systemLang(): Lang {
  try {
    return langFromLocale(app.getLocale())
  } catch {
    return 'en'
  }
}

/**
 * Runs `main`. If it rejects, logs the error, shows it in an error box (on
 * Linux before `ready` that goes to stderr), releases the single-instance lock
 * and exits with code 1. Resolves either way.
 */
export async function startOrQuit(main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (err) {
    console.error('[g60] start-up failed:', err)
    const { title, content } = startupFailureText(err, systemLang())
    try {
      dialog.showErrorBox(title, content)
    } finally {
      app.releaseSingleInstanceLock()
      app.exit(1)
    }
  }
}
