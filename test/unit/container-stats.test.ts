/** `docker stats` arithmetic (docker/cli stats_helpers.go), on hand-made engine readings. */
import { describe, expect, it } from 'vitest';
import { cpuPercent, memoryUsage, toSample, type RawStats } from '../../src/shared/container-stats';

const reading: RawStats = {
  read: '2026-11-28T09:00:00.5Z',
  cpu_stats: { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 120_000_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 2_500_000_000 }, system_cpu_usage: 118_000_000_000 },
  memory_stats: { usage: 50 * 2 ** 20, limit: 64 * 2 ** 20, stats: { total_inactive_file: 10 * 2 ** 20 } },
  networks: { eth0: { rx_bytes: 1000, tx_bytes: 200 }, eth1: { rx_bytes: 24, tx_bytes: 6 } },
  blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 4096 }, { op: 'Write', value: 8192 }, { op: 'Read', value: 4096 }, { op: 'Total', value: 16384 }] },
  pids_stats: { current: 3 },
};

describe('docker stats arithmetic', () => {
  it('CPU %: the container delta over the system delta, times the CPUs (100 = one core)', () => {
    // 0.5 s of container CPU over 2 s of system time on 2 CPUs → 50 %.
    expect(cpuPercent(reading)).toBeCloseTo(50, 10);
  });

  it('has no CPU % for the first reading (no previous one)', () => {
    expect(cpuPercent({ ...reading, precpu_stats: {} })).toBeNull();
  });

  it('memory leaves out the page cache, cgroup v1 and v2', () => {
    expect(memoryUsage(reading)).toBe(40 * 2 ** 20);
    expect(memoryUsage({ ...reading, memory_stats: { usage: 1000, stats: { inactive_file: 300 } } })).toBe(700);
    expect(memoryUsage({ ...reading, memory_stats: { usage: 1000, stats: {} } })).toBe(1000);
  });

  it('sums network interfaces and block devices; memory % of the limit', () => {
    expect(toSample('c1', reading)).toEqual({
      id: 'c1',
      at: Date.parse('2026-11-28T09:00:00.5Z'),
      cpuPercent: 50,
      memUsage: 40 * 2 ** 20,
      memLimit: 64 * 2 ** 20,
      memPercent: 62.5,
      netRx: 1024,
      netTx: 206,
      blockRead: 8192,
      blockWrite: 8192,
      pids: 3,
    });
  });
});
