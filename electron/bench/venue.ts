import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { SessionScope } from '../../shared/sede/roles';
import { execute } from '../db/query';
import { Hub } from '../server/hub';
import { createServices, type Services } from '../services/registry';
import { freePort, joinDevice, openEventStream, postCall, type StreamedEvent } from './venue-sessions';

/**
 * A simulated venue against the hub, over real HTTP on loopback (the hub on 127.0.0.2, standing
 * in for the venue's network interface): 10 moderators typing (a save every 300 ms each, two per
 * sala in 5 salas), 5 jurors scoring, 5 check-in desks, and 20 viewers on the event stream (two
 * projectors per sala, 10 organizer screens). Each device joins the hub with its own invitation
 * (sede.invitations.create, then POST /api/sede/unirse) and sends its session cookie on its own
 * keep-alive connection, so every call passes the hub's real session check and the role's grants. Measured per write: until durable (the HTTP round trip: the answer
 * comes after the synchronous=FULL commit) and until seen by every viewer entitled to it; and
 * events lost (an entitled viewer never got it) or misdelivered (a viewer got what its role must
 * not see, judged here independently of the hub's filter).
 * Beside it, in the same run and for as long: a bare Node HTTP + SSE broadcast server answering
 * the same writes and pushing the same messages to the same viewers (no database, no filter).
 * Targets: write p95 ≤ 10 ms; seen-by-all p95 ≤ 250 ms; zero lost or misdelivered.
 */
const SALAS = 5;
const MODERATORS_PER_SALA = 2;
const PROJECTORS_PER_SALA = 2;
const ORGANIZER_VIEWERS = 10;
const JURORS = 5;
const DESKS = 5;
const TYPE_EVERY_MS = 300;
const SCORE_EVERY_MS = 1_000;
const CHECK_IN_EVERY_MS = 1_500;
const HOST = '127.0.0.2';
const TARGET_WRITE_P95_MS = 10;
const TARGET_SEEN_P95_MS = 250;
/** How long after the last write an entitled viewer may still receive it before it counts as lost. */
const DRAIN_MS = 5_000;

