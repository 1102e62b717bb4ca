import { Button, Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ListFooter({
  shown,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Center mt="md" style={{ flexDirection: 'column', gap: 8 }}>
      <Text size="xs" c="dimmed" aria-live="polite">
        {t('list.shown', { count: shown })}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onMore} loading={loading}>
          {t('list.loadMore')}
        </Button>
      )}
    </Center>
  );
}
