/**
 * `docker info`'s warnings, as the engine writes them (moby daemon/info*.go), matched to what each one means for
 * the user and how it is fixed. The engine's own text is always shown too; one Wharf does not know stays as it is.
 */
export const ENGINE_WARNINGS = [
  { id: 'ipv4Forwarding', pattern: /^WARNING: IPv4 forwarding is disabled/, fix: ['sudo sysctl -w net.ipv4.ip_forward=1', "echo 'net.ipv4.ip_forward = 1' | sudo tee /etc/sysctl.d/99-docker-forward.conf"] },
  { id: 'bridgeNf', pattern: /^WARNING: bridge-nf-call-ip6?tables is disabled/, fix: ['sudo modprobe br_netfilter', "echo br_netfilter | sudo tee /etc/modules-load.d/br_netfilter.conf"] },
  { id: 'swapLimit', pattern: /^WARNING: No swap limit support/, fix: [] },
  { id: 'memoryLimit', pattern: /^WARNING: No memory limit support/, fix: [] },
  { id: 'cpuLimit', pattern: /^WARNING: No cpu (cfs quota|cfs period|shares) support|^WARNING: No cpuset support/, fix: [] },
  { id: 'kernelMemoryTcp', pattern: /^WARNING: No kernel memory TCP limit support/, fix: [] },
  { id: 'oomKillDisable', pattern: /^WARNING: No oom kill disable support/, fix: [] },
  { id: 'blkio', pattern: /^WARNING: No blkio /, fix: [] },
  { id: 'cgroupV1', pattern: /^WARNING: Support for cgroup v1 is deprecated/, fix: [] },
  { id: 'plainTcp', pattern: /^WARNING: API is accessible on http:\/\//, fix: [] },
] as const;

export type EngineWarningId = (typeof ENGINE_WARNINGS)[number]['id'];

export interface ExplainedWarning {
  text: string;
  /** What it means and what to do (i18n key dashboard.engineWarning.<id>); null when Wharf does not know it. */
  id: EngineWarningId | null;
  /** Commands that fix it, to run as root (none when the fix is a kernel or boot setting). */
  fix: readonly string[];
}

export function explainWarning(text: string): ExplainedWarning {
  const known = ENGINE_WARNINGS.find((w) => w.pattern.test(text.trim()));
  return known ? { text, id: known.id, fix: known.fix } : { text, id: null, fix: [] };
}
