import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHttpServer } from './server/http';
import { createServices } from './services/registry';

/**
 * `npm run serve -- --db FILE [--port N] [--demo]`: the whole app in a browser, over HTTP on
 * 127.0.0.1. Used by the end-to-end tests; it will grow into the venue-network hub.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5317' },
      demo: { type: 'boolean', default: false },
    },
  });
  if (!values.db) {
    console.error('Uso: npm run serve -- --db ARCHIVO.db [--port N] [--demo]');
    process.exit(2);
  }
  const services = await createServices({ dbPath: values.db, program: 'serve', demo: values.demo ? 'ensure' : 'never', import: { prewarmWorker: true } });
  const status = services.context.status();
  if (status.state === 'blocked') console.error(`Atención: ${status.message}`);
  const staticDir = path.join(import.meta.dirname, '..', 'renderer');
  const server = await startHttpServer({ services, staticDir, port: Number(values.port) });
  console.log(`Concurso BPGE sirviendo en ${server.url} (base de datos: ${services.context.dbPath})`);

  const stop = () => {
    void server.close().then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