export async function benchVenue(seconds = 60): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-bench-venue-'));
  let services: Services | null = null;
  try {
    services = await createServices({ dbPath: path.join(dir, 'sede.db'), demo: 'never', log: () => undefined, backupIntervalMinutes: 24 * 60 });
    const venue = await prepareVenue(services, seconds);
    console.log(
      `Sede simulada ${seconds} s: ${SALAS * MODERATORS_PER_SALA} moderadores (1 guardado / ${TYPE_EVERY_MS} ms), ${JURORS} jurados, ${DESKS} mesas de registro, ` +
        `${SALAS * PROJECTORS_PER_SALA + ORGANIZER_VIEWERS} pantallas en el flujo de eventos; centro en http://${HOST}`,
    );
    const hub = new Hub({ services, staticDir: dir, log: () => undefined });
    let hubResult: RunResult;
    try {
      const port = await freePort(HOST);
      const started = await services.call('sede.start', { address: HOST, port });
      if (!started.ok) throw new Error(`sede.start: ${started.error.message}`);
      const url = `http://${HOST}:${port}`;
      const cookies = new Map<VenueDevice, string>();
      for (const device of [...venue.viewers.map((v) => v.device), ...venue.writers.values()]) cookies.set(device, await joinDevice(services, url, device.scope, device.name));
      hubResult = await runDevices(planFor(venue, seconds, url, (device) => ({ Cookie: cookies.get(device)! }), false));
    } finally {
      await hub.close();
    }
    const bare = await startBareBroadcast(venue);
    let bareResult: RunResult;
    try {
      bareResult = await runDevices(planFor(venue, seconds, bare.url, (device) => ({ 'x-dispositivo': venue.viewerIndex.get(device)?.toString() ?? '-' }), true));
    } finally {
      await bare.close();
    }
    print(hubResult, bareResult, durableFloor(path.join(dir, 'piso.db'), hubResult.writes));
  } finally {
    services?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ——— The venue ———

interface Sala {
  id: number;
  lineIds: number[];
}

/** The records the devices write to. */
interface VenueRecords {
  salas: Sala[];
  stageId: number;
  jurorIds: number[];
  entryIds: number[];
  criterionIds: number[];
  /** Attendees each desk will check in, disjoint. */
  deskAttendees: number[][];
}

interface Venue extends VenueRecords {
  encuentroId: number;
  viewers: ViewerSpec[];
  viewerIndex: Map<VenueDevice, number>;
  writers: Map<string, VenueDevice>;
}

/** One device of the venue: what its invitation says. */
interface VenueDevice {
  scope: SessionScope;
  name: string;
}

interface ViewerSpec {
  device: VenueDevice;
  /** null: an organizer screen. */
  salaId: number | null;
}

async function prepareVenue(services: Services, seconds: number): Promise<Venue> {
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await services.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.result as T;
  };
  const edition = await call<{ id: number }>('editions.create', { year: 2026, name: 'Sede simulada', lema: '' });
  const criterionIds: number[] = [];
  for (let c = 0; c < 4; c++) {
    criterionIds.push((await call<{ id: number }>('criteria.create', { editionId: edition.id, fields: { name: `Criterio ${c + 1}`, weight: 1, scaleMin: 0, scaleMax: 10, scaleStep: 1 } })).id);
  }
  const stageId = (await call<{ id: number }>('stages.create', { editionId: edition.id, fields: { name: 'Evaluación' } })).id;
  const entryIds: number[] = [];
  for (let e = 0; e < 10; e++) entryIds.push((await call<{ id: number }>('entries.create', { editionId: edition.id, fields: { igedId: null, title: `Práctica ${e + 1}`, region: 'Cusco' } })).id);
  const jurorIds: number[] = [];
  for (let j = 0; j < JURORS; j++) jurorIds.push((await call<{ id: number }>('jurors.create', { editionId: edition.id, fields: { name: `Jurado ${j + 1}` } })).id);
  for (const jurorId of jurorIds) for (const entryId of entryIds) await call('assignments.add', { stageId, jurorId, entryId });

  const encuentroId = (await call<{ id: number }>('encuentro.create', { editionId: edition.id, fields: { name: 'Encuentro simulado', eventDate: '', venue: '', partners: '' } })).id;
  const ejeId = (await call<{ id: number }>('encuentro.ejes.create', { encuentroId, fields: { name: 'Eje' } })).id;
  const salas: Sala[] = [];
  for (let s = 0; s < SALAS; s++) {
    const practiceId = (await call<{ id: number }>('encuentro.practices.create', { encuentroId, fields: { ejeId, title: `Práctica de la sala ${s + 1}`, igedName: `UGEL ${s + 1}`, region: 'Cusco' } })).id;
    const salaId = (await call<{ id: number }>('encuentro.salas.create', { encuentroId, fields: { ejeId, name: `Sala ${s + 1}`, practiceIds: [practiceId] } })).id;
    const lineIds: number[] = [];
    // Each moderator types its own line, twice: once against the hub, once against the bare server.
    for (let m = 0; m < MODERATORS_PER_SALA; m++) {
      lineIds.push((await call<{ id: number }>('encuentro.contributions.create', { practiceId, salaId, block: 'actions', level: 'ugel', text: '' })).id);
    }
    salas.push({ id: salaId, lineIds });
  }
  // Enough people at the door for every desk's check-ins, in both runs.
  const perDesk = Math.ceil((seconds * 1000) / CHECK_IN_EVERY_MS) * 2 + 4;
  const deskAttendees: number[][] = [];
  for (let d = 0; d < DESKS; d++) {
    const ids: number[] = [];
    for (let p = 0; p < perDesk; p++) {
      ids.push((await call<{ id: number }>('encuentro.attendance.register', { encuentroId, fields: { fullName: `Persona ${d + 1}-${p + 1}`, institutionType: 'ugel' } })).id);
    }
    deskAttendees.push(ids);
  }

  const viewers: ViewerSpec[] = [];
  const remote = (scope: SessionScope, name: string): VenueDevice => ({ scope, name });
  for (const sala of salas) {
    for (let p = 0; p < PROJECTORS_PER_SALA; p++) viewers.push({ device: remote({ role: 'projector', encuentroId, salaId: sala.id, practiceId: null }, `Proyector ${sala.id}.${p + 1}`), salaId: sala.id });
  }
  for (let o = 0; o < ORGANIZER_VIEWERS; o++) viewers.push({ device: remote({ role: 'organizer' }, `Organización ${o + 1}`), salaId: null });
  const writers = new Map<string, VenueDevice>();
  for (const sala of salas) sala.lineIds.forEach((line, m) => writers.set(`moderador-${line}`, remote({ role: 'moderator', encuentroId, salaIds: [sala.id] }, `Moderación ${sala.id}.${m + 1}`)));
  jurorIds.forEach((jurorId) => writers.set(`jurado-${jurorId}`, remote({ role: 'juror', editionId: edition.id, jurorId }, `Jurado ${jurorId}`)));
  for (let d = 0; d < DESKS; d++) writers.set(`mesa-${d}`, remote({ role: 'checkIn', encuentroId }, `Mesa ${d + 1}`));
  const viewerIndex = new Map(viewers.map((v, i) => [v.device, i]));
  return { encuentroId, salas, stageId, jurorIds, entryIds, criterionIds, deskAttendees, viewers, viewerIndex, writers };
}

