import net from 'node:net';

export interface RawResponse {
  /** 0 when the server closed the connection without a status line. */
  status: number;
  head: string;
  body: string;
}

/**
 * Sends bytes exactly as given over a loopback socket (fetch and http.request normalise or
 * refuse what a hostile page or script can still send) and reads until the server closes.
 */
export function rawRequest(port: number, request: string | Buffer, host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may close while we are still writing (413, 400): what it answered still counts.
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? socket.destroy() : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), head, body: split < 0 ? '' : text.slice(split + 4) });
    });
    // Not end(): a half-closed client makes Node's server abort the request before it answers,
    // which no browser does; every request here ends the connection itself (Connection: close).
    socket.write(request);
  });
}

/** A request with the Host header the server accepts and Connection: close, plus the given lines. */
export function requestText(port: number, requestLine: string, headers: string[] = [], body = '', host = '127.0.0.1'): string {
  const length = body ? [`Content-Length: ${Buffer.byteLength(body)}`] : [];
  return [requestLine, `Host: ${host}:${port}`, 'Connection: close', ...length, ...headers, '', body].join('\r\n');
}
