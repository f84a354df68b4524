import { create } from 'zustand';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'wharf.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

function savedChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system'; // storage disabled: follow the system
  }
}

function resolve(choice: ThemeChoice): Theme {
  if (choice !== 'system') return choice;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

interface ThemeStore {
  choice: ThemeChoice;
  theme: Theme;
  choose(choice: ThemeChoice): void;
}

export const useThemeStore = create<ThemeStore>()((set) => ({
  choice: savedChoice(),
  theme: resolve(savedChoice()),
  choose(choice) {
    try {
      localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Without storage the choice lasts for this session only.
    }
    set({ choice, theme: resolve(choice) });
  },
}));

/** Applies the theme now and whenever the choice or the OS preference changes; returns the unsubscribe. */
export function startThemeSync(): () => void {
  apply(useThemeStore.getState().theme);
  const unsubscribeStore = useThemeStore.subscribe((state) => apply(state.theme));
  const media = window.matchMedia(DARK_QUERY);
  const onOsChange = (): void => {
    const { choice } = useThemeStore.getState();
    if (choice === 'system') useThemeStore.setState({ theme: resolve('system') });
  };
  media.addEventListener('change', onOsChange);
  return () => {
    unsubscribeStore();
    media.removeEventListener('change', onOsChange);
  };
}