// ——— One run: every device against one server, from a child process ———

/**
 * What the devices' process needs: ids, and each device's session headers (its cookie). The devices run in
 * their own process (their own event loop), as they would on their own machines: their
 * parsing and timing then do not queue behind the hub's work, nor the hub's behind theirs.
 */
interface DevicePlan extends VenueRecords {
  url: string;
  seconds: number;
  bare: boolean;
  viewers: { salaId: number | null; headers: Record<string, string> }[];
  writers: Record<string, { role: string; headers: Record<string, string> }>;
}

function planFor(venue: Venue, seconds: number, url: string, headersFor: (device: VenueDevice) => Record<string, string>, bare: boolean): DevicePlan {
  const { salas, stageId, jurorIds, entryIds, criterionIds, deskAttendees } = venue;
  const records: VenueRecords = { salas, stageId, jurorIds, entryIds, criterionIds, deskAttendees };
  return {
    ...records,
    url,
    seconds,
    bare,
    viewers: venue.viewers.map((v) => ({ salaId: v.salaId, headers: headersFor(v.device) })),
    writers: Object.fromEntries([...venue.writers].map(([key, device]) => [key, { role: device.scope.role, headers: headersFor(device) }])),
  };
}

/** Runs the devices in a child process (this same script, `--mode venue-devices`): the plan goes in on stdin, the result comes back as the last line of stdout. */
function runDevices(plan: DevicePlan): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, '--mode', 'venue-devices'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`el proceso de los dispositivos terminó con código ${code}`));
      try {
        resolve(JSON.parse(last) as RunResult);
      } catch (error) {
        reject(error as Error);
      }
    });
    child.stdin.end(JSON.stringify(plan));
  });
}

/** Entry point of the devices' process. */
export async function venueDevices(): Promise<void> {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk as string;
  console.log(JSON.stringify(await runVenue(JSON.parse(input) as DevicePlan)));
}

interface Write {
  /** The event that shows this write to a viewer: matched by `match` on the event's name and payload. */
  key: string;
  sentAt: number;
  durableMs: number | null;
  /** Entitled viewers (indexes). */
  entitled: number[];
  seenAt: Map<number, number>;
}

