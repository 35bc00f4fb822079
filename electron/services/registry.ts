import type { z } from 'zod';
import { contract, failure, isMethodName, READ_ONLY_METHODS, type Handlers, type MethodName, type WireResult } from '../../shared/contract';
import type { DataArea } from '../../shared/contract/define';
import { AppError, isAppError } from '../../shared/errors';
import { storageError } from '../db/storage-errors';
import { AppContext, type ContextOptions } from './context';
import { resultsHandlers } from './jury/results';
import { seedDemo } from './demo';
import { editionHandlers } from './editions';
import { encuentroHandlers } from './encuentro';
import { entryHandlers } from './entries';
import { EventBus } from './events';
import { describeChange, targetOf } from './change-scope';
import { importHandlers, type ImportOptions } from './import';
import { juryHandlers } from './jury';
import { configSealed, refreshConfigDigest } from './jury/audit/config-check';
import { referenceHandlers } from './reference';
import { currentActor, runAs } from './actor';
import { statusFor } from './access/status';
import { authorize } from './access/authorize';
import { sedeHandlers, type HubSlot } from './sede';
import type { HubController } from './sede/controller';
import { endedSessions, reapplyEndedSessions } from './sede/store';
import { assertAccessDeclared } from './access/declarations';
import { LOCAL_ORGANIZER, type Actor } from '../../shared/sede/roles';

/** Methods that still work when the database is blocked (newer version, corrupt): so the user can restore. */
const ALWAYS_AVAILABLE: ReadonlySet<MethodName> = new Set<MethodName>(['app.status', 'backups.list', 'backups.restore']);

export interface ServiceOptions extends ContextOptions {
  /**
   * Demo edition: 'ifEmpty' seeds it when the database has no edition (desktop first start),
   * 'ensure' adds it unless present (serve --demo), 'never' leaves the database alone.
   */
  demo?: 'ifEmpty' | 'ensure' | 'never';
  log?: (message: string, error?: unknown) => void;
  /** Timeouts and caps of the workbook import (tests shorten them). */
  import?: ImportOptions;
}

export interface Services {
  context: AppContext;
  handlers: Handlers;
  events: EventBus;
  /**
   * Validates the raw input against the contract, checks that `actor` may make this call (the
   * organizer's own computer unless a venue session says otherwise), runs the method as that
   * actor and wraps the outcome.
   */
  call(method: string, rawInput: unknown, actor?: Actor): Promise<WireResult<unknown>>;
  /** The hub that owns the venue listener (desktop app, `npm run serve`): what sede.start/stop drive. */
  attachHub(hub: HubController | null): void;
  close(): void;
}

/** Builds every service over one database. Plain Node: used by Electron, the HTTP server and the tests. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  assertAccessDeclared(contract);
  const context = await AppContext.open(options);
  const log = options.log ?? ((message, error) => console.error(message, error));
  if (context.isReady && options.demo !== 'never') {
    // The demo is written outside any call: the configuration digest sealed at open must follow
    // it (as after a write call), or a clean database would report its audit log as altered.
    const sealed = configSealed(context.db());
    if (seedDemo(context, options.demo ?? 'ifEmpty') !== null && sealed) refreshConfigDigest(context.db());
  }
  const events = new EventBus();
  const hubSlot: HubSlot = { hub: null };

  const handlers: Handlers = {
    'app.status': () => statusFor(currentActor(), context.status()),
    'backups.list': () => context.backups.list(),
    'backups.create': () => context.backup('manual'),
    'backups.restore': async ({ name }) => {
      // A device revoked, or a code spent, since the backup stays so; open streams re-authenticate.
      const ended = context.isReady ? endedSessions(context.db()) : null;
      const restored = await context.restore(name);
      if (ended) reapplyEndedSessions(context.db(), ended);
      hubSlot.hub?.disconnectAll();
      return restored;
    },
    ...editionHandlers(context),
    ...referenceHandlers(context),
    ...entryHandlers(context),
    ...importHandlers(context, options.import),
    ...juryHandlers(context),
    ...encuentroHandlers(context, events),
    ...resultsHandlers(context),
    ...sedeHandlers(context, hubSlot),
  };

  async function call(method: string, rawInput: unknown, actor: Actor = LOCAL_ORGANIZER): Promise<WireResult<unknown>> {
    return runAs(actor, () => callAs(method, rawInput, actor));
  }

  async function callAs(method: string, rawInput: unknown, actor: Actor): Promise<WireResult<unknown>> {
    try {
      if (!isMethodName(method)) throw new AppError('error.unknownMethod', { method });
      if (!context.isReady && !ALWAYS_AVAILABLE.has(method)) context.db();
      // Authorization first: a device learns nothing (not even the input's shape) of a call it may not make.
      authorize(context, method, actor, rawInput ?? {});
      const parsed = contract[method].input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const handler = handlers[method] as (input: unknown) => unknown;
      const backupsBefore = context.backupsTaken;
      const guardsConfig = context.isReady && changesConfig(method) && configSealed(context.db());
      const writes = !READ_ONLY_METHODS.has(method);
      // Read before the handler runs: a deleted record's place is gone afterwards.
      const target = writes && context.isReady ? targetOf(context.db(), method, parsed.data) : { kind: null, id: null, scope: {} };
      const result = await handler(parsed.data);
      if (guardsConfig) refreshConfigDigest(context.db());
      if (writes) {
        await context.noteActivity().catch((error: unknown) => log('automatic backup failed', error));
        const backup = context.backupsTaken !== backupsBefore;
        events.emit('data.changed', describeChange(context.isReady ? context.db() : null, method, parsed.data, result, target, backup));
      }
      return { ok: true, result };
    } catch (error) {
      if (isAppError(error)) {
        return failure(error);
      }
      log(`unexpected failure in ${method}`, error);
      // Disk full, damaged file, read-only drive…: Spanish guidance rather than SQLite's English.
      const storage = storageError(error);
      if (storage) return failure(storage);
      return failure(new AppError('error.unexpected', { detail: error instanceof Error ? error.message : String(error) }));
    }
  }

  const attachHub = (hub: HubController | null) => {
    hubSlot.hub = hub;
  };
  return { context, handlers, events, call, attachHub, close: () => context.close() };
}

/** Areas whose writes can change the configuration results depend on (audit/config-check.ts); a restore brings its own digest. */
const CONFIG_AREAS: ReadonlySet<DataArea> = new Set<DataArea>(['editions', 'entries', 'jury', 'results']);

function changesConfig(method: MethodName): boolean {
  const { kind, changes } = contract[method];
  return kind === 'write' && !changes.includes('everything') && changes.some((area) => CONFIG_AREAS.has(area));
}

/** Field-level Spanish messages, e.g. "Peso: El peso de un criterio debe ser mayor que cero." */
function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  const detail = issues.map((i) => i.message).join(' ');
  return new AppError('error.validation', { detail }, { issues });
}
