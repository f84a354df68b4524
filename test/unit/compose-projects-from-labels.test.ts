/** Compose projects from container labels, with `docker compose ls`'s status text. */
import { describe, expect, it } from 'vitest';
import { combinedStatus, projectsOf } from '../../src/main/core/compose/compose-projects';
import type { EngineContainerSummary } from '../../src/main/core/engine/engine-types';

const container = (id: string, state: string, labels: Record<string, string>): EngineContainerSummary =>
  ({ Id: id, Names: [`/${id}`], Image: 'busybox', ImageID: 'sha256:0', Command: 'sh', Created: 0, State: state, Status: '', Ports: [], Labels: labels, Mounts: [] }) as EngineContainerSummary;

describe('docker compose ls, from labels', () => {
  it('each state once with its count, in byte order', () => {
    expect(combinedStatus(['running', 'exited', 'running'])).toBe('exited(1), running(2)');
    expect(combinedStatus(['running'])).toBe('running(1)');
    expect(combinedStatus([])).toBe('');
  });

  it('groups by project, services by name, config files once; containers of no project are left out', () => {
    const labels = (project: string, service: string) => ({ 'com.docker.compose.project': project, 'com.docker.compose.service': service, 'com.docker.compose.project.config_files': `/srv/${project}/compose.yaml`, 'com.docker.compose.project.working_dir': `/srv/${project}` });
    const projects = projectsOf([container('a1', 'running', labels('shop', 'web')), container('a2', 'exited', labels('shop', 'db')), container('b1', 'running', labels('blog', 'web')), container('c1', 'running', {})], (file) => file.startsWith('/srv/shop/'));
    expect(projects.map((p) => [p.name, p.status, p.running, p.total, p.configFiles, p.workingDir])).toEqual([
      ['blog', 'running(1)', 1, 1, '/srv/blog/compose.yaml', '/srv/blog'],
      ['shop', 'exited(1), running(1)', 1, 2, '/srv/shop/compose.yaml', '/srv/shop'],
    ]);
    // Adopted: the shop's files are on this machine, the blog's are not.
    expect(projects.map((p) => p.filesHere)).toEqual([false, true]);
    expect(projects[1]?.services.map((s) => [s.name, s.containers, s.running])).toEqual([
      ['db', ['a2'], 0],
      ['web', ['a1'], 1],
    ]);
  });
});