interface RunResult {
  durable: number[];
  seenByAll: number[];
  writes: number;
  failed: number;
  lost: number;
  misdelivered: number;
  delivered: number;
  /** Role → method pairs the hub refused (403): those writes count as failed. */
  refusedRoles: string[];
}

/** What a viewer must be able to see, decided here from the venue's rules (not the hub's filter): projectors only their sala's contributions; organizers all. */
function entitledViewers(venue: DevicePlan, salaId: number | null): number[] {
  return venue.viewers.flatMap((v, i) => (v.salaId === null || (salaId !== null && v.salaId === salaId) ? [i] : []));
}

/** The key of an event that stands for one write (the hub sends each write's Encuentro event and its data.changed; the first of them to arrive counts). */
function keyOf(event: StreamedEvent): { key: string | null; salaId: number | null | 'none' } {
  const p = event.payload as Record<string, unknown>;
  if (event.name === 'encuentro.contribution') {
    const c = p.contribution as { id: number; revision: number; salaId: number | null };
    return { key: `c:${c.id}:${c.revision}`, salaId: c.salaId };
  }
  if (event.name === 'encuentro.attendance') return { key: `a:${String(p.attendeeId)}`, salaId: 'none' };
  if (event.name === 'bench.write') return { key: String(p.key), salaId: (p.salaId as number | null | undefined) ?? 'none' };
  if (event.name === 'data.changed') {
    const scope = (p.scope ?? {}) as { salaId?: number | null; jurorId?: number };
    if (p.method === 'scores.set') return { key: `s:${String(scope.jurorId)}`, salaId: 'none' };
    return { key: null, salaId: scope.salaId ?? 'none' };
  }
  return { key: null, salaId: 'none' };
}

