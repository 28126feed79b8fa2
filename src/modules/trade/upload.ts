import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { IMPORT_PROBLEM_CODES, mappingFieldMessages } from '../../errors/import-problems.ts';
import { importProblemMessage, localise } from '../../errors/messages.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, literalUnion } from '../../http/schemas.ts';
import type { Locale } from '../../i18n/locale.ts';
import { centsToDecimal } from './formats/decimal.ts';
import { TRADE_FORMATS } from './formats/detect.ts';
import { parseColumnMapping } from './formats/mapped-csv.ts';
import { RowError } from './formats/row.ts';
import { ImportError, ImportFileError } from './import/errors.ts';
import { importTradeFile } from './import/import-dataset.ts';

/** Largest upload accepted, per file. Bigger releases are imported with the command line. */
export const UPLOAD_LIMIT_BYTES = 512 * 1024 * 1024;

const ImportQuery = Type.Object(
  {
    format: Type.Optional(literalUnion(TRADE_FORMATS)),
    dataset: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', maxLength: 100 })),
    release: Type.Optional(Type.String({ maxLength: 40 })),
    map: Type.Optional(Type.String({ maxLength: 1000, description: 'Column mapping of a plain CSV: year=…,reporter=…,partner=…,flow=…,value=…' })),
  },
  { additionalProperties: false },
);

const ImportResponse = Type.Object({
  status: literalUnion(['imported', 'unchanged'] as const),
  dataset: Type.Object({ id: Type.String(), name: Type.String(), release: Type.String() }),
  replacedRelease: Type.Union([Type.String(), Type.Null()]),
  rowsRead: Type.Integer(),
  records: Type.Integer(),
  periods: Type.Array(Type.String()),
  reporters: Type.Integer(),
  totalValue: Type.String(),
  skipped: Type.Record(Type.String(), Type.Integer()),
});

const ImportProblemDetail = Type.Object({
  file: Type.Optional(Type.String({ description: 'The uploaded file' })),
  line: Type.Optional(Type.Integer({ description: 'Line of the file, 1 being the header' })),
  column: Type.Optional(Type.String({ description: 'Column of the file, as its header names it; - for the row as a whole' })),
  field: Type.Optional(Type.String({ description: 'Field of the column mapping `map`' })),
  reason: Type.String({ description: "What is wrong, in the request's language" }),
  problem: literalUnion(IMPORT_PROBLEM_CODES, 'Stable code of what is wrong, listed in docs/errors.md'),
});

const ValidationDetail = Type.Object({ path: Type.String(), keyword: Type.String(), message: Type.String() });

/** The error response of an upload: `details` say where the file or mapping is wrong and what the problem is. */
const ImportErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable machine-readable code, listed in docs/errors.md' }),
    message: Type.String({ description: "Human-readable message in the request's language" }),
    details: Type.Optional(Type.Array(Type.Union([ImportProblemDetail, ValidationDetail]))),
  }),
});

/**
 * The error an import failure is answered with, its reason in the request's language; undefined for failures that
 * are not the file's. `folder` is where the upload was saved, never shown; `file` the saved data file.
 */
