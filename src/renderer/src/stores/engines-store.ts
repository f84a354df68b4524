import { create } from 'zustand';
import type { EngineProbe, EnginesList } from '../../../shared/engines';
import type { WharfErrorInfo } from '../../../shared/errors';
import { call } from '../api';
import { newestOnly } from './newest-only';

interface EnginesStore {
  list: EnginesList | null;
  listError: WharfErrorInfo | null;
  /** Reachability by engine name, probed when the switcher opens; undefined while a probe runs. */
  probes: Record<string, EngineProbe | undefined>;
  /** The engine a switch is under way to. */
  switching: string | null;
  switchError: WharfErrorInfo | null;
  /** `docker context ls`, then a probe of each engine (never on a timer: only when the switcher opens). */
  open(): Promise<void>;
  load(): Promise<void>;
  use(name: string, alsoForCli: boolean): Promise<boolean>;
  /** Trusts an ssh host's key the user saw; the answer is the engine's new probe. */
  trust(name: string, fingerprint: string): Promise<WharfErrorInfo | null>;
}

const turn = newestOnly();

/** The engine switcher's data: the docker CLI's contexts and whether each answers. */
export const useEnginesStore = create<EnginesStore>()((set, get) => ({
  list: null,
  listError: null,
  probes: {},
  switching: null,
  switchError: null,

  async load() {
    const isNewest = turn();
    const answer = await call('engines.list', {});
    if (!isNewest()) return;
    set(answer.ok ? { list: answer.value, listError: null } : { listError: answer.error });
  },

  async open() {
    set({ probes: {}, switchError: null });
    await get().load();
    const engines = get().list?.engines ?? [];
    await Promise.all(
      engines.map(async (engine) => {
        const answer = await call('engines.probe', { name: engine.name });
        const probe: EngineProbe = answer.ok ? answer.value : { name: engine.name, state: 'unreachable', detail: answer.error.message };
        set((s) => ({ probes: { ...s.probes, [engine.name]: probe } }));
      }),
    );
  },

  async trust(name, fingerprint) {
    const answer = await call('engines.trustHostKey', { name, fingerprint });
    if (!answer.ok) return answer.error;
    set((s) => ({ probes: { ...s.probes, [name]: answer.value } }));
    return null;
  },

  async use(name, alsoForCli) {
    set({ switching: name, switchError: null });
    const answer = await call('engines.use', { name, alsoForCli });
    set({ switching: null, ...(answer.ok ? {} : { switchError: answer.error }) });
    await get().load();
    return answer.ok;
  },
}));
