/** A seeded engine for the cleanup tests: shared layers, dangling images, containers with writes, volumes, networks, build cache. */
import type { PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox, runContainer } from '../support/fixtures';

export interface Seed {
  running: string;
}

export async function seedEngine(engine: PrivateEngine): Promise<Seed> {
  await importBusybox(engine);
  await buildImage(engine, 'app:1', 'FROM busybox\nRUN dd if=/dev/zero of=/blob bs=1k count=300\n');
  await buildImage(engine, 'app:2', 'FROM app:1\nRUN dd if=/dev/zero of=/more bs=1k count=50\n');
  // Created is in whole seconds: app:3 must be newer than app:2, not tied with it (the newest-per-repository tests).
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await buildImage(engine, 'app:3', 'FROM busybox\nRUN dd if=/dev/zero of=/three bs=1k count=20\n');
  await buildImage(engine, 'tool:1', 'FROM busybox\nRUN echo one > /v\n');
  // Rebuilding the tag leaves the first build dangling.
  await buildImage(engine, 'tool:1', 'FROM busybox\nRUN echo two > /v\n');
  await buildImage(engine, 'keep:1', 'FROM busybox\nLABEL keep=yes\nRUN echo k > /k\n');
  await buildImage(engine, 'cached:1', 'FROM busybox\nRUN dd if=/dev/zero of=/c bs=1k count=120\n', { buildkit: true });
  await buildImage(engine, 'cached:1', 'FROM busybox\nRUN dd if=/dev/zero of=/c bs=1k count=60\n', { buildkit: true });
  await engine.cliOk(['network', 'create', 'used-net']);
  const running = await runContainer(engine, ['--name', 'web', '--network', 'used-net', '-v', 'data-used:/data', 'app:1', 'sh', '-c', 'echo x > /data/f; sleep 600']);
  await engine.cliOk(['run', '--name', 'stopped-writer', '-v', 'data-named:/d', '-v', '/anon', 'busybox', 'sh', '-c', 'dd if=/dev/zero of=/x bs=1k count=70; dd if=/dev/zero of=/d/f bs=1k count=90; dd if=/dev/zero of=/anon/f bs=1k count=40']);
  await engine.cliOk(['rm', 'stopped-writer']);
  await engine.cliOk(['run', '--name', 'stopped-app3', 'app:3', 'sh', '-c', 'dd if=/dev/zero of=/k bs=1k count=40']);
  await engine.cliOk(['create', '--name', 'never-started', 'tool:1', 'true']);
  await engine.cliOk(['network', 'create', 'spare-net']);
  return { running };
}

/** Lines of a CLI answer, empty ones dropped. */
export function lines(stdout: string): string[] {
  return stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}
