/**
 * `docker stats` arithmetic, pure (docker/cli cli/command/container/stats_helpers.go): CPU % from the
 * deltas between a reading and the one before it, memory without the page cache, network and block I/O
 * summed over interfaces and devices.
 */
import type { StatsSample } from './streams';

/** GET /containers/{id}/stats, as far as the CLI reads it (cgroup v1 and v2). */
export interface RawStats {
  read: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }> | null;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op: string; value: number }> | null };
  pids_stats?: { current?: number };
}

export function cpuPercent(s: RawStats): number | null {
  const cpu = s.cpu_stats;
  const pre = s.precpu_stats;
  if (!cpu?.cpu_usage?.total_usage || !pre?.system_cpu_usage) return null;
  const cpuDelta = cpu.cpu_usage.total_usage - (pre.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu.system_cpu_usage ?? 0) - pre.system_cpu_usage;
  const cpus = cpu.online_cpus || cpu.cpu_usage.percpu_usage?.length || 0;
  if (systemDelta <= 0 || cpuDelta < 0) return 0;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/** Usage minus the page cache: cgroup v1 `total_inactive_file`, v2 `inactive_file` (as the CLI since 19.03). */
export function memoryUsage(s: RawStats): number {
  const m = s.memory_stats;
  const usage = m?.usage ?? 0;
  const st = m?.stats ?? {};
  const cache = st.total_inactive_file !== undefined ? st.total_inactive_file : (st.inactive_file ?? 0);
  return cache < usage ? usage - cache : usage;
}

export function toSample(id: string, s: RawStats): StatsSample {
  const memUsage = memoryUsage(s);
  const memLimit = s.memory_stats?.limit ?? 0;
  let netRx = 0;
  let netTx = 0;
  for (const n of Object.values(s.networks ?? {})) {
    netRx += n.rx_bytes ?? 0;
    netTx += n.tx_bytes ?? 0;
  }
  let blockRead = 0;
  let blockWrite = 0;
  for (const entry of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op.toLowerCase();
    if (op === 'read') blockRead += entry.value;
    else if (op === 'write') blockWrite += entry.value;
  }
  return {
    id,
    at: Date.parse(s.read) || Date.now(),
    cpuPercent: cpuPercent(s),
    memUsage,
    memLimit,
    memPercent: memLimit > 0 ? (memUsage / memLimit) * 100 : 0,
    netRx,
    netTx,
    blockRead,
    blockWrite,
    pids: s.pids_stats?.current ?? 0,
  };
}
