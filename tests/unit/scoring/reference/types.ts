// The data shapes and options are shared with the current code; only the algorithms are kept as they were.
export * from '../../../../shared/scoring/types';
