import path from 'node:path';
import fs from 'node:fs';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  session,
  utilityProcess,
  type IpcMainInvokeEvent,
} from 'electron';
import { BackendClient, type BackendChild } from '../backend/process/client';
import { toArgs, type FromBackend } from '../backend/process/protocol';
import type { PrintRequest, SaveRequest } from '../../shared/api/bridge';
import { removeAbandoned, saveChosen } from './savedFiles';

/**
 * The thin Electron glue: one hardened window, the renderer from the app:// protocol, the backend in a utility
 * process reached over its MessagePort, and what only the main process can do — the print dialog and the save
 * dialog. The main process holds no database and builds no document.
 */
const ORIGIN = 'app://uchaske';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

const rendererDir = path.join(import.meta.dirname, '../renderer');
const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources');
const printSettingsFile = () => path.join(app.getPath('userData'), 'print.json');
const savesJournal = () => path.join(app.getPath('userData'), 'saves-in-progress.json');
let backend: BackendClient | null = null;

function serveRenderer(): void {
  protocol.handle('app', (req) => {
    const url = new URL(req.url);
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.normalize(path.join(rendererDir, rel));
    if (url.host !== 'uchaske' || !file.startsWith(rendererDir + path.sep) || !fs.existsSync(file))
      return new Response('not found', { status: 404 });
    const type =
      {
        '.html': 'text/html',
        '.js': 'text/javascript',
        '.mjs': 'text/javascript',
        '.css': 'text/css',
        '.svg': 'image/svg+xml',
      }[path.extname(file)] ?? 'application/octet-stream';
    return new Response(fs.readFileSync(file), { headers: { 'content-type': type, 'content-security-policy': CSP } });
  });
}

/** The backend process: a utility process, started again (locked) by BackendClient if it dies. */
function spawnBackend(dataDir: string): () => BackendChild {
  return () => {
    const child = utilityProcess.fork(
      path.join(import.meta.dirname, 'backendProcess.js'),
      toArgs({
        dataDir,
        resourcesDir,
        appVersion: app.getVersion(),
        // a test's own release key, for a run from the sources only: a packaged program trusts its built-in keys
        updateKeys: app.isPackaged ? undefined : process.env.UCHASKE_TEST_UPDATE_KEYS?.split(','),
      }),
      {
        serviceName: 'Uchaske backend',
        stdio: 'inherit',
      },
    );
    return {
      get pid() {
        return child.pid;
      },
      post: (m) => child.postMessage(m),
      onMessage: (l) => void child.on('message', (m: FromBackend) => l(m)),
      onExit: (l) => void child.on('exit', (code) => l(code)),
      kill: () => void child.kill(),
    };
  };
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.removeMenu();
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(`${ORIGIN}/`)) e.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${ORIGIN}/`);
}

/** Only our own top frame may reach the backend or the dialogs. */
function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && frame.url.startsWith(`${ORIGIN}/`);
}

function lastPrinter(): string | undefined {
  try {
    const v = (JSON.parse(fs.readFileSync(printSettingsFile(), 'utf8')) as { printer?: unknown }).printer;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } } as const;

function handleIpc(): void {
  ipcMain.handle('uchaske:call', (event, name: unknown, input: unknown) =>
    fromOurPage(event) && backend ? backend.call(String(name), input) : FORBIDDEN,
  );

  // the printers, the last one used first: the system dialog opens on it
  ipcMain.handle('uchaske:printers', async (event) => {
    if (!fromOurPage(event)) return [];
    const printers = await event.sender.getPrintersAsync();
    const last = lastPrinter();
    return printers
      .map((p) => ({ name: p.name, displayName: p.displayName || p.name }))
      .sort((a, b) => Number(b.name === last) - Number(a.name === last));
  });

  // the page's print container (the rendered pages) through the system print dialog
  ipcMain.handle('uchaske:print', (event, raw: PrintRequest) => {
    if (!fromOurPage(event)) return { printed: false };
    const deviceName = typeof raw?.printer === 'string' ? raw.printer : lastPrinter();
    return new Promise((resolve) => {
      event.sender.print(
        {
          silent: false,
          printBackground: true,
          deviceName,
          landscape: raw?.landscape === true,
          pageSize: 'A4',
          margins: { marginType: 'none' },
        },
        (printed) => {
          // remembering the printer is a convenience: a failure to write it must not leave the page waiting
          if (printed && deviceName)
            fs.promises.writeFile(printSettingsFile(), JSON.stringify({ printer: deviceName })).catch(() => undefined);
          resolve({ printed });
        },
      );
    });
  });

  // a folder for the copies (a USB drive, a share): the backend checks it before it keeps it
  ipcMain.handle('uchaske:chooseFolder', async (event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!fromOurPage(event) || !win) return null;
    const chosen = await dialog.showOpenDialog(win, { properties: ['openDirectory', 'createDirectory'] });
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  });

  // a file the backend made, where the person chooses
  ipcMain.handle('uchaske:save', async (event, raw: SaveRequest) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!fromOurPage(event) || !win || typeof raw?.fileName !== 'string' || typeof raw.base64 !== 'string')
      return { saved: false };
    const ext = path.extname(raw.fileName).slice(1);
    const chosen = await dialog.showSaveDialog(win, {
      defaultPath: path.join(app.getPath('documents'), path.basename(raw.fileName)),
      filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
    });
    if (chosen.canceled || !chosen.filePath) return { saved: false };
    await saveChosen(chosen.filePath, Buffer.from(raw.base64, 'base64'), savesJournal());
    return { saved: true, fileName: path.basename(chosen.filePath) };
  });
}

void app.whenReady().then(() => {
  removeAbandoned(savesJournal());
  backend = new BackendClient(spawnBackend(path.join(app.getPath('userData'), 'data')));
  // an update's installer has started (electron-updater, in the backend process): it needs the program closed
  backend.onQuitRequest = () => app.quit();
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer();
  handleIpc();
  createWindow();
});

app.on('web-contents-created', (_e, wc) => {
  wc.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('window-all-closed', () => app.quit());
// the backend locks (and makes its copy) before the program ends
let backendClosed = false;
app.on('before-quit', (e) => {
  if (backendClosed || !backend) return;
  e.preventDefault();
  void backend.close().finally(() => {
    backendClosed = true;
    app.quit();
  });
});
