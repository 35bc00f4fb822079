import { Hub } from '../../electron/server/hub';
import type { Services } from '../../electron/services/registry';
import type { SessionScope } from '../../shared/sede/roles';
import { callAs, freePort, join, sessionCookie, VENUE } from './sede';

/** What one call over HTTP answered: the status and the parsed JSON body (null when not JSON). */
export interface SedeReply {
  status: number;
  body: { ok: boolean; result?: unknown; error?: { code: string; message: string } } | null;
}

export interface SedeDevice {
  call(method: string, input: unknown): Promise<SedeReply>;
}

export interface SedeHub {
  url: string;
  /** A device holding a session with this role and scope (the organizer's role included). */
  join(scope: SessionScope, name: string): SedeDevice;
  close(): Promise<void>;
}

/**
 * The one way the tests open venue sessions over the HTTP transport, the way a device does: the
 * organizer creates an invitation (sede.invitations.create), the device joins with its code on
 * the venue listener (127.0.0.2 standing in for the venue's interface) and keeps the session
 * cookie for every call.
 */
export async function openSedeHub(services: Services, staticDir: string): Promise<SedeHub> {
  const hub = new Hub({ services, staticDir, log: () => undefined });
  const port = await freePort(VENUE);
  const started = await services.call('sede.start', { address: VENUE, port });
  if (!started.ok) throw new Error(`sede.start: ${started.error.message}`);
  return {
    url: `http://${VENUE}:${port}`,
    join(scope, name) {
      const cookie = (async () => {
        const invited = await services.call('sede.invitations.create', { name, scope });
        if (!invited.ok) throw new Error(`sede.invitations.create: ${invited.error.message}`);
        return sessionCookie(await join(port, (invited.result as { code: string }).code));
      })();
      return {
        async call(method, input) {
          const answer = await callAs(port, await cookie, encodeURIComponent(method), input);
          return { status: answer.status, body: parseJson(answer.body) };
        },
      };
    },
    close: () => hub.close(),
  };
}

function parseJson(text: string): SedeReply['body'] {
  try {
    return JSON.parse(text) as SedeReply['body'];
  } catch {
    return null;
  }
}
