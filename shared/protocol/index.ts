export * from './access';
export * from './agenda';
export * from './commands';
export * from './common';
export * from './errors';
export * from './http';
export * from './limits';
export * from './view';
