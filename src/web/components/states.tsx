import { Alert, Button, Center, Code, Group, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem.ts';
import { IconAlert, IconInbox } from './icons.tsx';

/** Shows a problem's detail and request id so support can find the log line. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem = isApiError(error) ? error.problem : null;
  const detail = problem
    ? t(`errors.${problem.code ?? ''}`, { defaultValue: problem.detail ?? problem.title })
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlert />}
      title={problem?.status === 404 ? t('states.notFound') : t('states.errorTitle')}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        {problem?.requestId && (
          <Text size="xs" c="dimmed">
            {t('states.requestId')}: <Code>{problem.requestId}</Code>
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('actions.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <Center py="xl">
      <Stack align="center" gap={6}>
        <ThemeIcon size={44} radius="xl" variant="light" color="gray">
          <IconInbox size={22} />
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        {hint && (
          <Text size="sm" c="dimmed" ta="center">
            {hint}
          </Text>
        )}
      </Stack>
    </Center>
  );
}

export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t('states.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

/** A form-level error: the problem detail for errors that name no field. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = isApiError(error) ? error.problem : null;
  const text = problem
    ? t(`errors.${problem.code ?? ''}`, { defaultValue: problem.detail ?? problem.title })
    : String(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
      <Text size="sm">{text}</Text>
      {problem?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('states.requestId')}: <Code>{problem.requestId}</Code>
        </Text>
      )}
    </Alert>
  );
}
