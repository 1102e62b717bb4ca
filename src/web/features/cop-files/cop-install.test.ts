import { describe, expect, it } from 'vitest';
import { copInstallBody, copInstallFieldOf, EMPTY_COP_INSTALL, fileNameError } from './cop-install.ts';

const CUSTOMER = '0b7e3c55-0000-4000-8000-00000000c001';

describe('COP install form', () => {
  it('takes the file names the server takes', () => {
    expect(fileNameError('ciscocm.v1.0-security-fix.k4.cop.sha512')).toBeUndefined();
    expect(fileNameError('cmterm-devicepack14.0.1.cop.sgn')).toBeUndefined();
    expect(fileNameError('  x1.cop ')).toBeUndefined();
    expect(fileNameError('')).toBe('required');
    expect(fileNameError('   ')).toBe('required');
    expect(fileNameError('patch.exe')).toBe('cop_file_name');
    expect(fileNameError('.hidden.cop')).toBe('cop_file_name');
    expect(fileNameError('a b.cop')).toBe('cop_file_name');
    expect(fileNameError('x.cop.tar')).toBe('cop_file_name');
  });

  it('asks for a file, somebody to install it for, the emergency and a length in range', () => {
    const { body, errors } = copInstallBody(
      { ...EMPTY_COP_INSTALL, emergency: true, durationMinutes: 5 },
      'Europe/Madrid',
    );
    expect(body).toBeNull();
    expect(errors).toEqual({
      fileName: 'required',
      customerIds: 'no_selection',
      emergencyReason: 'emergency_reason_required',
      durationMinutes: 'duration_range',
    });
    expect(
      copInstallBody({ ...EMPTY_COP_INSTALL, durationMinutes: '', after: '2026-13-01T10:00' }, 'UTC').errors,
    ).toMatchObject({ durationMinutes: 'required', after: 'invalid_time' });
    expect(copInstallBody({ ...EMPTY_COP_INSTALL, durationMinutes: 601 }, 'UTC').errors.durationMinutes).toBe(
      'duration_range',
    );
  });

  it('sends only what was given, "not before" read on the viewer’s clock', () => {
    const { body, errors } = copInstallBody(
      {
        ...EMPTY_COP_INSTALL,
        fileName: ' ciscocm.fix.k4.cop.sha512 ',
        customerIds: [CUSTOMER],
        versions: [' 14.0 SU3', '14.0 SU3', ''],
        after: '2026-03-29T21:00',
        title: '  ',
        description: ' Security fix ',
      },
      'Europe/Madrid',
    );
    expect(errors).toEqual({});
    expect(body).toEqual({
      fileName: 'ciscocm.fix.k4.cop.sha512',
      customerIds: [CUSTOMER],
      versions: ['14.0 SU3'],
      durationMinutes: 60,
      // Summer time in Madrid from 29 March 2026: UTC+2.
      after: '2026-03-29T19:00:00.000Z',
      description: 'Security fix',
    });
    expect(
      copInstallBody(
        {
          ...EMPTY_COP_INSTALL,
          fileName: 'x1.cop',
          regions: ['EMEA'],
          emergency: true,
          emergencyReason: 'remediate_vulnerability',
        },
        'UTC',
      ).body,
    ).toEqual({
      fileName: 'x1.cop',
      regions: ['EMEA'],
      emergency: true,
      emergencyReason: 'remediate_vulnerability',
      durationMinutes: 60,
    });
  });

  it('puts a server error on the field its path names', () => {
    expect(copInstallFieldOf('fileName')).toBe('fileName');
    expect(copInstallFieldOf('customerIds.2')).toBe('customerIds');
    expect(copInstallFieldOf('/partnerIds/0')).toBe('partnerIds');
    expect(copInstallFieldOf('start')).toBe('general');
    expect(copInstallFieldOf(undefined)).toBe('general');
  });
});
