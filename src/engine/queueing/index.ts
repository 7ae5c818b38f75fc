export * from './models.js';
export * from './theory.js';
export * from './validation.js';
