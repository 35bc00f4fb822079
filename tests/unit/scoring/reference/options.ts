export * from '../../../../shared/scoring/options';
