import { defineStore } from 'pinia'
import { ref } from 'vue'
import { VIEW_IDS, type ViewId } from '../../../src-shared/ipc-contract'

/** Which view is on screen. The menu, the tabs and the keyboard all move it. */
export const useNavStore = defineStore('nav', () => {
  const view = ref<ViewId>('overview')

  function go(next: ViewId): void {
    if (VIEW_IDS.includes(next)) view.value = next
  }

  /** Ctrl/Cmd+1…4 jump to a view, as the menu's accelerators do. */
  function handleKey(event: KeyboardEvent): boolean {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false
    const index = Number(event.key) - 1
    const target = VIEW_IDS[index]
    if (!target) return false
    go(target)
    return true
  }

  return { view, go, handleKey }
})
