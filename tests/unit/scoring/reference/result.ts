export * from '../../../../shared/scoring/result';
