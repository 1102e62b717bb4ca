import { describe, expect, it } from 'vitest';
import {
  type ChangeDraft,
  draftToInput,
  emptyDraft,
  fieldOfPath,
  relevantFields,
  switchZone,
} from './draft.ts';
import { parseChangeSearch, parseRescheduleSearch } from './search.ts';

const C1 = '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

function draft(patch: Partial<ChangeDraft>): ChangeDraft {
  return {
    ...emptyDraft('Europe/Paris'),
    type: 'routine',
    title: 'Patch the voicemail cluster',
    customerIds: [C1],
    start: '2026-03-28T21:00',
    end: '2026-03-29T06:00',
    ...patch,
  };
}

describe('relevantFields', () => {
  it('shows each extra field only for its type', () => {
    expect(relevantFields('upgrade', false)).toMatchObject({ reason: true, emergencyReason: false });
    expect(relevantFields('emergency', false)).toMatchObject({ emergencyReason: true, emergency: false });
    expect(relevantFields('cop_install', false)).toMatchObject({ emergency: true, emergencyReason: false });
    expect(relevantFields('cop_install', true)).toMatchObject({ emergency: true, emergencyReason: true });
    expect(relevantFields('certificate_renewal', false).certificateExpiresAt).toBe(true);
    expect(relevantFields('routine', false).noImpact).toBe(true);
    expect(relevantFields('infrastructure', false)).toEqual({
      reason: false,
      emergencyReason: false,
      certificateExpiresAt: false,
      emergency: false,
      noImpact: false,
    });
  });
});

describe('draftToInput', () => {
  it('turns the Paris wall times into UTC instants across the spring-forward night', () => {
    const { input, errors } = draftToInput(draft({}));
    expect(errors).toEqual({});
    expect(input).toEqual({
      type: 'routine',
      title: 'Patch the voicemail cluster',
      customerIds: [C1],
      start: '2026-03-28T20:00:00.000Z',
      end: '2026-03-29T04:00:00.000Z',
    });
  });

  it('reads the same wall times in another zone', () => {
    const { input } = draftToInput(draft({ zone: 'America/New_York' }));
    expect(input?.start).toBe('2026-03-29T01:00:00.000Z');
    expect(input?.end).toBe('2026-03-29T10:00:00.000Z');
  });

  it('leaves out the fields the type does not take', () => {
    const { input } = draftToInput(
      draft({
        type: 'routine',
        reason: 'end_of_life',
        emergencyReason: 'prevent_outage',
        emergency: true,
        noImpact: true,
        certificateExpiresAt: '2026-04-02T12:00',
      }),
    );
    expect(input).not.toHaveProperty('reason');
    expect(input).not.toHaveProperty('emergencyReason');
    expect(input).not.toHaveProperty('emergency');
    expect(input).not.toHaveProperty('certificateExpiresAt');
    expect(input?.noImpact).toBe(true);
  });

  it('sends the reason, expiry and flags that apply', () => {
    expect(draftToInput(draft({ type: 'upgrade', reason: 'below_n_minus_1' })).input?.reason).toBe(
      'below_n_minus_1',
    );
    const cop = draftToInput(
      draft({ type: 'cop_install', emergency: true, emergencyReason: 'prevent_outage' }),
    );
    expect(cop.input).toMatchObject({ emergency: true, emergencyReason: 'prevent_outage' });
    const cert = draftToInput(
      draft({ type: 'certificate_renewal', certificateExpiresAt: '2026-04-02T12:00' }),
    );
    expect(cert.input?.certificateExpiresAt).toBe('2026-04-02T10:00:00.000Z');
  });

  it('selects by partner, region and version as well as customer, versions tidied', () => {
    const { input } = draftToInput(
      draft({ customerIds: [], regions: ['EMEA'], versions: [' 12.5 SU7a', '12.5 SU7a', ''] }),
    );
    expect(input).toMatchObject({ regions: ['EMEA'], versions: ['12.5 SU7a'] });
    expect(input).not.toHaveProperty('customerIds');
  });

  it('names what is missing before anything is sent', () => {
    const { input, errors } = draftToInput({ ...emptyDraft('Europe/Paris') });
    expect(input).toBeNull();
    expect(errors).toEqual({
      type: 'required',
      title: 'required',
      selection: 'no_selection',
      start: 'required',
      end: 'required',
    });
    expect(draftToInput(draft({ end: '2026-03-28T20:00' })).errors.end).toBe('end_before_start');
    expect(draftToInput(draft({ start: '2026-02-30T21:00' })).errors.start).toBe('invalid_time');
  });

  it('builds a check body without a title, and still checks an inverted interval (the server names it)', () => {
    const check = draftToInput(draft({ title: '' }), true);
    expect(check.input?.title).toBe('—');
    const inverted = draftToInput(draft({ end: '2026-03-28T20:00' }), true);
    expect(inverted.input).not.toBeNull();
    expect(draftToInput(draft({ end: '2026-03-28T20:00' })).input).toBeNull();
  });
});

describe('fieldOfPath', () => {
  it('maps server paths onto the form', () => {
    expect(fieldOfPath('/customerIds/2')).toBe('customerIds');
    expect(fieldOfPath('start')).toBe('start');
    expect(fieldOfPath('/reason')).toBe('reason');
    expect(fieldOfPath(undefined)).toBe('general');
    expect(fieldOfPath('/somethingElse')).toBe('general');
  });
});

describe('search', () => {
  it('keeps only valid list filters', () => {
    expect(
      parseChangeSearch({ status: 'open', type: 'upgrade', region: 'EMEA', customerId: C1, extra: 'x' }),
    ).toEqual({ status: 'open', type: 'upgrade', region: 'EMEA', customerId: C1 });
    expect(parseChangeSearch({ status: 'done', type: 'nope', region: 'MARS', customerId: '12' })).toEqual({});
    expect(parseRescheduleSearch({ status: 'declined' })).toEqual({ status: 'declined' });
    expect(parseRescheduleSearch({ status: 'all' })).toEqual({ status: 'all' });
    expect(parseRescheduleSearch({ status: 'later' })).toEqual({});
  });
});

describe('switchZone', () => {
  it('keeps the instants when the typing zone changes', () => {
    const moved = switchZone(
      { start: '2026-03-28T21:00', end: '2026-03-29T06:00', zone: 'Europe/Paris' },
      'Asia/Tokyo',
    );
    expect(moved).toEqual({ start: '2026-03-29T05:00', end: '2026-03-29T13:00', zone: 'Asia/Tokyo' });
    expect(switchZone({ start: '2026-03-2', end: '', zone: 'Europe/Paris' }, 'UTC')).toEqual({
      start: '2026-03-2',
      end: '',
      zone: 'UTC',
    });
  });
});
