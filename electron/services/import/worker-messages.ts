/** What a spare parser worker posts once its parsers are loaded (before it is given a file). */
export const READY = 'parser-ready';
