/** The desktop entry: the only file (with its ipc/window helpers) that imports electron. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { version } from '../../../package.json';
import { systemClock } from '../core/clock';
import { createCore, type Core } from '../core/create-core';
import { createDockerodeClient } from '../core/engine/docker-client';
import { pickPrivilegeRunner } from '../core/privilege/pick-runner';
import { PKEXEC_PATH } from '../core/privilege/pkexec-runner';
import { shellQuote } from '../../shared/setup';
import { forwardEvents, registerIpc, registerStreams } from './ipc';
import { isAppNavigation } from './sender-check';
import { loadWindowBounds, saveWindowBounds } from './window-state';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString();

let mainWindow: BrowserWindow | undefined;

const SG_PATH = '/usr/bin/sg';

/**
 * Restarts Wharf under `sg <group>` so a group the user was just added to applies without logging out. sg takes
 * the command as one string for /bin/sh -c: the only command string Wharf builds, and only from its own
 * executable path and arguments (process.execPath, process.argv), each single-quoted — never from renderer input.
 * The group name was checked against the POSIX name pattern by the core.
 */
function relaunchWithGroup(group: string): void {
  app.relaunch({ execPath: SG_PATH, args: [group, '-c', shellQuote([process.execPath, ...process.argv.slice(1)])] });
  app.exit(0);
}

/** `npm start -- --docker-host URL` (or WHARF_DOCKER_HOST), like docker -H. */
function dockerHostArg(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--docker-host');
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith('--docker-host='));
  return inline ? inline.slice('--docker-host='.length) : process.env.WHARF_DOCKER_HOST;
}

function createWindow(core: Core): BrowserWindow {
  const userData = app.getPath('userData');
  const bounds = loadWindowBounds(userData);
  const win = new BrowserWindow({
    width: bounds.width,
    height: bounds.height,
    x: bounds.x,
    y: bounds.y,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Wharf',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const remember = (): void => {
    if (win.isDestroyed()) return;
    saveWindowBounds(userData, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);

  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppNavigation(url, appUrl)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // No new windows ever; plain web links (a published container port) open in the user's browser.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  const stopEvents = forwardEvents(core, win);
  win.on('closed', () => {
    stopEvents();
    mainWindow = undefined;
  });
  void win.loadURL(appUrl);
  return win;
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(async () => {
    lockDownSession();
    const core = createCore({
      app: { version, mode: 'desktop', platform: process.platform },
      dockerHost: dockerHostArg(process.argv),
      env: process.env,
      paths: { home: homedir() },
      clock: systemClock,
      createDockerClient: createDockerodeClient,
      // Root runs directly; the desktop session's polkit agent answers pkexec; without pkexec, commands to copy.
      privilegeRunner: pickPrivilegeRunner({ uid: process.getuid?.(), mode: 'desktop', pkexecExists: existsSync(PKEXEC_PATH) }),
      relaunchWithGroup: existsSync(SG_PATH) ? relaunchWithGroup : undefined,
    });
    registerIpc(ipcMain, core, appUrl);
    registerStreams(ipcMain, core, appUrl);
    mainWindow = createWindow(core);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(core);
    });
    app.on('before-quit', () => core.stop());
    await core.start();
  });

  app.on('window-all-closed', () => app.quit());
}
