import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { addIndicator, getIndicator, listIndicators, updateIndicator } from './indicators.ts';
import { overview } from './overview.ts';
import { presentState } from './presenter.ts';
import {
  IdParams,
  IndicatorPatchBody,
  IndicatorsQuery,
  Iso3Params,
  NewIndicatorBody,
  NewStateBody,
  NewStatusBody,
  OverviewSchema,
  StatePatchBody,
  StatesQuery,
} from './schemas.ts';
import { addState, addStatusEntry, getState, listStates, renameState } from './states.ts';
import { assertCalendarDate, today } from './status-history.ts';

const ADMIN = ['admin'] as const;

export function orgRoutes(db: Database) {
  return async (app: App) => {
    app.get(
      '/overview',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisation'],
          summary: 'The SCO at a glance: founding date, states by status on a date, published headline figures',
          querystring: Type.Object({ asOf: StatesQuery.properties.asOf }, { additionalProperties: false }),
          response: { 200: OverviewSchema, ...errorResponses(400) },
        },
      },
      async (request) => overview(db, assertCalendarDate(request.query.asOf ?? today())),
    );

    app.get(
      '/states',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisation'],
          summary: 'Every state in the registry with its status history; filter by the status in effect on a date',
          querystring: StatesQuery,
          response: { 200: Type.Object({ asOf: Type.String(), states: Type.Array(Type.Ref('State')) }), ...errorResponses(400) },
        },
      },
      async (request) => {
        const asOf = assertCalendarDate(request.query.asOf ?? today());
        const states = await listStates(db, { asOf, status: request.query.status });
        const presented = states.map((s) => presentState(s, request.locale, asOf));
        presented.sort((a, b) => a.name.localeCompare(b.name, request.locale));
        return { asOf, states: presented };
      },
    );

    app.get(
      '/states/:iso3',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisation'],
          summary: 'One state by ISO 3166-1 alpha-3 code',
          params: Iso3Params,
          querystring: StatesQuery,
          response: { 200: Type.Ref('State'), ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const asOf = assertCalendarDate(request.query.asOf ?? today());
        return presentState(await getState(db, request.params.iso3), request.locale, asOf);
      },
    );

    app.post(
      '/states',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['organisation'],
          summary: 'Add a state to the registry (names default to ISO 3166 names in each language)',
          body: NewStateBody,
          response: { 201: Type.Ref('State'), ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        await addState(db, request.body);
        return reply.status(201).send(presentState(await getState(db, request.body.iso3), request.locale, today()));
      },
    );

    app.patch(
      '/states/:iso3',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['organisation'],
          summary: "Correct a state's names",
          params: Iso3Params,
          body: StatePatchBody,
          response: { 200: Type.Ref('State'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => presentState(await renameState(db, request.params.iso3, request.body.names), request.locale, today()),
    );

    app.post(
      '/states/:iso3/statuses',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['organisation'],
          summary: 'Record a change of status with its date and source',
          params: Iso3Params,
          body: NewStatusBody,
          response: { 201: Type.Ref('StatusEntry'), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const entry = await addStatusEntry(db, request.params.iso3, request.body, { createdBy: request.session!.user.id });
        return reply.status(201).send(entry);
      },
    );

    app.get(
      '/indicators',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisation'],
          summary: 'Figures as published by their sources, with the quote that states each',
          querystring: IndicatorsQuery,
          response: { 200: Type.Object({ indicators: Type.Array(Type.Ref('Indicator')) }), ...errorResponses(400) },
        },
      },
      async (request) => ({ indicators: await listIndicators(db, request.query) }),
    );

    app.get(
      '/indicators/:id',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisation'],
          summary: 'One published figure',
          params: IdParams,
          response: { 200: Type.Ref('Indicator'), ...errorResponses(400, 404) },
        },
      },
      async (request) => getIndicator(db, request.params.id),
    );

    app.post(
      '/indicators',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['organisation'],
          summary: 'Add a published figure with its source and quote',
          body: NewIndicatorBody,
          response: { 201: Type.Ref('Indicator'), ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await addIndicator(db, request.body, { createdBy: request.session!.user.id })),
    );

    app.patch(
      '/indicators/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['organisation'],
          summary: 'Correct a published figure',
          params: IdParams,
          body: IndicatorPatchBody,
          response: { 200: Type.Ref('Indicator'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateIndicator(db, request.params.id, request.body),
    );
  };
}
