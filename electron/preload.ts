import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_CHANNELS, type Bridge, type ServerEvent } from '../shared/contract/bridge';

/**
 * The whole bridge: one call function and one event subscription. Method names and
 * inputs are checked again on the main side (sender frame + zod).
 */
const bridge: Bridge = {
  call: (method, input) => ipcRenderer.invoke(BRIDGE_CHANNELS.call, method, input),
  onEvent: (listener) => {
    const handler = (_e: IpcRendererEvent, event: ServerEvent) => listener(event);
    ipcRenderer.on(BRIDGE_CHANNELS.event, handler);
    return () => ipcRenderer.removeListener(BRIDGE_CHANNELS.event, handler);
  },
  openProjector: (route) => ipcRenderer.invoke(BRIDGE_CHANNELS.projector, route),
};

contextBridge.exposeInMainWorld('bpge', bridge);
