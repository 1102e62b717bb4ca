import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/common.tsx';
import type { ResponsibilityOwner } from './types.ts';

/** One colour per side, the same on every screen: partner teal, provider grape, joint orange. */
export const OWNER_TONE = {
  partner: 'teal',
  provider: 'grape',
  joint: 'orange',
} as const satisfies Record<ResponsibilityOwner, string>;

export function OwnerBadge({ owner }: { owner: ResponsibilityOwner }) {
  const { t } = useTranslation();
  return (
    <span data-testid="owner-badge" data-owner={owner} style={{ flexShrink: 0 }}>
      <ToneBadge tone={OWNER_TONE[owner]}>{t(`responsibilities.owners.${owner}`)}</ToneBadge>
    </span>
  );
}
