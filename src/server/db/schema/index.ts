export * from './accounts';
export * from './audit';
export * from './calendar';
export * from './counters';
export * from './documents';
export * from './intake';
export * from './registry';
export * from './units';
