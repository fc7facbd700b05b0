import type { Instrumentation } from 'next';

// Every error Next catches while rendering a page, running an action or a route handler, logged as
// one JSON line with the request id nginx gave the request.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { errorMessage, logEvent } = await import('./lib/log');
  const requestId = request.headers['x-request-id'];
  logEvent('error', 'request failed', {
    requestId: Array.isArray(requestId) ? requestId[0] : requestId,
    method: request.method,
    path: request.path,
    route: context.routePath,
    routeType: context.routeType,
    digest: error && typeof error === 'object' && 'digest' in error ? error.digest : undefined,
    err: errorMessage(error),
  });
};
