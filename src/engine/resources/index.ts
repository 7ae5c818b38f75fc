export * from './departure-queue.js';
export * from './gate.js';
export * from './ring-queue.js';
export * from './server-calendar.js';
export * from './server-pool.js';
