import { Anchor, Breadcrumbs, Button, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { CategoryGuideView, ResponsibilitiesView, useTriageGuide } from './TriageGuide.tsx';
import { CASE_CATEGORIES } from './types.ts';

/** The triage guide on its own page: every category, then the responsibilities. */
export default function TriagePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const guide = useTriageGuide();
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.title')}
        </Anchor>
        <Text size="sm">{t('triage.title')}</Text>
      </Breadcrumbs>
      <PageHeader
        title={t('triage.title')}
        subtitle={guide.intro}
        actions={
          can.openCases(user) && (
            <Button component={Link} to="/cases/new" leftSection={<IconPlus size={16} />}>
              {t('cases.new')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {CASE_CATEGORIES.map((category) => (
          <Paper key={category} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section">
            <CategoryGuideView category={category} headingLevel={2} />
          </Paper>
        ))}
        <ResponsibilitiesView />
      </Stack>
    </>
  );
}
