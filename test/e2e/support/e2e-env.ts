import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDockerCliOk, type CliOptions, type CliResult } from '../../support/docker-cli';
import { expect, type Page } from '@playwright/test';
import type { FixtureEngine } from '../../support/fixtures';
import { requestLoginUrl } from './web-mode';

/** What global setup started, shared with the test workers through a file. */
export interface E2eEnv {
  url: string;
  /** The master token (scripts' `Authorization: Bearer`); pages sign in with loginUrl(). */
  token: string;
  dockerHost: string;
  cliConfigDir: string;
  /** The private engine's daemon.json (its dockerd's --config-file), which web mode gets as --daemon-config. */
  daemonConfigPath: string;
  /** The private dockerd's pid (reloads keep it). */
  dockerdPid: number;
  /** The web-mode server's wharf.log (its XDG_STATE_HOME is a folder of the run's own). */
  logPath: string;
}

export const E2E_ENV_FILE = join(__dirname, '../../../test-results/e2e-env.json');

export function e2eEnv(): E2eEnv {
  return JSON.parse(readFileSync(E2E_ENV_FILE, 'utf8')) as E2eEnv;
}

/** The docker CLI against the e2e suite's private engine. */
export function docker(args: string[]): Promise<CliResult> {
  const env = e2eEnv();
  return runDockerCliOk({ host: env.dockerHost, configDir: env.cliConfigDir }, args);
}

/** The harness fixtures (buildImage, importBusybox…) against the e2e engine, with `dir` for their scratch files. */
export function fixtureEngine(dir: string): FixtureEngine {
  const env = e2eEnv();
  return { dir, cliOk: (args: string[], opts?: CliOptions) => runDockerCliOk({ host: env.dockerHost, configDir: env.cliConfigDir }, args, opts) };
}

/** A new single-use login URL of the e2e server (as `npm run serve` prints one), asked with the master token. */
export function loginUrl(): Promise<string> {
  const { url, token } = e2eEnv();
  return requestLoginUrl(url, token);
}

/** Signs the page in through a login URL and waits for the engine to be connected. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(await loginUrl());
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
}

/** Opens Wharf in the page (a login URL), waits for the engine to be connected, then goes to a page by the sidebar. */
export async function openPage(page: Page, name: string): Promise<void> {
  await openApp(page);
  await page.getByTestId(`nav-${name}`).click();
  await expect(page.getByTestId(`page-${name}`)).toBeVisible();
}
