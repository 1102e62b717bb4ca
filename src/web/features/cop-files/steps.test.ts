import { describe, expect, it } from 'vitest';
import { parseCopSearch } from './search.ts';
import { copSteps } from './steps.ts';
import type { CopRequest } from './types.ts';

const base: CopRequest = {
  id: 'r',
  number: 1,
  partnerId: 'p',
  customerId: 'c',
  customerName: 'Contoso Health',
  applicationId: 'a',
  applicationName: 'CUCM-A',
  package: 'device_pack',
  fileName: 'cmterm-devicepack14.0.1.14111-1.cop.sha512',
  reason: 'New phones',
  status: 'requested',
  upload: null,
  installedAt: null,
  installedBy: null,
  closingReason: null,
  requestedBy: 'engineer@northwind.example',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};
const upload = {
  sftpPath: '/upload/cop/x.cop',
  checksumAlgorithm: 'sha256' as const,
  checksum: 'ab'.repeat(32),
  uploadedAt: '2026-11-21T10:00:00.000Z',
  uploadedBy: 'tac@provider.example',
};
const states = (r: CopRequest) => copSteps(r).map((s) => s.state);

describe('copSteps', () => {
  it('walks requested → uploaded → installed, naming whose move is next', () => {
    expect(states(base)).toEqual(['done', 'current', 'pending']);
    expect(states({ ...base, status: 'uploaded', upload })).toEqual(['done', 'done', 'current']);
    const installed = copSteps({
      ...base,
      status: 'installed',
      upload,
      installedAt: '2026-11-22T10:00:00.000Z',
      installedBy: 'engineer@northwind.example',
    });
    expect(installed.map((s) => [s.state, s.who, s.at])).toEqual([
      ['done', 'engineer@northwind.example', '2026-11-20T10:00:00.000Z'],
      ['done', 'tac@provider.example', '2026-11-21T10:00:00.000Z'],
      ['done', 'engineer@northwind.example', '2026-11-22T10:00:00.000Z'],
    ]);
  });

  it('stops where a turned-down or withdrawn request was', () => {
    expect(states({ ...base, status: 'rejected', closingReason: 'no' })).toEqual([
      'done',
      'stopped',
      'stopped',
    ]);
    expect(states({ ...base, status: 'cancelled', upload, closingReason: 'late' })).toEqual([
      'done',
      'done',
      'stopped',
    ]);
  });
});

describe('parseCopSearch', () => {
  it('keeps open and the statuses, drops the rest', () => {
    expect(parseCopSearch({ status: 'open' })).toEqual({ status: 'open' });
    expect(parseCopSearch({ status: 'cancelled' })).toEqual({ status: 'cancelled' });
    expect(parseCopSearch({ status: 'done', customerId: 'x' })).toEqual({});
  });
});
