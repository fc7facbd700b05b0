// Renders language versions off the main thread: the Markdown pipeline is CPU-bound (tens of
// milliseconds a post), and the main thread has database round trips to overlap with it.
import { parentPort } from 'node:worker_threads';
import { renderLocalization, type RenderRequest } from './render';

parentPort?.on('message', (request: RenderRequest & { id: number }) => {
  try {
    parentPort?.postMessage({ id: request.id, ok: true, result: renderLocalization(request) });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
