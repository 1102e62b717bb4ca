import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The required free-text field of a dialog (a reason, a decision note): emptied with its error and
 * the mutations' state each time the dialog opens; `take()` answers the trimmed text, or null after
 * marking the field required.
 */
export function useRequiredText(opened: boolean, resets: readonly (() => void)[]) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setText('');
    setError(undefined);
    for (const reset of resets) reset();
  }, [opened]);

  const take = (): string | null => {
    const trimmed = text.trim();
    if (!trimmed) {
      setError(t('validation.required'));
      return null;
    }
    setError(undefined);
    return trimmed;
  };
  return { text, setText, error, take };
}
