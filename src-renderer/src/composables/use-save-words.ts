import { useI18n } from 'vue-i18n'
import type { SaveWords } from '../stores/save'

/** The words a dataset save (`'dataset'`: "Saved … (n figures)") or a table save (`'table'`: "… (n rows)") is reported in, in the UI language. */
export function useSaveWords(kind: 'dataset' | 'table'): SaveWords {
  const { t } = useI18n()
  return {
    saved: (path, n) => t(kind === 'dataset' ? 'save.savedDataset' : 'save.savedTable', { path, n }),
    failed: (reason, path, detail) => t(`save.errors.${reason}`, { path, detail }),
    refused: (message) => t('save.refused', { message }),
  }
}
