import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { Instant, Nullable, Uuid } from '../../http/schema-types.ts';

export const COP_PACKAGES = ['phone_firmware', 'locale', 'device_pack', 'fix', 'other'] as const;
export const COP_STATUSES = ['requested', 'uploaded', 'installed', 'rejected', 'cancelled'] as const;
const ChecksumAlgorithm = Type.Enum(['sha256', 'sha512', 'md5'] as const);
const FileName = Type.String({
  minLength: 1,
  maxLength: 255,
  description: 'the COP file, e.g. cmterm-devicepack14.0.1.14111-1.cop.sha512',
});
const Reason = Type.String({ minLength: 1, maxLength: 2000 });

export const CopRequest = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  partnerId: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  applicationId: Uuid,
  applicationName: Type.String(),
  package: Type.Enum(COP_PACKAGES),
  fileName: Type.String(),
  reason: Type.String(),
  status: Type.Enum(COP_STATUSES),
  upload: Nullable(
    Type.Object({
      sftpPath: Type.String(),
      checksumAlgorithm: ChecksumAlgorithm,
      checksum: Type.String(),
      uploadedAt: Instant,
      uploadedBy: Type.String(),
    }),
  ),
  installedAt: Nullable(Instant),
  installedBy: Nullable(Type.String()),
  closingReason: Nullable(Type.String()),
  requestedBy: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const CopRequestQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['open', ...COP_STATUSES] as const)),
    customerId: Type.Optional(Uuid),
    applicationId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const CopRequestBody = Type.Object(
  { applicationId: Uuid, package: Type.Enum(COP_PACKAGES), fileName: FileName, reason: Reason },
  { additionalProperties: false },
);
export const UploadBody = Type.Object(
  {
    fileName: Type.Optional(FileName),
    sftpPath: Type.String({
      minLength: 2,
      maxLength: 500,
      pattern: '^/[^\\0]*$',
      description: 'absolute path of the file on the instance SFTP server',
    }),
    checksumAlgorithm: ChecksumAlgorithm,
    checksum: Type.String({ minLength: 32, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export const InstalledBody = Type.Object(
  { installedAt: Type.Optional(Instant) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
