export * from './accounts';
export * from './audit';
export * from './calendar';
export * from './counters';
export * from './intake';