async function runVenue(venue: DevicePlan): Promise<RunResult> {
  const { seconds, bare, url } = venue;
  const writes = new Map<string, Write>();
  /** Score writes of one juror are matched in order (their events carry no revision). */
  const scoreQueues = new Map<string, Write[]>();
  const scoreSeen = new Map<string, number[]>();
  let misdelivered = 0;
  let delivered = 0;

  const streams = venue.viewers.map((viewer, index) =>
    openEventStream(url, viewer.headers, (event) => {
      const { key, salaId } = keyOf(event);
      // Misdelivered: a projector receiving anything that is not its own sala's (attendance, scores, another sala).
      if (viewer.salaId !== null && salaId !== viewer.salaId) {
        misdelivered += 1;
        return;
      }
      if (!key) return;
      let write: Write | undefined;
      if (key.startsWith('s:')) {
        const seen = scoreSeen.get(`${key}:${index}`) ?? [0];
        write = scoreQueues.get(key)?.[seen[0]!];
        seen[0]! += 1;
        scoreSeen.set(`${key}:${index}`, seen);
      } else write = writes.get(key);
      if (!write || write.seenAt.has(index)) return;
      if (!write.entitled.includes(index)) {
        misdelivered += 1;
        return;
      }
      write.seenAt.set(index, event.at);
      delivered += 1;
    }, '127.0.0.1'),
  );
  await Promise.all(streams.map((s) => s.ready));

  const agents: http.Agent[] = [];
  const refusedRoles = new Set<string>();
  const device = (writer: { role: string; headers: Record<string, string> }) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    return async (method: string, input: unknown) => {
      const answer = await postCall(url, method, input, writer.headers, { agent });
      if (answer.status === 403) refusedRoles.add(`${writer.role} → ${method}: ${answer.body.error?.message ?? ''}`);
      return answer;
    };
  };
  const record = async (key: string, salaId: number | null, send: () => ReturnType<ReturnType<typeof device>>, queue?: string) => {
    const write: Write = { key, sentAt: performance.now(), durableMs: null, entitled: entitledViewers(venue, salaId), seenAt: new Map() };
    if (queue) scoreQueues.set(queue, [...(scoreQueues.get(queue) ?? []), write]);
    else writes.set(key, write);
    const response = await send();
    if (response.status === 200 && response.body.ok) write.durableMs = performance.now() - write.sentAt;
  };

  const until = performance.now() + seconds * 1000;
  const loop = async (everyMs: number, offsetMs: number, step: (i: number) => Promise<void>) => {
    await sleep(offsetMs);
    for (let i = 0; performance.now() < until; i++) {
      const next = performance.now() + everyMs;
      await step(i);
      await sleep(next - performance.now());
    }
  };
  const revisionBase = bare ? 1_000_000 : 0;
  const moderators = venue.salas.flatMap((sala) =>
    sala.lineIds.map((line, m) => {
      const send = device(venue.writers[`moderador-${line}`]!);
      let text = '';
      return loop(TYPE_EVERY_MS, m * 150 + sala.id * 7, async (i) => {
        text = (text + 'Fortalecer capacidades ').slice(-400);
        const revision = revisionBase + i + 1;
        await record(`c:${line}:${revision}`, sala.id, () => send('encuentro.contributions.updateText', { id: line, text, revision }));
      });
    }),
  );
  const jurors = venue.jurorIds.map((jurorId, j) => {
    const send = device(venue.writers[`jurado-${jurorId}`]!);
    return loop(SCORE_EVERY_MS, j * 190, async (i) => {
      const entryId = venue.entryIds[i % venue.entryIds.length]!;
      const criterionId = venue.criterionIds[Math.floor(i / venue.entryIds.length) % venue.criterionIds.length]!;
      await record(`s:${jurorId}:${i}`, null, () => send('scores.set', { stageId: venue.stageId, jurorId, entryId, criterionId, value: i % 11 }), `s:${jurorId}`);
    });
  });
  const desks = venue.deskAttendees.map((people, d) => {
    const send = device(venue.writers[`mesa-${d}`]!);
    const half = Math.floor(people.length / 2);
    return loop(CHECK_IN_EVERY_MS, d * 290, async (i) => {
      const attendeeId = people[(bare ? half : 0) + i]!;
      await record(`a:${attendeeId}`, null, () => send('encuentro.attendance.checkIn', { id: attendeeId }));
    });
  });
  await Promise.all([...moderators, ...jurors, ...desks]);

  const all = [...writes.values(), ...[...scoreQueues.values()].flat()];
  const complete = () => all.every((w) => w.durableMs === null || w.seenAt.size === w.entitled.length);
  const drainUntil = performance.now() + DRAIN_MS;
  while (!complete() && performance.now() < drainUntil) await sleep(50);
  for (const stream of streams) stream.close();
  for (const agent of agents) agent.destroy();

  const durable = all.flatMap((w) => (w.durableMs === null ? [] : [w.durableMs]));
  const seenByAll = all.flatMap((w) => (w.durableMs !== null && w.seenAt.size === w.entitled.length ? [Math.max(...w.seenAt.values()) - w.sentAt] : []));
  const lost = all.reduce((sum, w) => sum + (w.durableMs === null ? 0 : w.entitled.length - w.seenAt.size), 0);
  return { durable, seenByAll, writes: all.length, failed: all.filter((w) => w.durableMs === null).length, lost, misdelivered, delivered, refusedRoles: [...refusedRoles] };
}

// ——— The baseline: bare Node HTTP + SSE broadcast of the same messages ———

/**
 * Answers every write at once and pushes one message per write to the viewers that may see it
 * (the same rule as above, from the write's own fields): what any hub pays for HTTP and SSE
 * before its database, validation, rights and filtering.
 */
