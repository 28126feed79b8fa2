import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue.ts';
import { DomainError, type ErrorParams } from '../errors/domain-error.ts';
import { errorMessage } from '../errors/messages.ts';
import { describeProblem, toProblems } from './validation-problems.ts';

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, params: ErrorParams = {}, details?: unknown[]) {
  return reply.status(errorCatalogue[code].status).send({
    error: { code, message: errorMessage(code, request.locale, params), ...(details ? { details } : {}) },
  });
}

const FRAMEWORK_CODES: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** The one place where every failure becomes `{ error: { code, message } }` in the request's language. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      if (error.code === 'TOO_MANY_LOGIN_ATTEMPTS') void reply.header('Retry-After', Number(error.params.minutes) * 60);
      return sendError(request, reply, error.code, error.params, error.details);
    }
    if (error.validation) {
      const problems = toProblems(error.validation, error.validationContext);
      return sendError(request, reply, 'VALIDATION_FAILED', { problem: describeProblem(problems[0]!, request.locale) }, problems);
    }
    const mapped = error.code ? FRAMEWORK_CODES[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped, { contentType: request.headers['content-type'] ?? '' });
    if (error instanceof SyntaxError) return sendError(request, reply, 'MALFORMED_BODY');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return sendError(request, reply, 'BAD_REQUEST', { reason: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL_ERROR', { requestId: request.id });
  });
}
