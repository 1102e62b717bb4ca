import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconMatrix } from './IconMatrix.tsx';
import type { ResponsibilityArea } from './types.ts';

/**
 * "Who is responsible?": opens the responsibilities matrix on one area. Feature screens (outages,
 * inventory, backups, capacity …) put it next to their title so the answer is one click away.
 */
export function ResponsibilityLink({ area }: { area: ResponsibilityArea }) {
  const { t } = useTranslation();
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/responsibilities" search={{ area }} />}
      size="sm"
      fw={600}
      data-testid={`responsibility-link-${area}`}
      title={t('responsibilities.linkTitle', { area: t(`responsibilities.areas.${area}`) })}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
    >
      <IconMatrix size={16} />
      {t('responsibilities.whoIsResponsible')}
    </Anchor>
  );
}
