import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/common.tsx';

/** "Promise holds" / "Promise broken": the words carry it, the colour only repeats it. */
export function PromiseBadge({ holds, children }: { holds: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span data-testid="promise-badge" data-holds={holds}>
      <ToneBadge tone={holds ? 'teal' : 'red'}>
        {children ?? (holds ? t('backups.promise.holds') : t('backups.promise.broken'))}
      </ToneBadge>
    </span>
  );
}

export function ResultBadge({ ok }: { ok: boolean }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={ok ? 'teal' : 'red'}>
      {ok ? t('backups.result.good') : t('backups.result.failed')}
    </ToneBadge>
  );
}
