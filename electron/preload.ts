import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The whole bridge: one call function and one event subscription. Method names and
 * inputs are checked again on the main side (sender frame + zod).
 */
const bridge = {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('bpge:call', method, input),
  onEvent: (listener: (event: { name: string; payload: unknown }) => void): (() => void) => {
    const handler = (_e: IpcRendererEvent, event: { name: string; payload: unknown }) => listener(event);
    ipcRenderer.on('bpge:event', handler);
    return () => ipcRenderer.removeListener('bpge:event', handler);
  },
  /** Opens (or re-targets) the projector's second window at a #/proyector/… route. */
  openProjector: (route: string): Promise<unknown> => ipcRenderer.invoke('bpge:projector', route),
};

export type Bridge = typeof bridge;

contextBridge.exposeInMainWorld('bpge', bridge);
