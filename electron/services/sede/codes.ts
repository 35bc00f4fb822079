import crypto from 'node:crypto';

/**
 * Invitation codes: 8 symbols of Crockford's base32 (no I, L, O, U), 40 random bits, shown as
 * «K7M2-P9QX». Typed back case- and dash-insensitively; the letters people confuse with digits
 * (O, I, L) read as the digit, as Crockford's decoding does.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as stored (hashed) and compared, or null when what was typed cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== CODE_LENGTH) return null;
  for (const symbol of cleaned) if (!ALPHABET.includes(symbol)) return null;
  return cleaned;
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A session credential: 32 random bytes, sent as the cookie's value (base64url). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}
