import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RESPONSIBILITIES,
  RESPONSIBILITY_AREAS,
} from '../../src/server/modules/inventory/responsibilities.ts';
import { createTestApp, createWorld, expectProblem, type TestApp, type World } from '../support/test-app.ts';

interface Entry {
  id: string;
  area: string;
  owner: 'partner' | 'provider' | 'joint';
  title: { en: string; es: string };
  detail: { en: string; es: string };
  guideRef: string;
}
interface Listing {
  items: Entry[];
  areas: string[];
}

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(async () => {
  await t.close();
});

async function list(query = '', caller = w.a.engineer): Promise<Listing> {
  const response = await caller.get(`/responsibilities${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Listing>();
}

function entry(items: Entry[], id: string): Entry {
  const found = items.find((e) => e.id === id);
  expect(found, id).toBeDefined();
  return found as Entry;
}

describe('GET /responsibilities', () => {
  it('needs a signed-in user', async () => {
    expectProblem(await w.anonymous.get('/responsibilities'), 401);
  });

  it('answers every role, the provider and partners alike, with the whole matrix and every area', async () => {
    const all = await list();
    expect(all.items.length).toBe(RESPONSIBILITIES.length);
    expect(all.items.length).toBeGreaterThanOrEqual(25);
    expect(all.areas).toEqual([...RESPONSIBILITY_AREAS]);
    for (const caller of [w.provider, w.providerEngineer, w.a.admin, w.b.engineer, w.a.viewer]) {
      expect((await list('', caller)).items.map((e) => e.id)).toEqual(all.items.map((e) => e.id));
    }
    // Every area has at least one entry.
    for (const area of all.areas)
      expect(
        all.items.some((e) => e.area === area),
        area,
      ).toBe(true);
  });

  it('has unique kebab-case ids, both languages in every entry, and a guide reference', async () => {
    const { items } = await list();
    const ids = items.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of items) {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['partner', 'provider', 'joint']).toContain(e.owner);
      for (const text of [e.title.en, e.title.es, e.detail.en, e.detail.es, e.guideRef]) {
        expect(text.trim().length, e.id).toBeGreaterThan(0);
      }
      expect(e.title.es, `${e.id} is translated`).not.toBe(e.title.en);
      expect(e.detail.es, `${e.id} is translated`).not.toBe(e.detail.en);
      // Vendor-neutral: the guide's vendor is "the provider" everywhere.
      for (const text of [e.title.en, e.title.es, e.detail.en, e.detail.es, e.guideRef]) {
        expect(text, e.id).not.toMatch(/cisco|webex|control hub/i);
      }
    }
  });

  it('filters by area, by owner and by both', async () => {
    const backups = await list('?area=backups');
    expect(backups.items.length).toBeGreaterThan(0);
    expect(backups.items.every((e) => e.area === 'backups')).toBe(true);
    expect(backups.areas).toEqual([...RESPONSIBILITY_AREAS]);

    const joint = await list('?owner=joint');
    expect(joint.items.length).toBeGreaterThan(0);
    expect(joint.items.every((e) => e.owner === 'joint')).toBe(true);

    const partnerPatches = await list('?area=patches&owner=partner');
    expect(partnerPatches.items.map((e) => e.id).sort()).toEqual(
      RESPONSIBILITIES.filter((e) => e.area === 'patches' && e.owner === 'partner')
        .map((e) => e.id)
        .sort(),
    );
    expect(partnerPatches.items.every((e) => e.area === 'patches' && e.owner === 'partner')).toBe(true);

    const none = await list('?area=survivability&owner=provider');
    expect(none.items).toEqual([]);
  });

  it('refuses an unknown area, owner or parameter with problem+json naming the field', async () => {
    const badArea = expectProblem(
      await w.a.engineer.get('/responsibilities?area=coffee'),
      400,
      'invalid_parameters',
    );
    expect(badArea.errors?.map((e) => e.path)).toContain('area');

    const badOwner = expectProblem(
      await w.a.engineer.get('/responsibilities?owner=customer'),
      400,
      'invalid_parameters',
    );
    expect(badOwner.errors?.map((e) => e.path)).toContain('owner');

    const unknown = expectProblem(
      await w.a.engineer.get('/responsibilities?who=partner'),
      400,
      'unknown_field',
    );
    expect(unknown.errors?.map((e) => e.path)).toContain('who');
  });

  it('carries the guide’s key facts', async () => {
    const { items } = await list();
    // The enhanced survivability node on the customer premises is a joint responsibility.
    const node = entry(items, 'joint-survivability-node');
    expect(node).toMatchObject({ area: 'survivability', owner: 'joint' });
    expect(node.detail.es).toMatch(/conjunta/);
    expect(items.filter((e) => e.area === 'survivability').every((e) => e.owner === 'joint')).toBe(true);

    // Third-party software and hardware are the partner's.
    expect(entry(items, 'partner-third-party-software')).toMatchObject({
      area: 'third_party',
      owner: 'partner',
    });
    expect(items.filter((e) => e.area === 'third_party').every((e) => e.owner === 'partner')).toBe(true);

    // COP files on request: the provider uploads to SFTP, the partner installs.
    const upload = entry(items, 'provider-cop-upload');
    expect(upload).toMatchObject({ area: 'patches', owner: 'provider' });
    expect(upload.detail.en).toMatch(/SFTP/);
    expect(entry(items, 'partner-cop-install')).toMatchObject({ area: 'patches', owner: 'partner' });

    // Backups are the provider's: nightly, the last 3 good kept, 30 more days, no on-demand restores.
    const nightly = entry(items, 'provider-nightly-backups');
    expect(nightly).toMatchObject({ area: 'backups', owner: 'provider' });
    expect(nightly.detail.en).toMatch(/3 good backups/);
    expect(nightly.detail.en).toMatch(/30 more days/);
    expect(entry(items, 'provider-restore-for-disaster-recovery-only').detail.en).toMatch(
      /not restore on demand/,
    );

    // Network monitoring is split: the partner's network, the provider's data centres.
    expect(entry(items, 'partner-network-monitoring').owner).toBe('partner');
    expect(entry(items, 'provider-datacentre-monitoring').owner).toBe('provider');

    // Capacity: the partner gives the counts, the provider watches the data centre, expansion is joint.
    expect(entry(items, 'partner-activation-counts').owner).toBe('partner');
    expect(entry(items, 'provider-datacentre-capacity').owner).toBe('provider');
    expect(entry(items, 'joint-capacity-expansion').owner).toBe('joint');

    // Certificates: the provider renews 3 to 7 days before expiry; the partner redoes SSO afterwards.
    expect(entry(items, 'provider-certificate-renewal').detail.en).toMatch(/3 to 7 days/);
    expect(entry(items, 'partner-sso-after-renewal').owner).toBe('partner');

    // Disaster recovery: a new publisher within one business day after an application failure.
    expect(entry(items, 'provider-recovery-strategy').detail.en).toMatch(/within one business day/);

    // Contact data is the partner's to keep current.
    expect(entry(items, 'partner-contact-data')).toMatchObject({ area: 'notifications', owner: 'partner' });
  });

  it('is described in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, { get?: { tags?: string[] } }> }>();
    expect(doc.paths['/api/v1/responsibilities']?.get?.tags).toEqual(['responsibilities']);
  });
});
