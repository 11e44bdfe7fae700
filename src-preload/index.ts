/**
 * The preload: exposes the named API built from `ipcRenderer.invoke`, and
 * nothing else. Listeners receive payloads only, never Electron's event.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { EventChannels, EventChannel } from '../src-shared/ipc-contract'
import { API_GLOBAL, createApi, type Invoke, type Subscribe } from '../src-shared/preload-api'

const invoke = ((channel: string, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as Invoke

const subscribe: Subscribe = <E extends EventChannel>(channel: E, listener: (payload: EventChannels[E]) => void) => {
  const wrapped = (_event: unknown, payload: EventChannels[E]) => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => void ipcRenderer.removeListener(channel, wrapped)
}

contextBridge.exposeInMainWorld(API_GLOBAL, createApi(invoke, subscribe, (file) => webUtils.getPathForFile(file)))
