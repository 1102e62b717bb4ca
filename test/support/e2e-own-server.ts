/**
 * A browser test file whose writes would shift what the other files count on (a release
 * publication moves the train everyone reads) runs against its own demo server: started before the
 * file's tests, stopped after them. Call it after `setupBrowser()`: that hook fills `baseUrl` with
 * the shared server first, and this one then points every page and API call of the file here.
 */
import { afterAll, beforeAll } from 'vitest';
import { type DemoServer, startDemoServer } from './e2e-server.ts';

export function withOwnDemoServer(env: { baseUrl: string }): void {
  let server: DemoServer | undefined;
  beforeAll(async () => {
    server = await startDemoServer();
    env.baseUrl = server.baseUrl;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
}
