import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDockerCliOk, type CliOptions, type CliResult } from '../../support/docker-cli';
import { expect, type Page } from '@playwright/test';
import type { FixtureEngine } from '../../support/fixtures';

/** What global setup started, shared with the test workers through a file. */
export interface E2eEnv {
  url: string;
  token: string;
  dockerHost: string;
  cliConfigDir: string;
  /** The private engine's daemon.json (its dockerd's --config-file), which web mode gets as --daemon-config. */
  daemonConfigPath: string;
  /** The private dockerd's pid (reloads keep it). */
  dockerdPid: number;
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

/** Opens Wharf in the page (the token URL), waits for the engine to be connected, then goes to a page by the sidebar. */
export async function openPage(page: Page, name: string): Promise<void> {
  const { url, token } = e2eEnv();
  await page.goto(`${url}?token=${token}`);
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
  await page.getByTestId(`nav-${name}`).click();
  await expect(page.getByTestId(`page-${name}`)).toBeVisible();
}
