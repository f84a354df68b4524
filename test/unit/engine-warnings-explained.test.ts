/** Each `docker info` warning, as moby words it, gets its meaning and fix; one Wharf does not know stays as it is. */
import { describe, expect, it } from 'vitest';
import { explainWarning } from '../../src/renderer/src/pages/dashboard/engine-warnings';
import { catalogs } from '../../src/renderer/src/i18n/catalogs';

const MOBY = [
  ['WARNING: IPv4 forwarding is disabled', 'ipv4Forwarding'],
  ['WARNING: bridge-nf-call-iptables is disabled', 'bridgeNf'],
  ['WARNING: bridge-nf-call-ip6tables is disabled', 'bridgeNf'],
  ['WARNING: No swap limit support', 'swapLimit'],
  ['WARNING: No memory limit support', 'memoryLimit'],
  ['WARNING: No cpu cfs quota support', 'cpuLimit'],
  ['WARNING: No cpuset support', 'cpuLimit'],
  ['WARNING: No kernel memory TCP limit support', 'kernelMemoryTcp'],
  ['WARNING: No oom kill disable support', 'oomKillDisable'],
  ['WARNING: No blkio throttle.read_bps_device support', 'blkio'],
  ['WARNING: Support for cgroup v1 is deprecated and planned to be removed by no later than May 2029 (https://github.com/moby/moby/issues/51111)', 'cgroupV1'],
  ['WARNING: API is accessible on http://0.0.0.0:2375 without encryption.\n         Access to the remote API is equivalent to root access on the host.', 'plainTcp'],
] as const;

describe('explainWarning', () => {
  it.each(MOBY)('%j is explained as %s, in both languages', (text, id) => {
    const w = explainWarning(text);
    expect(w).toMatchObject({ text, id });
    expect(catalogs.en.dashboard.engineWarning[id]).toBeTruthy();
    expect(catalogs['zh-CN'].dashboard.engineWarning[id]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a warning it does not know keeps the engine text and no fix', () => {
    expect(explainWarning('WARNING: something new')).toEqual({ text: 'WARNING: something new', id: null, fix: [] });
  });

  it('IPv4 forwarding comes with the commands that turn it on now and after a reboot', () => {
    expect(explainWarning('WARNING: IPv4 forwarding is disabled').fix).toEqual(['sudo sysctl -w net.ipv4.ip_forward=1', "echo 'net.ipv4.ip_forward = 1' | sudo tee /etc/sysctl.d/99-docker-forward.conf"]);
  });
});
