/**
 * Types of seedrandom's `alea` generator file, imported on its own: `seedrandom/lib/alea.js` is the generator alone
 * (1.5 KB), where the package's main module brings six generators and ARC4 (7 KB minified in the browser bundle).
 * @types/seedrandom types only the main module; `alea` there is the same function as this file's export.
 */
declare module 'seedrandom/lib/alea.js' {
  /** A seeded alea generator: call it for a double in [0, 1). */
  const alea: (seed?: string) => () => number;
  export default alea;
}
