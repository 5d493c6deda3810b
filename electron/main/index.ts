import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { Backend } from '../backend/backend';
import { createRouter } from '../backend/rpc';

/**
 * The thin Electron glue: one hardened window, the renderer from the app:// protocol,
 * and one IPC channel into the same router the browser host uses.
 */
const ORIGIN = 'app://uchaske';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

const rendererDir = path.join(import.meta.dirname, '../renderer');
const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources');
let backend: Backend;

function serveRenderer(): void {
  protocol.handle('app', (req) => {
    const url = new URL(req.url);
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.normalize(path.join(rendererDir, rel));
    if (url.host !== 'uchaske' || !file.startsWith(rendererDir + path.sep) || !fs.existsSync(file))
      return new Response('not found', { status: 404 });
    const type =
      { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }[
        path.extname(file)
      ] ?? 'application/octet-stream';
    return new Response(fs.readFileSync(file), { headers: { 'content-type': type, 'content-security-policy': CSP } });
  });
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

void app.whenReady().then(() => {
  backend = new Backend({ dataDir: path.join(app.getPath('userData'), 'data'), resourcesDir });
  const router = createRouter(backend);
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer();
  ipcMain.handle('uchaske:call', (event, name: unknown, input: unknown) => {
    // only our own top frame may call the backend
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !frame.url.startsWith(`${ORIGIN}/`)) {
      return { ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } };
    }
    return router.call(String(name), input);
  });
  createWindow();
});

app.on('web-contents-created', (_e, wc) => {
  wc.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => backend?.lock());
