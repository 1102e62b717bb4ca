import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app; unknown non-API paths get index.html so client-side routes deep-link. */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<boolean> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders(reply, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        reply.header('cache-control', 'no-cache');
      }
    },
  });
  return true;
}

export function isSpaPath(url: string): boolean {
  return (
    !url.startsWith('/api/') &&
    !url.startsWith('/health') &&
    !url.startsWith('/metrics') &&
    !/\.[a-z0-9]+$/i.test(url.split('?')[0] ?? '')
  );
}
