import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Notice } from '../../../src-shared/ipc-contract'
import { unwrap, useApi } from '../api'

/** Messages from main the user has not dismissed (e.g. settings were reset). */
export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])

  async function init(): Promise<void> {
    const api = useApi()
    notices.value = await unwrap(api.getNotices())
    api.onNoticesChanged((list) => (notices.value = list))
  }

  async function dismiss(id: string): Promise<void> {
    notices.value = await unwrap(useApi().dismissNotice(id))
  }

  /** A notice raised by the page itself (e.g. a failed request). */
  function postLocal(notice: Notice): void {
    notices.value = [...notices.value.filter((n) => n.id !== notice.id), notice]
  }

  return { notices, init, dismiss, postLocal }
})
