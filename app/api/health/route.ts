// Liveness: the process is up and serving. Never touches the database, so a database outage
// does not make an orchestrator restart healthy app processes.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
