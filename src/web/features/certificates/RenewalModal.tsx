import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { FormModal } from '../../components/forms.tsx';
import { IconAlert } from '../../components/icons.tsx';
import { formatInstant, wallTimeToInstant } from '../../components/time.ts';
import { errorText, splitErrors, type Translate } from './format.ts';
import { useRecordRenewal } from './queries.ts';
import type { Certificate } from './types.ts';

const FIELDS = ['expiresAt'] as const;

/**
 * Records that a certificate was renewed: its new expiry (a wall time in the viewer's zone), then a
 * confirmation naming the old and the new expiry and what happens to the proposal. The server
 * refuses an expiry that is not later than the old one and in the future; that lands on the field.
 */
export function RenewalModal({
  certificate,
  onClose,
}: {
  certificate: Certificate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tr: Translate = (key, options) => t(key, options);
  const zone = useTimeZone();
  const locale = useLocale();
  const opened = certificate !== null;
  const renew = useRecordRenewal(certificate?.id ?? '');
  const [expiresAt, setExpiresAt] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another certificate is opened
  useEffect(() => {
    if (!certificate) return;
    setExpiresAt('');
    setConfirming(false);
    setLocalError(null);
    renew.reset();
  }, [certificate?.id]);

  const problemErrors = isApiError(renew.error) ? (renew.error.problem.errors ?? []) : [];
  const server = splitErrors(problemErrors, FIELDS);
  const fieldError =
    localError ?? (server.byField.expiresAt ? errorText(server.byField.expiresAt, tr) : undefined);
  const general = renew.error && problemErrors.length === 0 ? renew.error : null;
  const instant = wallTimeToInstant(expiresAt, zone);

  const review = () => {
    if (!certificate) return;
    if (!instant) return setLocalError(t('validation.required'));
    if (new Date(instant).getTime() <= new Date(certificate.expiresAt).getTime())
      return setLocalError(t('certificates.renewal.notLater'));
    setLocalError(null);
    renew.reset();
    setConfirming(true);
  };

  const record = () => {
    if (!certificate || !instant) return;
    renew.mutate(
      { expiresAt: instant },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('certificates.renewal.recorded', {
              subject: saved.subject,
              expiry: formatInstant(saved.expiresAt, zone, locale),
            }),
          });
          onClose();
        },
        // Back to the field, where the server's reason is shown.
        onError: () => setConfirming(false),
      },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={
        confirming
          ? t('certificates.renewal.confirmTitle', { subject: certificate?.subject ?? '' })
          : t('certificates.renewal.title', { subject: certificate?.subject ?? '' })
      }
      submitLabel={confirming ? t('certificates.renewal.confirm') : t('certificates.renewal.review')}
      busy={renew.isPending}
      error={general}
      onSubmit={confirming ? record : review}
    >
      {certificate && !confirming && (
        <>
          {server.unmatched.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
              <List size="sm">
                {server.unmatched.map((e) => (
                  <List.Item key={`${e.code}:${e.path ?? ''}`}>{errorText(e, tr)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Text size="sm">
            {t('certificates.renewal.intro', {
              application: certificate.applicationName,
              customer: certificate.customerName,
              expiry: formatInstant(certificate.expiresAt, zone, locale),
            })}
          </Text>
          <DateTimeField
            label={t('certificates.renewal.newExpiry')}
            description={t('certificates.zoneHint', { zone })}
            required
            value={expiresAt}
            onChange={setExpiresAt}
            error={fieldError}
            data-autofocus
          />
        </>
      )}
      {certificate && confirming && instant && (
        <Stack gap="xs" data-testid="renewal-confirmation">
          <Text size="sm">
            {t('certificates.renewal.confirmText', {
              subject: certificate.subject,
              application: certificate.applicationName,
              customer: certificate.customerName,
            })}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>
              {t('certificates.renewal.oldExpiry', {
                expiry: formatInstant(certificate.expiresAt, zone, locale),
              })}
            </List.Item>
            <List.Item>
              <Text component="span" size="sm" fw={700}>
                {t('certificates.renewal.newExpiryIs', { expiry: formatInstant(instant, zone, locale) })}
              </Text>
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            {t('certificates.renewal.proposalCleared')}
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={() => setConfirming(false)} ta="left">
            {t('certificates.renewal.change')}
          </Anchor>
        </Stack>
      )}
    </FormModal>
  );
}
