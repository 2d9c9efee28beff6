/**
 * The sandboxed preload: exposes exactly one object, `window.masthead`, implementing the
 * MastheadBridge over IPC. The page never gets ipcRenderer itself, only these functions, and
 * only for the channels of the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  electronMediaUrl,
  EVENT_NAMES,
  eventChannel,
  REQUEST_NAMES,
  requestChannel,
  type EventName,
  type MastheadBridge,
  type RequestName,
} from '../../shared/api';

const requestNames = new Set<string>(REQUEST_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

/** The bridge exposed as `window.masthead`. */
const bridge: MastheadBridge = {
  invoke(name, arg) {
    // The page is untrusted: a name outside the contract never becomes an IPC channel.
    if (!requestNames.has(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'bad-request', message: `Masthead has no request named "${String(name)}".` },
      });
    }
    return ipcRenderer.invoke(requestChannel(name as RequestName), arg);
  },
  on(name, listener) {
    if (!eventNames.has(name)) throw new Error(`Masthead has no event named "${String(name)}".`);
    const channel = eventChannel(name as EventName);
    // The IPC event object (with its sender) stays here; the page gets only the payload.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  mediaUrl(postPath, src) {
    // Coerced: the page is untrusted, and the main process checks whatever arrives anyway.
    return electronMediaUrl(String(postPath), String(src));
  },
};

contextBridge.exposeInMainWorld('masthead', bridge);
