import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';
import { RegionSchema } from '../directory/directory.schemas.ts';

export const APPLICATION_KINDS = ['cucm', 'cucxn', 'imp', 'cer', 'expressway', 'sme'] as const;
export const VERSION_TIERS = ['n', 'n-1', 'n-2', 'unsupported'] as const;

export const ApplicationKind = Type.Enum(APPLICATION_KINDS);
export const VersionTier = Type.Enum(VERSION_TIERS);
const Hostname = Type.String({
  minLength: 1,
  maxLength: 253,
  pattern: '^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$',
  description: 'a host name or FQDN (letters, digits, dots and dashes)',
});
const DataCentre = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[A-Za-z0-9][A-Za-z0-9 _.-]*$',
  description: 'data centre code, e.g. AMS1',
});
const VersionText = Type.String({
  minLength: 1,
  maxLength: 40,
  description: "release and service update, e.g. '15.0 SU2' or '14.0-SU3'",
});

export const ApplicationNode = Type.Object(
  {
    hostname: Hostname,
    role: Type.Enum(['publisher', 'subscriber'] as const),
    dataCentre: DataCentre,
  },
  { additionalProperties: false },
);

export const Compliance = Type.Object({
  tier: VersionTier,
  mustUpgrade: Type.Boolean(),
  upgradeTo: Nullable(Type.String()),
});

export const Application = Type.Object({
  id: Uuid,
  partnerId: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  kind: ApplicationKind,
  name: Type.String(),
  version: Type.String(),
  region: RegionSchema,
  nodes: Type.Array(ApplicationNode),
  primaryDataCentre: Type.String(),
  failoverDataCentre: Nullable(Type.String()),
  ssoEnabled: Type.Boolean(),
  compliance: Compliance,
  createdAt: Instant,
  updatedAt: Instant,
});

export const CreateApplicationBody = Type.Object(
  {
    customerId: Uuid,
    kind: ApplicationKind,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    version: VersionText,
    nodes: Type.Array(ApplicationNode, { minItems: 1, maxItems: 50 }),
    primaryDataCentre: DataCentre,
    failoverDataCentre: Type.Optional(Nullable(DataCentre)),
    ssoEnabled: Type.Optional(Type.Boolean()),
    region: Type.Optional(RegionSchema),
  },
  { additionalProperties: false },
);

export const UpdateApplicationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    version: Type.Optional(VersionText),
    nodes: Type.Optional(Type.Array(ApplicationNode, { minItems: 1, maxItems: 50 })),
    primaryDataCentre: Type.Optional(DataCentre),
    failoverDataCentre: Type.Optional(Nullable(DataCentre)),
    ssoEnabled: Type.Optional(Type.Boolean()),
    region: Type.Optional(RegionSchema),
  },
  { additionalProperties: false },
);

export const ApplicationQuery = Type.Object(
  {
    customerId: Type.Optional(Uuid),
    partnerId: Type.Optional(Uuid),
    kind: Type.Optional(ApplicationKind),
    tier: Type.Optional(VersionTier),
    mustUpgrade: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ExportQuery = Type.Object(
  { customerId: Type.Optional(Uuid), partnerId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const ImportResult = Type.Object({
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});

const Release = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 20, pattern: '^\\d+(\\.\\d+)*$' }),
    sus: Type.Array(Type.String({ minLength: 3, maxLength: 10, pattern: '^SU\\w+$' }), {
      minItems: 1,
      maxItems: 10,
    }),
  },
  { additionalProperties: false },
);
export const ReleaseTrain = Type.Object({
  n: Release,
  n1: Release,
  n2: Release,
  target: Type.String(),
});
export const ActiveTrain = Type.Object({
  train: ReleaseTrain,
  /** Null while the policy document's train applies (nothing published yet). */
  publishedAt: Nullable(Instant),
  publishedBy: Nullable(Type.String()),
  release: Nullable(Release),
});
export const ReleaseHistory = Type.Object({ active: ActiveTrain, history: Type.Array(ActiveTrain) });

export const PublishReleaseBody = Type.Object(
  {
    version: Release.properties.version,
    sus: Release.properties.sus,
    target: Type.Optional(VersionText),
  },
  { additionalProperties: false },
);
export const PublishResult = Type.Object({
  train: ReleaseTrain,
  previousTrain: ReleaseTrain,
  reclassified: Type.Integer(),
  fellOutOfCompliance: Type.Object({ customers: Type.Integer(), applications: Type.Integer() }),
  campaignId: Nullable(Uuid),
});

const TierCounts = Type.Object({
  n: Type.Integer(),
  'n-1': Type.Integer(),
  'n-2': Type.Integer(),
  unsupported: Type.Integer(),
});
export const ComplianceQuery = Type.Object(
  { partnerId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const ComplianceReport = Type.Object({
  train: ReleaseTrain,
  partners: Type.Array(
    Type.Object({
      partnerId: Uuid,
      partnerName: Type.String(),
      applications: Type.Integer(),
      tiers: TierCounts,
      customersMustUpgrade: Type.Integer(),
      compliantShare: Type.Number(),
    }),
  ),
  customers: Type.Array(
    Type.Object({
      customerId: Uuid,
      customerName: Type.String(),
      partnerId: Uuid,
      applications: Type.Integer(),
      tiers: TierCounts,
    }),
  ),
});

export const Campaign = Type.Object({
  id: Uuid,
  target: Type.String(),
  createdAt: Instant,
  customers: Type.Array(
    Type.Object({
      customerId: Uuid,
      customerName: Type.String(),
      region: RegionSchema,
      partnerId: Uuid,
      partnerName: Type.String(),
      applicationIds: Type.Array(Uuid),
      upgradeChange: Nullable(
        Type.Object(
          {
            id: Uuid,
            reference: Type.String(),
            status: Type.Enum(['scheduled', 'notice_sent', 'in_progress', 'completed', 'cancelled'] as const),
          },
          { description: "the campaign's upgrade change covering the customer (not cancelled), if any" },
        ),
      ),
    }),
  ),
});

export const CERTIFICATE_KINDS = ['tomcat', 'callmanager', 'ipsec', 'capf', 'tvs', 'itl', 'other'] as const;
export const CERTIFICATE_STATUSES = ['expired', 'overdue', 'due', 'soon', 'ok'] as const;
export const Certificate = Type.Object({
  id: Uuid,
  partnerId: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  applicationId: Uuid,
  applicationName: Type.String(),
  kind: Type.Enum(CERTIFICATE_KINDS),
  subject: Type.String(),
  expiresAt: Instant,
  status: Type.Enum(CERTIFICATE_STATUSES),
  /** The renewal slot the daily job proposed (3–7 days before expiry, inside the window). */
  proposal: Nullable(
    Type.Object({
      start: Nullable(Instant),
      end: Nullable(Instant),
      problem: Nullable(Type.String()),
      proposedAt: Instant,
    }),
  ),
  renewedAt: Nullable(Instant),
});
export const CertificateQuery = Type.Object(
  {
    customerId: Type.Optional(Uuid),
    applicationId: Type.Optional(Uuid),
    /** One certificate (a renewal change links to it). */
    certificateId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(['attention', ...CERTIFICATE_STATUSES] as const)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const AddCertificateBody = Type.Object(
  {
    applicationId: Uuid,
    kind: Type.Enum(CERTIFICATE_KINDS),
    subject: Type.String({ minLength: 1, maxLength: 255 }),
    expiresAt: Instant,
  },
  { additionalProperties: false },
);
export const RenewalBody = Type.Object({ expiresAt: Instant }, { additionalProperties: false });
