import { Badge, Group, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Swatch } from '../../components/swatch.tsx';
import { STATUS_COLOR, STATUS_FILL, STATUS_TEXT } from './format.ts';
import { CERTIFICATE_STATUSES, type CertificateStatus } from './types.ts';

/** Expired red, overdue orange, due yellow, soon blue, ok green; the text names the status, so colour is never alone. */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={STATUS_COLOR[status]}
      style={{ '--badge-color': STATUS_TEXT[status], textTransform: 'none' } as CSSProperties}
      data-testid="certificate-status"
      data-status={status}
      title={t(`certificates.statusMeaning.${status}`)}
    >
      {t(`certificates.statuses.${status}`)}
    </Badge>
  );
}

export function StatusSwatch({ status }: { status: CertificateStatus }) {
  return <Swatch color={STATUS_FILL[status]} />;
}

export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      {CERTIFICATE_STATUSES.map((status) => (
        <Group key={status} gap={6} wrap="nowrap">
          <StatusSwatch status={status} />
          <Text size="xs">
            {t(`certificates.statuses.${status}`)}
            <Text component="span" size="xs" c="dimmed">
              {' '}
              ({t(`certificates.statusMeaning.${status}`)})
            </Text>
          </Text>
        </Group>
      ))}
    </Group>
  );
}
