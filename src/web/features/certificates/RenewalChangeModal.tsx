import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../api/policy.ts';
import { isApiError } from '../../api/problem.ts';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { formatInstant } from '../../components/time.ts';
import { ViewerRange } from '../changes/ChangeWindow.tsx';
import { usePlanErrors } from '../changes/plan-errors.ts';
import { GeneralErrors } from '../disaster-recovery/form-errors.tsx';
import { type RenewalChangeLink, usePlanRenewalChange } from './queries.ts';
import { upcomingProposal } from './renewal-change.ts';
import type { Certificate } from './types.ts';

/**
 * Asks before the renewal change of a certificate is planned, saying which slot it takes (the
 * proposal while it lies ahead, else the earliest 7–3 days before expiry in the customer's weekday
 * window) and what follows; then links to the change. A refusal is shown in the dialog in words:
 * 409 when a renewal change is already open (linked once known), 422 when no slot is left.
 */
export function RenewalChangeModal({
  certificate,
  openChange,
  onClose,
}: {
  certificate: Certificate | null;
  /** The certificate's open renewal change, as the list knows it (after a 409, read again). */
  openChange: RenewalChangeLink | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const policy = usePolicy();
  const plan = usePlanRenewalChange();
  const opened = certificate !== null;
  // The confirm button goes once answered: focus moves to what replaces it (keyboard users).
  const openLink = useRef<HTMLAnchorElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another certificate is opened
  useEffect(() => {
    if (certificate) plan.reset();
  }, [certificate?.id]);

  const range = policy.data?.changes.certificateWindowDays ?? { min: 3, max: 7 };
  const values = {
    min: range.min,
    max: range.max,
    expiry: certificate ? formatInstant(certificate.expiresAt, zone, locale) : '',
  };
  const server = usePlanErrors('certificates.renewalChange', plan.error, [], { values });
  const conflict = isApiError(plan.error) && plan.error.status === 409;
  // Asking again cannot help with a change already open (409) or no slot left (422).
  const final = isApiError(plan.error) && (plan.error.status === 409 || plan.error.status === 422);
  const created = plan.data;
  const proposal = certificate ? upcomingProposal(certificate, Date.now()) : null;

  useEffect(() => {
    if (created) openLink.current?.focus();
    else if (final) closeButton.current?.focus();
  }, [created, final]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        certificate
          ? t(created ? 'certificates.renewalChange.doneTitle' : 'certificates.renewalChange.confirmTitle', {
              subject: certificate.subject,
            })
          : ''
      }
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      {certificate && (
        <Stack gap="md">
          {created ? (
            <Alert color="teal" variant="light" role="status" data-testid="renewal-change-created">
              <Stack gap={4}>
                <Text size="sm">
                  {t('certificates.renewalChange.planned', { reference: created.reference })}
                </Text>
                <ViewerRange start={created.start} end={created.end} />
                <Anchor ref={openLink} component={Link} to={`/changes/${created.id}`} size="sm" fw={600}>
                  {t('certificates.renewalChange.openChange', { reference: created.reference })}
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <Stack gap="xs" data-testid="renewal-change-confirmation">
              <Text size="sm">
                {t('certificates.renewalChange.intro', {
                  application: certificate.applicationName,
                  customer: certificate.customerName,
                  expiry: values.expiry,
                })}
              </Text>
              {proposal ? (
                <Text size="sm">
                  {t('certificates.renewalChange.proposedSlot')}{' '}
                  <ViewerRange start={proposal.start} end={proposal.end} />
                </Text>
              ) : (
                <Text size="sm">{t('certificates.renewalChange.earliestSlot', values)}</Text>
              )}
              <List size="sm" spacing={2}>
                <List.Item>{t('certificates.renewalChange.notify')}</List.Item>
                <List.Item>{t('certificates.renewalChange.fixed')}</List.Item>
                <List.Item>{t('certificates.renewalChange.tasks')}</List.Item>
              </List>
            </Stack>
          )}
          <GeneralErrors errors={server} />
          {conflict && openChange && (
            <Anchor
              component={Link}
              to={`/changes/${openChange.id}`}
              size="sm"
              fw={600}
              data-testid="renewal-change-existing"
            >
              {t('certificates.renewalChange.openChange', { reference: openChange.reference })}
            </Anchor>
          )}
          <Group justify="flex-end" gap="sm">
            {created || final ? (
              <Button ref={closeButton} variant="default" onClick={onClose}>
                {t('actions.close')}
              </Button>
            ) : (
              <>
                <Button variant="default" onClick={onClose}>
                  {t('actions.cancel')}
                </Button>
                <Button loading={plan.isPending} onClick={() => plan.mutate(certificate.id)}>
                  {t('certificates.renewalChange.confirm')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
