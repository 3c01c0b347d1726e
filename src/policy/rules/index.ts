export * from './dates';
export * from './id-numbers';
export * from './retirement';
