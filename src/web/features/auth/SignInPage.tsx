import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import type { LoginResult, Session } from '../../api/types.ts';
import { LanguageSwitch } from '../../app/AppLayout.tsx';
import { homePath } from '../../app/permissions.ts';
import { sessionQuery } from '../../app/session.ts';
import { useDocumentTitle } from '../../components/common.tsx';
import { IconAlert } from '../../components/icons.tsx';
import { applyLocale } from '../../i18n/index.ts';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('auth.signInTitle'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<LoginResult>('/auth/login', { email: email.trim(), password });
      setCsrfToken(result.csrfToken);
      await applyLocale(result.user.locale);
      const session: Session = { user: result.user, csrfToken: result.csrfToken };
      queryClient.setQueryData(sessionQuery.queryKey, session);
      const target =
        search.redirect?.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : null;
      await navigate({ to: target ?? homePath(result.user) });
    } catch (err) {
      if (isApiError(err) && err.status === 401) setError(t('auth.badCredentials'));
      else if (isApiError(err) && err.status === 429)
        setError(t('auth.rateLimited', { seconds: err.retryAfter ?? 60 }));
      else if (isApiError(err)) setError(err.problem.detail ?? err.problem.title);
      else setError(String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box className="sign-in-bg" mih="100vh">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper
          component="main"
          withBorder
          shadow="md"
          radius="lg"
          p={{ base: 'lg', sm: 'xl' }}
          w="100%"
          maw={420}
        >
          <Stack gap="lg">
            <Stack gap={4} align="center">
              <span className="brand-mark brand-mark-lg" aria-hidden="true">
                DI
              </span>
              <Title order={1} fz={26}>
                {t('app.name')}
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {t('auth.tagline')}
              </Text>
            </Stack>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Title order={2} fz="lg">
                  {t('auth.signInTitle')}
                </Title>
                {error && (
                  <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
                    {error}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  name="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  autoFocus
                />
                <PasswordInput
                  label={t('auth.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <Button type="submit" loading={busy} fullWidth size="md">
                  {t('auth.signIn')}
                </Button>
              </Stack>
            </form>
            <Text size="xs" c="dimmed" ta="center">
              {t('auth.apiHint')}{' '}
              <Anchor href="/api/docs" size="xs">
                /api/docs
              </Anchor>
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
