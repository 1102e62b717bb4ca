import { Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/** A bordered panel that is a named `<section>`: its heading labels it for screen readers. */
export function TitledPanel({
  title,
  titleGap = 'xs',
  children,
}: {
  title: string;
  /** Space between the heading and the content. */
  titleGap?: 'xs' | 'md';
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb={titleGap} id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
