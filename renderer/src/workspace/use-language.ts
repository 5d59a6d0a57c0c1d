/** The interface language: Chinese first, English one click away, remembered in the settings. */
import { useCallback, useState } from 'react';
import type { Language } from '../../../electron/contract/api.ts';
import { useUpdateSettings } from '../api/mutations.ts';
import { setLanguage } from '../i18n/index.ts';

export function useLanguage(initial: Language) {
  const [language, setLang] = useState<Language>(initial);
  const updateSettings = useUpdateSettings().mutateAsync;
  const switchLanguage = useCallback(async () => {
    const next: Language = language === 'zh' ? 'en' : 'zh';
    await setLanguage(next);
    setLang(next);
    // Remember the choice; the UI has already switched, so a failure here only loses the memory.
    await updateSettings({ language: next }).catch((e: unknown) => console.warn('could not save the language', e));
  }, [language, updateSettings]);
  return { language, switchLanguage };
}
