import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, panView, type ViewBox, zoomView } from '../../explorer/src/map-zoom.js';

const full: ViewBox = { x: 0, y: 0, width: 1000, height: 644 };
const factors = fc.double({ min: 0.1, max: 10, noNaN: true });
const points = fc.record({
  cx: fc.double({ min: 0, max: 1000, noNaN: true }),
  cy: fc.double({ min: 0, max: 644, noNaN: true }),
});

/** A view reached from the whole map by a few zooms and pans. */
const views = fc
  .array(fc.tuple(factors, points, fc.double({ min: -500, max: 500, noNaN: true })), { maxLength: 6 })
  .map((steps) =>
    steps.reduce((v, [f, { cx, cy }, d]) => panView(zoomView(v, full, f, cx, cy), full, d, -d / 2), { ...full }),
  );

const inside = (v: ViewBox) => {
  const eps = 1e-9 * full.width;
  expect(v.x).toBeGreaterThanOrEqual(full.x - eps);
  expect(v.y).toBeGreaterThanOrEqual(full.y - eps);
  expect(v.x + v.width).toBeLessThanOrEqual(full.x + full.width + eps);
  expect(v.y + v.height).toBeLessThanOrEqual(full.y + full.height + eps);
  expect(v.width).toBeGreaterThanOrEqual(full.width / MAX_ZOOM - eps);
  expect(v.width / v.height).toBeCloseTo(full.width / full.height, 9);
};

describe('map zoom', () => {
  test.prop([views, factors, points])(
    'a zoom keeps the view within the map, its shape, and the zoom limits',
    (v, f, p) => inside(zoomView(v, full, f, p.cx, p.cy)),
  );

  test.prop([
    views,
    fc.double({ min: -5000, max: 5000, noNaN: true }),
    fc.double({ min: -5000, max: 5000, noNaN: true }),
  ])('a pan keeps the view within the map and its size', (v, dx, dy) => {
    const moved = panView(v, full, dx, dy);
    inside(moved);
    expect(moved.width).toBe(v.width);
  });

  test.prop([fc.double({ min: 1.01, max: 4, noNaN: true }), points])(
    'zooming in keeps the point under the pointer in place, and zooming out again restores the view',
    (f, { cx, cy }) => {
      const zoomed = zoomView(full, full, f, cx, cy);
      // Where the view is not clamped at an edge, (cx, cy) stays at the same fraction of the view.
      const fx = (cx - full.x) / full.width;
      const gx = (cx - zoomed.x) / zoomed.width;
      if (zoomed.x > 0 && zoomed.x + zoomed.width < full.width) expect(gx).toBeCloseTo(fx, 9);
      const back = zoomView(zoomed, full, 1 / f, cx, cy);
      expect(back.width).toBeCloseTo(full.width, 9);
      expect(back.x).toBeCloseTo(full.x, 6);
      expect(back.y).toBeCloseTo(full.y, 6);
    },
  );

  it('stops at the whole map and at the deepest zoom', () => {
    expect(zoomView(full, full, 0.5, 500, 300)).toEqual(full);
    let v = full;
    for (let i = 0; i < 20; i++) v = zoomView(v, full, 2, 500, 322);
    expect(v.width).toBeCloseTo(full.width / MAX_ZOOM, 9);
  });
});