export function importFailure(error: unknown, locale: Locale, upload: { folder: string; file: string | undefined }): DomainError | undefined {
  if (error instanceof ImportError) {
    const reason = importProblemMessage(error.problem, locale);
    return new DomainError('IMPORT_ROW_INVALID', { file: error.file, line: error.line, column: error.column, reason }, [
      { file: error.file, line: error.line, column: error.column, reason, problem: error.problem.code },
    ]);
  }
  if (error instanceof ImportFileError) {
    if (!error.problem || upload.file === undefined) return new DomainError('IMPORT_FILE_INVALID', { reason: error.message.replace(upload.folder, '').replace(/^\//, '') });
    const file = basename(upload.file);
    const reason = importProblemMessage(error.problem, locale);
    return new DomainError('IMPORT_FILE_INVALID', { reason: `${file}: ${reason}` }, [{ file, reason, problem: error.problem.code }]);
  }
  return undefined;
}

/** The error a column mapping that cannot be parsed is answered with, in the request's language. */
export function mappingFailure(error: RowError, locale: Locale): DomainError {
  const reason = importProblemMessage(error.problem, locale);
  return new DomainError('IMPORT_FILE_INVALID', { reason: localise(mappingFieldMessages, locale, { field: error.column, problem: reason }) }, [
    { field: error.column, reason, problem: error.problem.code },
  ]);
}

const safeName = (name: string) => basename(name).replace(/[^A-Za-z0-9._-]/g, '_') || 'upload.csv';

/** Upload of a trade file (field `file`, BACI's country codes as field `companion`), imported in one transaction. */
export function importRoutes(db: Database) {
  return async (app: App) => {
    // Text fields are refused below rather than by a limit of 0: hitting busboy's fields limit before a file part
    // leaves the request without an answer.
    await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 3, fields: 3, parts: 3 } });
    app.post(
      '/imports',
      {
        config: { access: ['admin', 'member'] },
        schema: {
          tags: ['trade'],
          summary: 'Upload and import a trade statistics file (multipart: file, and for BACI companion = country_codes_V*.csv)',
          consumes: ['multipart/form-data'],
          querystring: ImportQuery,
          response: { 201: ImportResponse, 200: ImportResponse, 400: ImportErrorResponse, ...errorResponses(401, 403, 413, 415) },
        },
      },
      async (request, reply) => {
        const folder = await mkdtemp(join(tmpdir(), 'scohub-upload-'));
        let dataFile: string | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type !== 'file') {
              throw new DomainError('VALIDATION_FAILED', { problem: `unknown field ${part.fieldname}` }, [
                { path: `body.${part.fieldname}`, keyword: 'additionalProperties', message: 'send only files: the data as field file, and for BACI its country codes as field companion' },
              ]);
            }
            const path = join(folder, safeName(part.filename));
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE');
            if (part.fieldname === 'file') dataFile = path;
          }
          if (!dataFile) {
            throw new DomainError('VALIDATION_FAILED', { problem: 'no file field' }, [{ path: 'body.file', keyword: 'required', message: 'upload the data file as field file' }]);
          }
          const q = request.query;
          let mapping;
          try {
            mapping = q.map === undefined ? undefined : parseColumnMapping(q.map);
          } catch (error) {
            if (error instanceof RowError) throw mappingFailure(error, request.locale);
            throw error;
          }
          const result = await importTradeFile(db, { file: dataFile, format: q.format, dataset: q.dataset, release: q.release, mapping, importedBy: request.session!.user.id });
          if (result.status === 'unchanged') {
            return reply.status(200).send({ status: 'unchanged', dataset: result.dataset, replacedRelease: null, rowsRead: 0, records: 0, periods: [], reporters: 0, totalValue: '0.00', skipped: {} });
          }
          const { summary } = result;
          return reply.status(201).send({
            status: 'imported',
            dataset: result.dataset,
            replacedRelease: result.replaced?.release ?? null,
            rowsRead: summary.rowsRead,
            records: summary.records,
            periods: [...summary.periods].sort(),
            reporters: summary.reporters.size,
            totalValue: centsToDecimal(summary.totalValue),
            skipped: summary.skipped,
          });
        } catch (error) {
          const failure = importFailure(error, request.locale, { folder, file: dataFile });
          if (failure) throw failure;
          const code = (error as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new DomainError('PAYLOAD_TOO_LARGE');
          // A body that is not multipart/form-data (JSON, say) is a media type this route does not take.
          if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', { contentType: request.headers['content-type'] ?? '' });
          throw error;
        } finally {
          await rm(folder, { recursive: true, force: true });
        }
      },
    );
  };
}
