import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { setUnauthorizedHandler } from './api/client.ts';
import { isApiError } from './api/problem.ts';
import { datesSettings } from './app/dates.ts';
import { sessionQuery, useLocale } from './app/session.ts';
import { cssVariablesResolver, theme } from './app/theme.ts';
import './i18n/index.ts';
import { buildRouter } from './routes/router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
const router = buildRouter(queryClient);

setUnauthorizedHandler(() => {
  queryClient.setQueryData(sessionQuery.queryKey, null);
  void router.navigate({ to: '/sign-in', search: { redirect: router.state.location.href } });
});

function Providers() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DatesProvider settings={datesSettings(locale)}>
      <ModalsProvider
        labels={{ confirm: t('actions.confirm'), cancel: t('actions.cancel') }}
        modalProps={{ closeButtonProps: { 'aria-label': t('actions.close') } }}
      >
        <Notifications position="top-right" />
        <RouterProvider router={router} />
      </ModalsProvider>
    </DatesProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <Providers />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
