import { create } from 'zustand';
import type { CleanupWizard } from '../../../../shared/cleanup';

/** Kept in this browser profile (localStorage), like the theme and the language. */
const STORAGE_KEY = 'wharf.cleanup';

export interface CleanupSettingsValues {
  /** The protect list: reference globs or label=key[=value], one per entry. */
  protect: string[];
  reminderOn: boolean;
  /** Reminder threshold, in GB (10^9 bytes, as docker system df counts). */
  thresholdGb: number;
}

const DEFAULTS: CleanupSettingsValues = { protect: [], reminderOn: false, thresholdGb: 10 };

function load(): CleanupSettingsValues {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<CleanupSettingsValues>;
    return {
      protect: Array.isArray(raw.protect) ? raw.protect.filter((p): p is string => typeof p === 'string') : DEFAULTS.protect,
      reminderOn: typeof raw.reminderOn === 'boolean' ? raw.reminderOn : DEFAULTS.reminderOn,
      thresholdGb: typeof raw.thresholdGb === 'number' && raw.thresholdGb > 0 ? raw.thresholdGb : DEFAULTS.thresholdGb,
    };
  } catch {
    return DEFAULTS; // stored text that is not JSON (edited by hand, another version): the defaults, as on first run
  }
}

interface CleanupSettingsStore extends CleanupSettingsValues {
  update(patch: Partial<CleanupSettingsValues>): void;
  /** A wizard the page should open when it shows (the reminder badge asks for Quick clean). */
  pendingWizard: CleanupWizard | null;
  requestWizard(wizard: CleanupWizard | null): void;
}

export const useCleanupSettings = create<CleanupSettingsStore>()((set, get) => ({
  ...load(),
  pendingWizard: null,
  update(patch) {
    set(patch);
    const { protect, reminderOn, thresholdGb } = get();
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ protect, reminderOn, thresholdGb }));
    } catch {
      // Storage full or disabled: the setting holds for this session.
    }
  },
  requestWizard(wizard) {
    set({ pendingWizard: wizard });
  },
}));

/** The protect list as typed in a textarea: one pattern per line, blanks dropped. */
export function parseProtect(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
