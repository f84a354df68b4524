import type { PrivateEngine } from './engine-harness';

/**
 * Every object a private engine has, by ID and name, listed with the docker CLI as a user would: two calls of this
 * around something that must change nothing on the engine compare equal.
 */
export async function engineObjects(engine: PrivateEngine): Promise<string> {
  const list = async (args: string[]): Promise<string> => (await engine.cliOk(args)).stdout.split('\n').sort().join('\n');
  return [
    await list(['image', 'ls', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}']),
    await list(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.State}}']),
    await list(['volume', 'ls', '--format', '{{.Name}}']),
    await list(['network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}}']),
  ].join('\n--\n');
}
