import { Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Instant } from '../../components/common.tsx';
import { IconCheck } from '../../components/icons.tsx';
import { copSteps, type StepState } from './steps.ts';
import type { CopRequest } from './types.ts';

const BULLET: Record<StepState, { color: string; variant: 'filled' | 'light' | 'outline' }> = {
  done: { color: 'teal.8', variant: 'filled' },
  current: { color: 'brand', variant: 'outline' },
  pending: { color: 'gray.6', variant: 'light' },
  stopped: { color: 'gray.6', variant: 'light' },
};

/**
 * requested → uploaded to SFTP → installed, as an ordered list: each step says in words whether it
 * is done (by whom, when), the next one (and whose move it is), not yet, or not reached.
 */
export function CopStepper({ request }: { request: CopRequest }) {
  const { t } = useTranslation();
  const steps = copSteps(request);
  return (
    <ol
      data-testid="cop-stepper"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
        gap: 'var(--mantine-spacing-md)',
      }}
    >
      {steps.map((step, index) => (
        <li
          key={step.key}
          data-step={step.key}
          data-state={step.state}
          aria-current={step.state === 'current' ? 'step' : undefined}
          style={{ display: 'flex', gap: 'var(--mantine-spacing-sm)', alignItems: 'flex-start' }}
        >
          <ThemeIcon radius="xl" size={32} {...BULLET[step.state]} aria-hidden="true">
            {step.state === 'done' ? (
              <IconCheck size={18} />
            ) : (
              <Text span fw={700} size="sm">
                {index + 1}
              </Text>
            )}
          </ThemeIcon>
          <Stack gap={2}>
            <Text fw={600} size="sm">
              {t(`copRequests.steps.${step.key}`)}
            </Text>
            {step.state === 'done' && step.at ? (
              <>
                <Text size="xs">{t('copRequests.stepDone', { who: step.who ?? '—' })}</Text>
                <Instant value={step.at} size="xs" />
              </>
            ) : (
              <Text
                size="xs"
                c={step.state === 'current' ? undefined : 'dimmed'}
                fw={step.state === 'current' ? 600 : undefined}
              >
                {t(`copRequests.stepState_${step.state}_${step.key}`)}
              </Text>
            )}
          </Stack>
        </li>
      ))}
    </ol>
  );
}
