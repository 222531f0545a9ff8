import { Monitor, Moon, Sun } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { ThemePreference } from '../../../shared/preload-api.js';
import { useStudioStore } from '../state/studio-store.js';
import { IconButton } from '../ui/Button.js';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemePreference, string> = { system: 'Theme: as the system', light: 'Theme: light', dark: 'Theme: dark' };

/** Cycles the theme: as the system, light, dark. */
export function ThemeToggle() {
  const { preference, setPreference } = useStudioStore(useShallow((state) => ({ preference: state.themePreference, setPreference: state.setThemePreference })));
  const Icon = preference === 'system' ? Monitor : preference === 'light' ? Sun : Moon;
  return <IconButton label={`${LABEL[preference]} (click to change)`} icon={<Icon size={16} />} onPress={() => setPreference(NEXT[preference])} />;
}
