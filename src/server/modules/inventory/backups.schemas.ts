import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';
import { ApplicationKind } from './inventory.schemas.ts';

const Night = Type.String({ format: 'date', description: 'the region-local date of the nightly run' });

export const RecordBackupsBody = Type.Object(
  {
    records: Type.Array(
      Type.Object(
        {
          applicationId: Uuid,
          takenAt: Instant,
          ok: Type.Boolean({ description: 'the backup completed and verified' }),
          sizeBytes: Type.Optional(Type.Integer({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10_000 },
    ),
  },
  { additionalProperties: false },
);
export const RecordBackupsResult = Type.Object({
  recorded: Type.Integer({ description: 'new nightly records' }),
  replaced: Type.Integer({ description: 'records replaced by a later run of the same night' }),
  unchanged: Type.Integer({ description: 'records already known (or an earlier run of a known night)' }),
});
export const Backup = Type.Object({
  id: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  applicationId: Uuid,
  applicationName: Type.String(),
  applicationKind: ApplicationKind,
  night: Night,
  takenAt: Instant,
  ok: Type.Boolean(),
  sizeBytes: Nullable(Type.Integer()),
});
export const BackupQuery = Type.Object(
  { customerId: Type.Optional(Uuid), applicationId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);
export const BackupPurge = Type.Object({
  runId: Uuid,
  backupId: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  applicationId: Uuid,
  applicationName: Nullable(Type.String()),
  night: Night,
  takenAt: Instant,
  ok: Type.Boolean(),
  purgedAt: Instant,
});
export const PurgeQuery = Type.Object(
  { customerId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);
export const PromiseQuery = Type.Object(
  {
    partnerId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    holds: Type.Optional(Type.Boolean({ description: 'false: only customers where the promise is broken' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const BackupPromise = Type.Object({
  keepGood: Type.Integer(),
  items: Type.Array(
    Type.Object({
      customerId: Uuid,
      customerName: Type.String(),
      partnerId: Uuid,
      holds: Type.Boolean(),
      applications: Type.Array(
        Type.Object({
          applicationId: Uuid,
          name: Type.String(),
          kind: ApplicationKind,
          goodBackups: Type.Integer(),
          newestGoodAt: Nullable(Instant),
          newestAt: Nullable(Instant),
          newestOk: Nullable(Type.Boolean()),
          holds: Type.Boolean(),
          problems: Type.Array(Type.Enum(['too_few_good', 'stale'] as const)),
        }),
      ),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});
