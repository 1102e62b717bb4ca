import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  backupRetentionCall,
  CHANGE_TYPES,
  IMPACTS,
  maintenanceCheckCall,
  maintenanceWindowsCall,
  nextSlotCall,
  REGIONS,
  responseDueCall,
  SEVERITIES,
  severityCall,
  URGENCIES,
} from '../../../core/index.ts';
import { callerScope, requireRole } from '../../http/authenticate.ts';
import { AppError, unprocessable } from '../../http/errors.ts';
import { ProblemResponses } from '../../http/openapi.ts';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Region = literals(REGIONS);
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 with Z or an offset' });
const ChangeType = literals(CHANGE_TYPES);
const ExplainQuery = Type.Object(
  { explain: Type.Optional(Type.Boolean({ description: 'Add the structured explanation of the verdict' })) },
  { additionalProperties: false },
);
const Flags = Type.Object({ emergency: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

const SeverityBody = Type.Object(
  {
    impact: Type.Optional(literals(IMPACTS)),
    affectedShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    urgency: literals(URGENCIES),
  },
  { additionalProperties: false },
);
const ResponseDueBody = Type.Object(
  {
    severity: literals(SEVERITIES),
    region: Region,
    openedAt: Instant,
    explain: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const ChangeFields = {
  region: Type.Optional(Region),
  regions: Type.Optional(Type.Array(Region, { minItems: 1, maxItems: 4 })),
  type: ChangeType,
  noticeAt: Type.Optional(Instant),
  reason: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  emergencyReason: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  certificateExpiresAt: Type.Optional(Type.Union([Instant, Type.Null()])),
  flags: Type.Optional(Flags),
  explain: Type.Optional(Type.Boolean()),
};
const MaintenanceCheckBody = Type.Object(
  { ...ChangeFields, start: Instant, end: Instant },
  { additionalProperties: false },
);
const NextSlotBody = Type.Object(
  {
    ...ChangeFields,
    durationMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
    after: Type.Optional(Instant),
    horizonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
  },
  { additionalProperties: false },
);
const BackupRetentionBody = Type.Object(
  {
    now: Instant,
    backups: Type.Array(
      Type.Object(
        { id: Type.String({ minLength: 1, maxLength: 200 }), takenAt: Instant, ok: Type.Boolean() },
        { additionalProperties: false },
      ),
      { maxItems: 10_000 },
    ),
  },
  { additionalProperties: false },
);
const WindowsQuery = Type.Object(
  { region: Region, from: Instant, to: Instant },
  { additionalProperties: false },
);
const Violation = Type.Object({
  code: Type.String(),
  message: Type.String(),
  region: Type.Optional(Region),
  explain: Type.Optional(Type.Unknown()),
});

/** The core throws RangeError for values a schema cannot catch (end before start, too long a range). */
function ruleBroken<T>(work: () => T, path: string, status: 400 | 422 = 422): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) {
      if (status === 400) {
        throw new AppError(400, 'invalid_parameters', error.message, {
          errors: [{ code: 'invalid', path, message: error.message }],
        });
      }
      throw unprocessable([{ code: 'invalid', path, message: error.message }], error.message);
    }
    throw error;
  }
}

export async function policyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const policy = () => fastify.ctx.policy.policy;

  app.get(
    '/policy',
    {
      schema: {
        tags: ['policy'],
        summary: 'The active policy document',
        response: { 200: Type.Unknown(), ...ProblemResponses },
      },
    },
    async (request) => {
      callerScope(request);
      return fastify.ctx.policy.document;
    },
  );

  app.post(
    '/policy/severity',
    {
      schema: {
        tags: ['policy'],
        summary: 'Severity from impact (or affected share) and urgency',
        body: SeverityBody,
        response: {
          200: Type.Object({ impact: Type.String(), urgency: Type.String(), severity: Type.String() }),
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      callerScope(request);
      const { impact, affectedShare } = request.body;
      if ((impact === undefined) === (affectedShare === undefined)) {
        throw unprocessable([
          { code: 'one_of_required', path: 'impact', message: 'give exactly one of impact or affectedShare' },
        ]);
      }
      return severityCall(policy(), request.body);
    },
  );

  app.post(
    '/policy/response-due',
    {
      schema: {
        tags: ['policy'],
        summary: 'Response due time for a severity opened at an instant in a region',
        querystring: ExplainQuery,
        body: ResponseDueBody,
        response: {
          200: Type.Object({ dueAt: Type.String(), explain: Type.Optional(Type.Unknown()) }),
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      callerScope(request);
      const explain = request.query.explain ?? request.body.explain ?? false;
      return ruleBroken(() => responseDueCall(policy(), { ...request.body, explain }), 'openedAt');
    },
  );

  app.post(
    '/policy/maintenance-check',
    {
      schema: {
        tags: ['policy'],
        summary: 'Check a change against every scheduling rule',
        querystring: ExplainQuery,
        body: MaintenanceCheckBody,
        response: {
          200: Type.Object({ allowed: Type.Boolean(), violations: Type.Array(Violation) }),
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      callerScope(request);
      const body = request.body;
      if (!body.region && !body.regions) {
        throw unprocessable([{ code: 'required', path: 'region', message: 'region is required' }]);
      }
      if (Date.parse(body.end) <= Date.parse(body.start)) {
        throw unprocessable([{ code: 'invalid_interval', path: 'end', message: 'end must be after start' }]);
      }
      const explain = request.query.explain ?? body.explain ?? false;
      return ruleBroken(() => maintenanceCheckCall(policy(), { ...body, explain }, new Date()), 'end');
    },
  );

  app.post(
    '/policy/next-slot',
    {
      schema: {
        tags: ['policy'],
        summary: 'The earliest start that breaks no rule, per region and common to all',
        body: NextSlotBody,
        response: { 200: Type.Unknown(), ...ProblemResponses },
      },
    },
    async (request) => {
      callerScope(request);
      if (!request.body.region && !request.body.regions) {
        throw unprocessable([{ code: 'required', path: 'region', message: 'region is required' }]);
      }
      return ruleBroken(() => nextSlotCall(policy(), request.body, new Date()), 'durationMinutes');
    },
  );

  app.post(
    '/policy/backup-retention',
    {
      schema: {
        tags: ['policy'],
        summary: 'Which backups to keep and which to purge (provider only)',
        body: BackupRetentionBody,
        response: {
          200: Type.Object({ retain: Type.Array(Type.String()), purge: Type.Array(Type.String()) }),
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      requireRole(callerScope(request), ['provider_admin', 'provider_engineer']);
      const ids = request.body.backups.map((b) => b.id);
      if (new Set(ids).size !== ids.length) {
        throw unprocessable([
          { code: 'duplicate_id', path: 'backups', message: 'backup ids must be unique' },
        ]);
      }
      return ruleBroken(() => backupRetentionCall(policy(), request.body), 'backups');
    },
  );

  app.get(
    '/maintenance-windows',
    {
      schema: {
        tags: ['policy'],
        summary: 'The maintenance windows of a region that start in [from, to), in order',
        querystring: WindowsQuery,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                start: Type.String(),
                end: Type.String(),
                kind: Type.Union([Type.Literal('weekday'), Type.Literal('weekend')]),
              }),
            ),
          }),
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      callerScope(request);
      if (Date.parse(request.query.to) < Date.parse(request.query.from)) {
        throw new AppError(400, 'invalid_parameters', 'to must not be before from', {
          errors: [{ code: 'range', path: 'to', message: 'to must not be before from' }],
        });
      }
      return ruleBroken(() => maintenanceWindowsCall(policy(), request.query), 'to', 400);
    },
  );
}
