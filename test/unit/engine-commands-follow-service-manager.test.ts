/** The commands shown for an engine that is not running start the service this machine uses, for the socket in use. */
import { describe, expect, it } from 'vitest';
import { engineCommands } from '../../src/renderer/src/components/engine-commands';

const commands = (...args: Parameters<typeof engineCommands>): string[] => (engineCommands(...args) ?? []).map((c) => c.command);

describe('engineCommands', () => {
  it('starts the service with the manager Setup found', () => {
    expect(commands('not-running', 'unix:///var/run/docker.sock', 'systemd')).toEqual(['sudo systemctl start docker']);
    expect(commands('not-running', 'unix:///var/run/docker.sock', 'sysv')).toEqual(['sudo service docker start']);
    expect(commands('not-running', 'unix:///run/docker.sock', 'none')).toEqual(['sudo dockerd']);
  });

  it('does not offer the system service for an engine on another socket or host', () => {
    expect(commands('not-running', 'unix:///home/me/.docker/run/docker.sock', 'systemd')).toEqual(['ls -l /home/me/.docker/run/docker.sock', 'docker context ls']);
    expect(commands('not-running', 'ssh://me@server', 'systemd')).toEqual(['docker context ls']);
  });
});

describe('engineCommands for an engine on another host', () => {
  it('ssh://: ask the host the way a terminal would, then the CLI on the same context', () => {
    expect(commands('unreachable', 'ssh://ops@build.example:2222', null, 'build')).toEqual(['ssh -p 2222 ops@build.example docker version', 'docker --context build version']);
    expect(commands('unreachable', 'ssh://lab', null)).toEqual(['ssh lab docker version']);
  });

  it('tcp:// from a context: the CLI on that context; from DOCKER_HOST: what DOCKER_HOST says', () => {
    expect(commands('unreachable', 'tcp://10.0.0.5:2376', null, 'prod')).toEqual(['docker --context prod version', 'docker context ls']);
    expect(commands('unreachable', 'tcp://10.0.0.5:2376', null, 'default')).toEqual(['echo "$DOCKER_HOST"', 'docker context ls']);
  });
});
