import { protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../shared/i18n';
import { CONTENT_SECURITY_POLICY } from './security';
import { contentTypeOf, isInside } from './static-files';

/**
 * The renderer is served from a custom privileged scheme rather than file://: a page on file://
 * may read any other local file the user can, and every file:// page shares one origin. Under
 * app://bpge/ the app has an origin of its own (so the CSP's 'self', localStorage and fetch work
 * as on the web) and the handler answers only with files inside the built renderer folder.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bpge';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: Electron fixes the schemes' privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * The file an app:// URL names, or null when it names anything outside `root` (`..` segments,
 * encoded separators, another host, NUL bytes, malformed escapes). The URL parser already folds
 * plain `..` segments, but `%2F`, `%5C` and `%2e` only become separators after decoding, so the
 * decoded path is resolved and checked against the root.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${relative.replace(/\\/g, '/')}`);
  return file !== base && isInside(base, file) ? file : null;
}

/** Answers one app:// request: the file with its type and the CSP, or 404 for anything else. */
export async function appResponse(root: string, url: string): Promise<Response> {
  const file = resolveAppFile(root, url);
  if (file === null) return new Response(t('error.http.forbidden'), { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    return new Response(t('error.http.notFound'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Installs the app:// handler on the default session (after the app is ready). */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, request.url));
}
