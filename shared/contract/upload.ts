import { z } from 'zod';
import { t } from '../i18n';

/** Files travel as base64 so the same contract works over IPC and HTTP. 25 MB of file at most. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export const uploadedFile = z.object({
  fileName: z.string().trim().min(1).max(260),
  dataBase64: z
    .string()
    .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 8, { error: t('import.error.uploadTooLarge', { max: MAX_UPLOAD_BYTES / (1024 * 1024) }) }),
});
