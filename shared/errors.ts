import { t, type MessageKey, type MessageParams } from './i18n';

/**
 * An error meant for the user: a catalog key plus parameters. Its message is already
 * the Spanish text, so it can be shown as is on either side of a transport.
 */
export class AppError extends Error {
  readonly code: MessageKey;
  readonly params: MessageParams | undefined;
  readonly details: unknown;

  constructor(code: MessageKey, params?: MessageParams, details?: unknown) {
    super(t(code, params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
