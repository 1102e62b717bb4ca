import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from 'vitest';

const dist = path.resolve(import.meta.dirname, '../../dist/web');

test('the initial JavaScript (entry plus modulepreloads) stays under 400 kB gzipped', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  expect(files.length).toBeGreaterThan(0);
  const gzipped = files.reduce(
    (sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length,
    0,
  );
  expect(gzipped / 1024).toBeLessThan(400);
});
