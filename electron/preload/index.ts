import { contextBridge, ipcRenderer } from 'electron';
import type { UchaskeBridge } from '../../shared/api/bridge';

/** The page sees only window.uchaske: the call, and the print, save and folder dialogs; nothing of Node or Electron. */
const bridge: UchaskeBridge = {
  transport: 'electron',
  call: (name, input) => ipcRenderer.invoke('uchaske:call', name, input),
  printers: () => ipcRenderer.invoke('uchaske:printers'),
  print: (r) => ipcRenderer.invoke('uchaske:print', r),
  save: (r) => ipcRenderer.invoke('uchaske:save', r),
  chooseFolder: () => ipcRenderer.invoke('uchaske:chooseFolder'),
};
contextBridge.exposeInMainWorld('uchaske', bridge);
