/** The only module that touches ipcRenderer: a narrow bridge of verbs (see common/ipc.ts). */
import { contextBridge } from 'electron';

const bridge = { version: 1 } as const;

export type Bridge = typeof bridge;

contextBridge.exposeInMainWorld('wawp', bridge);
