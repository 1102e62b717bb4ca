import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ContactHealth } from '../../api/types.ts';
import { IconAlert } from '../../components/icons.tsx';

/**
 * The full warning on the subscriptions screen: what is missing and which channel keeps failing —
 * in the caller's own contacts, a partner's (read by the provider) or the provider's own.
 */
export function ContactHealthAlert({
  health,
  whose = 'own',
}: {
  health: ContactHealth;
  whose?: 'own' | 'partner' | 'provider';
}) {
  const { t } = useTranslation();
  const title = { own: 'health.title', partner: 'health.titlePartner', provider: 'health.titleProvider' }[
    whose
  ];
  if (health.missingCategories.length === 0 && health.failingSubscriptions.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlert />}
      title={t(title)}
      role="status"
      mb="md"
      data-testid="contact-health"
    >
      <List size="sm" spacing={4}>
        {health.missingCategories.length > 0 && (
          <List.Item>
            {t('health.missing', {
              categories: health.missingCategories.map((c) => t(`categories.${c}`)).join(', '),
            })}
          </List.Item>
        )}
        {health.failingSubscriptions.map((f) => (
          <List.Item key={f.id}>
            {t('health.failing', { name: f.name, count: f.consecutiveFailures })}
            {f.lastError && (
              <Text component="span" size="xs" c="dimmed" display="block">
                {t('health.lastError', { error: f.lastError })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t(whose === 'provider' ? 'health.hintProvider' : 'health.hint')}
      </Text>
    </Alert>
  );
}

/** The compact reminder in the app shell, for partner admins, on every other screen. */
export function ContactHealthShellAlert() {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlert />}
      py={8}
      mb="md"
      role="status"
      data-testid="contact-health-shell"
    >
      <Text size="sm">
        {t('health.shell')}{' '}
        <Anchor component={Link} to="/subscriptions" size="sm" fw={600}>
          {t('health.review')}
        </Anchor>
      </Text>
    </Alert>
  );
}
