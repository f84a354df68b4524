/** The desktop entry: the only file (with its ipc/window helpers) that imports electron. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { version } from '../../../package.json';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { systemClock } from '../core/clock';
import { createCore, type Core } from '../core/create-core';
import { createDockerodeClient } from '../core/engine/docker-client';
import { stderrLogger } from '../core/log';
import { logDirectory, openLogFile } from '../core/log-file';
import { pickPrivilegeRunner } from '../core/privilege/pick-runner';
import { PKEXEC_PATH } from '../core/privilege/pkexec-runner';
import { installProcessGuard } from '../process-guard';
import { shellQuote } from '../../shared/shell-quote';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-scheme';
import { rootRefusedText } from './desktop-messages';
import { forwardEvents, registerIpc, registerStreams } from './ipc';
import { openExternalLink } from './open-external';
import { createRendererHandler } from './renderer-protocol';
import { decideRootStart } from './root-guard';
import { isAppNavigation } from './sender-check';
import { loadWindowBounds, saveWindowBounds } from './window-state';

// First: an exception thrown in a library callback is logged and Wharf keeps running, instead of Electron's
// "A JavaScript error occurred in the main process" dialog.
const log = openLogFile(logDirectory(process.env, homedir()), stderrLogger);
installProcessGuard(log);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
// The built renderer is served from wharf://app/ (see app-scheme.ts), never from file://.
const appUrl = devServerUrl ?? APP_INDEX_URL;
const rendererDir = join(__dirname, '../renderer');

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
  // Middle-click on a link asks for a new window through setWindowOpenHandler below (disposition background-tab),
  // so it gets the same rules as any link; Auxclick stays on because the terminal's middle-click paste uses it.
  const win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    width: bounds.width,
    height: bounds.height,
    x: bounds.x,
    y: bounds.y,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Wharf',
    webPreferences: {
      // Reviewed: the sandboxed preload exposes only the contract's methods and event subscriptions (src/preload).
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
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

  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // No new windows ever; web links (a published container port, Docker's docs) go to the user's browser
    // under openExternalLink's rules.
    void openExternalLink(win, url, log, app.getLocale());
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
  // wharf://app/ responses carry the CSP from the protocol handler; this covers the dev server (npm run dev).
  // Electronegativity cannot read an imported constant (it reports "invalid CSP"); it checks the same policy in
  // index.html, and a unit test keeps the two equal.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }); // eng-disable CSP_GLOBAL_CHECK
  });
}

if (decideRootStart({ uid: process.getuid?.(), argv: process.argv, env: process.env }) === 'refuse-root') {
  // Before any window or language choice exists: both languages on stderr, and a failing exit status.
  process.stderr.write(rootRefusedText());
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Before ready: wharf:// must be a standard, secure scheme for the page to have an origin of its own.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, not only the app window's: no new windows, no navigation off the app page.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppNavigation(url, appUrl)) event.preventDefault();
    });
  });

  void app.whenReady().then(async () => {
    lockDownSession();
    protocol.handle(APP_SCHEME, createRendererHandler(rendererDir, CONTENT_SECURITY_POLICY));
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
      logger: log,
      openLogFolder: async () => {
        const failure = await shell.openPath(logDirectory(process.env, homedir()));
        if (failure) throw new Error(failure);
      },
      // The Compose page's "Choose…": a folder or a compose file, picked in the OS's own dialog.
      pickPath: async () => {
        const options: Electron.OpenDialogOptions = { properties: ['openFile', 'openDirectory'], filters: [{ name: 'Compose', extensions: ['yaml', 'yml'] }] };
        const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return picked.canceled ? null : (picked.filePaths[0] ?? null);
      },
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
