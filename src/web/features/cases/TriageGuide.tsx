import { List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/session.ts';
import { Section } from '../../components/section.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { TRIAGE_GUIDE } from './triage-guide.ts';
import type { CaseCategory } from './types.ts';

export function useTriageGuide() {
  return TRIAGE_GUIDE[useLocale()];
}

function Items({ items, testId }: { items: string[]; testId?: string }) {
  return (
    <List size="sm" spacing={4} data-testid={testId}>
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

/** One category of the triage guide: what the partner handles first, what to capture, when to escalate. */
export function CategoryGuideView({
  category,
  headingLevel = 3,
}: {
  category: CaseCategory;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const guide = useTriageGuide();
  const g = guide.categories[category];
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <Stack gap="sm" data-testid={`guide-${category}`}>
      <Title order={headingLevel} fz="md">
        {t(`caseCategory.${category}`)}
      </Title>
      {g.heading !== t(`caseCategory.${category}`) && (
        <Text size="sm" c="dimmed">
          {g.heading}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack gap={4}>
          <Title order={sub} fz="sm">
            {t('triage.partnerFirst')}
          </Title>
          <Items items={g.partnerFirst} />
        </Stack>
        <Stack gap={4}>
          <Title order={sub} fz="sm">
            {t('triage.capture')}
          </Title>
          <Items items={[...g.capture, ...guide.captureAlways]} />
        </Stack>
      </SimpleGrid>
      <Text size="sm" fw={600}>
        {g.escalateWhen}
      </Text>
    </Stack>
  );
}

/** Partner and provider responsibilities, and what every case must carry. */
export function ResponsibilitiesView() {
  const { t } = useTranslation();
  const guide = useTriageGuide();
  return (
    <Section title={t('triage.responsibilities')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Title order={3} fz="sm">
            {t('triage.partnerDoes')}
          </Title>
          <Items items={guide.partnerResponsibilities} />
        </Stack>
        <Stack gap={4}>
          <Title order={3} fz="sm">
            {t('triage.providerDoes')}
          </Title>
          <Items items={guide.providerResponsibilities} />
          <Title order={3} fz="sm" mt="xs">
            {t('triage.providerDoesNot')}
          </Title>
          <Items items={guide.providerNotResponsible} />
        </Stack>
      </SimpleGrid>
      <Stack gap={4}>
        <Title order={3} fz="sm">
          {t('triage.caseInformation')}
        </Title>
        <Items items={guide.caseInformation} />
      </Stack>
      <Text size="sm">
        {t('triage.fullMatrix')} <ResponsibilityLink area="support" />
      </Text>
    </Section>
  );
}
