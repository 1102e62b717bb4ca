import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { OutageListItem, Page } from '../../api/types.ts';
import { IconBolt } from '../../components/icons.tsx';

/** Open outages affecting the caller; polled so a 3 a.m. outage shows up without a reload. */
export function useOpenOutages() {
  return useQuery({
    queryKey: ['outages', 'open-summary'],
    queryFn: () => api.get<Page<OutageListItem>>('/outages', { status: 'open', limit: 100 }),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

/** A compact red banner in the app shell while any outage affecting the user is open. */
export function OpenOutagesBanner() {
  const { t } = useTranslation();
  const open = useOpenOutages();
  const count = open.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconBolt />}
      py={8}
      mb="md"
      role="status"
      data-testid="open-outages-banner"
    >
      <Text size="sm" fw={600}>
        {t('outages.banner', { count })}{' '}
        <Anchor component={Link} to="/outages" size="sm" fw={700}>
          {t('outages.bannerLink')}
        </Anchor>
      </Text>
    </Alert>
  );
}