async function startBareBroadcast(venue: Venue): Promise<{ url: string; close(): Promise<void> }> {
  const clients = new Map<number, http.ServerResponse>();
  const salaOfLine = new Map(venue.salas.flatMap((s) => s.lineIds.map((line) => [line, s.id] as const)));
  const server = http.createServer((req, res) => {
    if (req.url === '/api/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': conectado\n\n');
      const index = Number(req.headers['x-dispositivo']);
      if (Number.isInteger(index)) clients.set(index, res);
      req.on('close', () => clients.delete(index));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = decodeURIComponent((req.url ?? '').slice('/api/call/'.length));
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      let message: { key: string; salaId: number | null };
      if (method === 'encuentro.contributions.updateText') message = { key: `c:${String(input.id)}:${String(input.revision)}`, salaId: salaOfLine.get(input.id as number) ?? null };
      else if (method === 'scores.set') message = { key: `s:${String(input.jurorId)}`, salaId: null };
      else message = { key: `a:${String(input.id)}`, salaId: null };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: null }));
      const data = `event: bench.write\ndata: ${JSON.stringify(message)}\n\n`;
      for (const [index, client] of clients) {
        const salaId = venue.viewers[index]?.salaId ?? null;
        if (salaId === null || salaId === message.salaId) client.write(data);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  return {
    url: `http://${HOST}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ——— Report ———

/**
 * The floor of "durable" on this disk, in the same run: one autocommit insert each with WAL and
 * synchronous=FULL (the hub's setting), as many as the hub's writes. The bare broadcast writes
 * nothing, so its durable figure is HTTP alone; this line shows what the disk adds.
 */
function durableFloor(file: string, count: number): number[] {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT`);
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, count); i++) {
    const t0 = performance.now();
    execute(db, `INSERT INTO t (text) VALUES (?)`, `aporte ${i}`);
    times.push(performance.now() - t0);
  }
  db.close();
  return times;
}

function print(hub: RunResult, bare: RunResult, floor: number[]): void {
  const line = (label: string, values: number[], base: number[]) =>
    `  ${label.padEnd(34)} p50 ${ms(pct(values, 50))}  p95 ${ms(pct(values, 95))}  máx ${ms(Math.max(0, ...values))}   (base: p50 ${ms(pct(base, 50))}, p95 ${ms(pct(base, 95))}; ×${(pct(values, 95) / Math.max(0.001, pct(base, 95))).toFixed(1)} en p95)`;
  console.log(`  escrituras: ${hub.writes} (fallidas ${hub.failed}); entregas a pantallas con derecho: ${hub.delivered}; base: ${bare.writes} escrituras`);
  console.log(line('escritura hasta durable', hub.durable, bare.durable));
  console.log(line('escritura hasta vista por todas', hub.seenByAll, bare.seenByAll));
  console.log(`  piso del disco: INSERT suelto con synchronous=FULL (${floor.length}): p50 ${ms(pct(floor, 50))}, p95 ${ms(pct(floor, 95))}, máx ${ms(Math.max(0, ...floor))}`);
  if (hub.refusedRoles.length > 0) console.log(`  aviso: el centro rechazó por rol (403) ${hub.refusedRoles.join('; ')}; esas escrituras cuentan como fallidas`);
  console.log(`  eventos perdidos: ${hub.lost}; mal entregados: ${hub.misdelivered}  (base: ${bare.lost} / ${bare.misdelivered})`);
  const ok = pct(hub.durable, 95) <= TARGET_WRITE_P95_MS && pct(hub.seenByAll, 95) <= TARGET_SEEN_P95_MS && hub.lost === 0 && hub.misdelivered === 0 && hub.failed === 0;
  console.log(`  metas: escritura p95 ≤ ${TARGET_WRITE_P95_MS} ms, vista por todas p95 ≤ ${TARGET_SEEN_P95_MS} ms, 0 perdidos, 0 mal entregados → ${ok ? 'cumplidas' : 'NO cumplidas'}`);
}

const sleep = (msValue: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, msValue)));
const ms = (value: number): string => `${value.toFixed(1)} ms`;

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
