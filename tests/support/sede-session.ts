import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { startHttpServer } from '../../electron/server/http';
import type { Services } from '../../electron/services/registry';
import type { Actor, SessionScope } from '../../shared/sede/roles';

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

const SESSION_HEADER = 'x-test-sede-session';

/**
 * The one way the tests open a venue session over the HTTP transport. Until invitations and
 * session cookies exist, a test header names the session's Actor through startHttpServer's
 * `authenticate` hook; replacing this function with «create an invitation, join with its code,
 * keep the cookie» moves every test that uses it to the real sessions.
 */
export async function openSedeHub(services: Services, staticDir: string): Promise<SedeHub> {
  const sessions = new Map<string, Actor>();
  let nextDevice = 1;
  const authenticate = (req: http.IncomingMessage): Actor | null => {
    const key = req.headers[SESSION_HEADER];
    return typeof key === 'string' ? (sessions.get(key) ?? null) : null;
  };
  const server = await startHttpServer({ services, staticDir, host: '127.0.0.1', port: 0, authenticate, log: () => undefined });
  return {
    url: server.url,
    join(scope, name) {
      const key = randomUUID();
      sessions.set(key, { scope, deviceId: nextDevice++, name });
      return {
        async call(method, input) {
          const response = await fetch(`${server.url}/api/call/${encodeURIComponent(method)}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: key },
            body: JSON.stringify(input),
          });
          const text = await response.text();
          return { status: response.status, body: parseJson(text) };
        },
      };
    },
    close: () => server.close(),
  };
}

function parseJson(text: string): SedeReply['body'] {
  try {
    return JSON.parse(text) as SedeReply['body'];
  } catch {
    return null;
  }
}
