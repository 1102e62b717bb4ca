/**
 * The API calls a browser test makes behind the browser's back (setting up what the screens are to
 * show, reading what they wrote), as a demo user with a bearer token, against the server the test
 * file's pages use. `target.baseUrl` is read at each call: the e2e set-up fills it in `beforeAll`, and
 * a file with its own server (planned-changes) points it there.
 */
import { expect } from 'vitest';
import { PASSWORD } from '../e2e/support.ts';

export function e2eApi(target: { readonly baseUrl: string }) {
  /** A demo user's bearer token and partner (the demo password unless told). */
  async function login(
    email: string,
    password = PASSWORD,
  ): Promise<{ token: string; partnerId: string | null }> {
    const res = await fetch(`${target.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { partnerId: string | null } };
    return { token: body.token, partnerId: body.user.partnerId };
  }

  /** A demo user's bearer token. */
  async function token(email: string, password = PASSWORD): Promise<string> {
    return (await login(email, password)).token;
  }

  /** One API call that must succeed; its JSON answer (undefined for an empty one). */
  async function call<T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${target.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * The first start the rules allow for a change a day or more from now: a test's change must not
   * begin while the test runs (the next slot counted from now can be minutes away, inside a window).
   */
  async function slotFromTomorrow(
    bearer: string,
    region: string,
    type = 'routine',
    durationMinutes = 120,
  ): Promise<{ start: string; end: string }> {
    const found = await call<{ common: { start: string; end: string } | null }>(
      bearer,
      'POST',
      '/policy/next-slot',
      {
        type,
        region,
        durationMinutes,
        after: new Date(Date.now() + 86_400_000).toISOString(),
      },
    );
    expect(found.common, `no ${type} slot in ${region}`).toBeTruthy();
    return { start: found.common?.start ?? '', end: found.common?.end ?? '' };
  }

  return { login, token, call, slotFromTomorrow };
}

/** A suffix that keeps what a test writes apart from earlier runs' and other tests' records. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
