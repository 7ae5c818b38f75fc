/**
 * A lighter base map: a d3-geo stream filter that drops projected points closer than a tolerance (in pixels) to the
 * last point kept on the same line or ring, keeping every line's last point. At the map's scale the outline reads
 * the same with a fraction of the points (the inlined map was most of index.html's size).
 *
 * @module
 */
import type { GeoStream } from 'd3-geo';

/** Wraps `stream`: points within `tolerance` px of the previous kept point of the same line are left out. */
export function thinStream(stream: GeoStream, tolerance: number): GeoStream {
  const limit = tolerance * tolerance;
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  let heldX = Number.NaN;
  let held = false;
  let heldY = Number.NaN;
  let first = true;
  return {
    point(x: number, y: number) {
      if (first || (x - lastX) ** 2 + (y - lastY) ** 2 >= limit) {
        stream.point(x, y);
        lastX = x;
        lastY = y;
        first = false;
        held = false;
      } else {
        heldX = x;
        heldY = y;
        held = true;
      }
    },
    lineStart() {
      first = true;
      held = false;
      stream.lineStart();
    },
    lineEnd() {
      if (held) stream.point(heldX, heldY);
      held = false;
      stream.lineEnd();
    },
    polygonStart() {
      stream.polygonStart();
    },
    polygonEnd() {
      stream.polygonEnd();
    },
    sphere() {
      stream.sphere?.();
    },
  };
}
