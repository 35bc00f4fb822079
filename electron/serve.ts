import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '../shared/i18n';
import type { SedeStatus } from '../shared/contract/sede';
import { Hub } from './server/hub';
import { createServices } from './services/registry';
import { networkInterfaces } from './services/sede';

const USAGE = 'Uso: npm run serve -- --db ARCHIVO.db [--port N] [--demo] [--sede [--host DIRECCIÓN] [--sede-port N] [--cert CERT.pem --key CLAVE.pem]]';

/**
 * `npm run serve -- --db FILE [--port N] [--demo]`: the whole app in a browser, over HTTP on
 * 127.0.0.1:N (default 5317), as the organizer (no session). Used by the end-to-end tests.
 *
 * With `--sede` the same process is also the venue's hub, exactly as «Modo sede» from the desktop
 * app (the sede.start service): a second listener on the chosen interface address (`--host`,
 * default the first non-loopback IPv4 address), on the same port number unless `--sede-port`
 * says otherwise, where devices join with invitation codes; HTTPS there with `--cert` and `--key`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5317' },
      demo: { type: 'boolean', default: false },
      sede: { type: 'boolean', default: false },
      host: { type: 'string' },
      'sede-port': { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
    },
  });
  if (!values.db || Boolean(values.cert) !== Boolean(values.key)) {
    console.error(USAGE);
    process.exit(2);
  }
  const services = await createServices({ dbPath: values.db, program: 'serve', demo: values.demo ? 'ensure' : 'never', import: { prewarmWorker: true } });
  const status = services.context.status();
  if (status.state === 'blocked') console.error(`Atención: ${status.message}`);
  const staticDir = path.join(import.meta.dirname, '..', 'renderer');
  const hub = new Hub({ services, staticDir });
  const server = await hub.openLoopback(Number(values.port));
  console.log(`Concurso BPGE sirviendo en ${server.url} (base de datos: ${services.context.dbPath})`);

  const stop = (exitCode = 0) => {
    void hub.close().then(() => {
      services.close();
      process.exit(exitCode);
    });
  };
  process.on('SIGINT', () => stop());
  process.on('SIGTERM', () => stop());

  if (values.sede) {
    const address = values.host ?? networkInterfaces().find((info) => info.family === 'IPv4' && !info.internal)?.address;
    if (!address) {
      console.error(t('sede.serve.noInterface'));
      return stop(1);
    }
    const tls = values.cert && values.key ? { certPem: fs.readFileSync(values.cert, 'utf8'), keyPem: fs.readFileSync(values.key, 'utf8') } : undefined;
    const started = await services.call('sede.start', { address, port: Number(values['sede-port'] ?? values.port), ...(tls ? { tls } : {}) });
    if (!started.ok) {
      console.error(started.error.message);
      return stop(1);
    }
    console.log(t('sede.serve.listening', { url: (started.result as SedeStatus).url ?? '' }));
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
