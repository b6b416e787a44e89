import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AnswerOf, HTTP_ROUTES } from '../../../shared/protocol/contract';
import { addresseeNames, heldSteps, recordOf, reportOf } from '../../meetings/record';
import { meetingOf } from '../access';
import { requestsCsv, turnsCsv } from '../recordCsv';

const { record, recordCsv, requestsCsv: requestsCsvRoute, steps, report } = HTTP_ROUTES;

/** The file name of an export: the meeting's id and what it holds. */
const attachment = (meetingId: string, what: string) =>
  `attachment; filename="${meetingId}-${what}.csv"`;

const CSV = 'text/csv; charset=utf-8';

/**
 * The record and what is made of it, for chairs and moderators (docs/protocol.md, "HTTP": every
 * route here is `access: 'officer'`). The meeting layer assembles them (`server/meetings/record.ts`);
 * these routes answer, as JSON or as CSV.
 */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/record',
    { config: { access: record.access }, schema: { params: record.params } },
    async (request): Promise<AnswerOf<typeof record>> => recordOf(meetingOf(request)),
  );

  app.get(
    '/record.csv',
    { config: { access: recordCsv.access }, schema: { params: recordCsv.params } },
    async (request, reply) => {
      const runtime = meetingOf(request);
      const { turns } = await runtime.record();
      const text: AnswerOf<typeof recordCsv> = turnsCsv(turns, addresseeNames(runtime));
      return reply
        .type(CSV)
        .header('content-disposition', attachment(runtime.meetingId, 'record'))
        .send(text);
    },
  );

  app.get(
    '/requests.csv',
    { config: { access: requestsCsvRoute.access }, schema: { params: requestsCsvRoute.params } },
    async (request, reply) => {
      const runtime = meetingOf(request);
      const { requests, waiting } = await recordOf(runtime);
      const text: AnswerOf<typeof requestsCsvRoute> = requestsCsv(
        requests,
        waiting,
        addresseeNames(runtime),
      );
      return reply
        .type(CSV)
        .header('content-disposition', attachment(runtime.meetingId, 'requests'))
        .send(text);
    },
  );

  app.get(
    '/steps',
    { config: { access: steps.access }, schema: { params: steps.params } },
    async (request): Promise<AnswerOf<typeof steps>> => ({
      steps: await heldSteps(meetingOf(request)),
    }),
  );

  app.get(
    '/report',
    { config: { access: report.access }, schema: { params: report.params } },
    async (request): Promise<AnswerOf<typeof report>> => reportOf(meetingOf(request)),
  );
};
