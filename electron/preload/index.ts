import { contextBridge, ipcRenderer } from 'electron';
import type { UchaskeBridge } from '../../shared/api/bridge';

/** The page sees only window.uchaske: one call function, nothing of Node or Electron. */
const bridge: UchaskeBridge = {
  transport: 'electron',
  call: (name, input) => ipcRenderer.invoke('uchaske:call', name, input),
};
contextBridge.exposeInMainWorld('uchaske', bridge);
