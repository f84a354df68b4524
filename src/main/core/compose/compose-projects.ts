/**
 * Compose projects from the engine's containers, the way `docker compose ls` finds them: by the
 * com.docker.compose.project label, a status of each state's count in name order ("exited(1), running(2)"), and
 * the config files the containers were made from. A project started in a terminal is found like one Wharf started.
 */
import { COMPOSE_LABELS, type ComposeProject, type ComposeService } from '../../../shared/compose';
import type { EngineContainerSummary } from '../engine/engine-types';

/** "exited(1), running(2)": each state once, in byte order, with how many containers are in it. */
export function combinedStatus(states: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const state of states) counts.set(state, (counts.get(state) ?? 0) + 1);
  return [...counts.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((state) => `${state}(${counts.get(state) ?? 0})`)
    .join(', ');
}

/** `exists` tells whether a config file is on this machine (an adopted project's actions need its files). */
export function projectsOf(containers: readonly EngineContainerSummary[], exists: (file: string) => boolean): ComposeProject[] {
  const byName = new Map<string, EngineContainerSummary[]>();
  for (const c of containers) {
    const name = c.Labels?.[COMPOSE_LABELS.project];
    if (!name) continue;
    byName.set(name, [...(byName.get(name) ?? []), c]);
  }
  const projects: ComposeProject[] = [];
  for (const [name, members] of byName) {
    const services = new Map<string, ComposeService>();
    for (const c of members) {
      const serviceName = c.Labels[COMPOSE_LABELS.service] ?? '';
      const service = services.get(serviceName) ?? { name: serviceName, containers: [], running: 0 };
      service.containers.push(c.Id);
      if (c.State === 'running') service.running += 1;
      services.set(serviceName, service);
    }
    const configFiles = [...new Set(members.map((c) => c.Labels[COMPOSE_LABELS.configFiles] ?? '').filter((f) => f !== ''))].join(',');
    projects.push({
      name,
      status: combinedStatus(members.map((c) => c.State)),
      running: members.filter((c) => c.State === 'running').length,
      total: members.length,
      configFiles,
      workingDir: members.map((c) => c.Labels[COMPOSE_LABELS.workingDir] ?? '').find((d) => d !== '') ?? '',
      filesHere: configFiles !== '' && configFiles.split(',').every(exists),
      services: [...services.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    });
  }
  return projects.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
