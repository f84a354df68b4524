import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startPrivateEngine } from '../support/engine-harness';
import { composeConfigDir } from '../support/compose-plugin';
import { importBusybox } from '../support/fixtures';
import { E2E_ENV_FILE, type E2eEnv } from './support/e2e-env';
import { startWebMode } from './support/web-mode';

/** One private engine and one web-mode server for the whole e2e run; the returned function tears both down. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const engine = await startPrivateEngine({ name: 'e2e' });
  try {
    await importBusybox(engine);
    const token = randomBytes(16).toString('hex');
    // wharf.log goes into the engine's folder (XDG_STATE_HOME), not the home of the user running the suite.
    const stateDir = join(engine.dir, 'e2e-state');
    // Its docker CLI folder (contexts, logins) is the run's own too, never the ~/.docker of the user running the suite.
    const wharfDockerConfig = join(engine.dir, 'e2e-wharf-docker-config');
    // Compose (Debian 13's docker-compose 2.26) as a CLI plugin there, for Wharf and for the CLI oracle alike.
    composeConfigDir(wharfDockerConfig);
    // The Registries page edits this engine's daemon.json and reloads this dockerd, never the machine's docker service.
    const web = await startWebMode({
      dockerHost: engine.host,
      token,
      extraArgs: ['--daemon-config', engine.configPath],
      // Wharf's own settings (the engine picked, opened Compose folders, prefix mirrors, presets) too.
      env: { ...process.env, XDG_STATE_HOME: stateDir, XDG_CONFIG_HOME: join(engine.dir, 'e2e-wharf-config'), DOCKER_CONFIG: wharfDockerConfig },
    });
    const cliConfigDir = composeConfigDir(join(engine.dir, 'e2e-cli'));
    const env: E2eEnv = {
      url: web.url,
      token,
      dockerHost: engine.host,
      cliConfigDir,
      daemonConfigPath: engine.configPath,
      dockerdPid: engine.pid ?? 0,
      logPath: join(stateDir, 'wharf', 'wharf.log'),
    };
    mkdirSync(dirname(E2E_ENV_FILE), { recursive: true });
    writeFileSync(E2E_ENV_FILE, JSON.stringify(env, null, 2));
    return async () => {
      await web.stop();
      await engine.destroy();
    };
  } catch (error) {
    await engine.destroy();
    throw error;
  }
}
