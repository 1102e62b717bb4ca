import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { callerScope } from '../../http/authenticate.ts';
import { ProblemResponses } from '../../http/openapi.ts';
import { findResponsibilities, RESPONSIBILITY_AREAS, RESPONSIBILITY_OWNERS } from './responsibilities.ts';

const Area = Type.Enum(RESPONSIBILITY_AREAS);
const Owner = Type.Enum(RESPONSIBILITY_OWNERS);
const Localized = Type.Object({ en: Type.String(), es: Type.String() });

const ResponsibilityQuery = Type.Object(
  {
    area: Type.Optional(Area),
    owner: Type.Optional(Owner),
  },
  { additionalProperties: false },
);

const Responsibility = Type.Object({
  id: Type.String({ description: 'stable kebab-case identifier' }),
  area: Area,
  owner: Owner,
  title: Localized,
  detail: Localized,
  guideRef: Type.String({ description: 'the section of the partner operations guide (Spanish heading)' }),
});

const ResponsibilityList = Type.Object({
  items: Type.Array(Responsibility),
  areas: Type.Array(Area, { description: 'every area, in display order, whatever the filter' }),
});

export async function responsibilityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/responsibilities',
    {
      schema: {
        tags: ['responsibilities'],
        summary:
          'Who owns what (partner, provider or joint), from the partner operations guide, in English and Spanish',
        querystring: ResponsibilityQuery,
        response: { 200: ResponsibilityList, ...ProblemResponses },
      },
    },
    async (request) => {
      callerScope(request);
      return {
        items: findResponsibilities({ area: request.query.area, owner: request.query.owner }),
        areas: [...RESPONSIBILITY_AREAS],
      };
    },
  );
}
