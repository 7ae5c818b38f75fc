/// <reference lib="dom" />
/**
 * Zooming and panning the corridor map: the SVG's `viewBox` is narrowed (zoom) and moved (pan) within the map's own
 * extent, from buttons, the keyboard (+, −, 0 and the arrow keys on the focused map), the mouse wheel (around the
 * pointer) and dragging. Lines and circles keep their width on screen (`vector-effect: non-scaling-stroke` in the
 * page's style). The view is kept when a new run redraws the map, so a planner zoomed into the ILSTC stays there.
 *
 * @module
 */

/** A rectangle of the map's user space: what the `viewBox` shows. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Deepest zoom: an eighth of the map's width. */
export const MAX_ZOOM = 8;
/** One zoom step (button, key, wheel notch). */
export const ZOOM_STEP = 1.5;

/**
 * The view zoomed by `factor` (> 1 zooms in) around the point `(cx, cy)` of user space, which stays where it is on
 * screen; clamped to between the whole map and {@link MAX_ZOOM} times, and to the map's extent.
 */
export function zoomView(view: ViewBox, full: ViewBox, factor: number, cx: number, cy: number): ViewBox {
  const width = Math.min(full.width, Math.max(full.width / MAX_ZOOM, view.width / factor));
  const scale = width / view.width;
  const height = view.height * scale;
  return clampView({ x: cx - (cx - view.x) * scale, y: cy - (cy - view.y) * scale, width, height }, full);
}

/** The view moved by `(dx, dy)` in user space, kept within the map's extent. */
export function panView(view: ViewBox, full: ViewBox, dx: number, dy: number): ViewBox {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, full);
}

function clampView(view: ViewBox, full: ViewBox): ViewBox {
  const x = Math.min(full.x + full.width - view.width, Math.max(full.x, view.x));
  const y = Math.min(full.y + full.height - view.height, Math.max(full.y, view.y));
  return { x, y, width: view.width, height: view.height };
}

function readViewBox(svg: SVGSVGElement): ViewBox | undefined {
  const parts = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v))) return undefined;
  const [x, y, width, height] = parts as [number, number, number, number];
  return { x, y, width, height };
}

/** Zoom controls for the map drawn in `figure`; call {@link MapZoom.redrawn} after each redraw. */
export class MapZoom {
  private full: ViewBox | undefined;
  private view: ViewBox | undefined;

  constructor(
    private readonly figure: HTMLElement,
    controls: { zoomIn: HTMLButtonElement; zoomOut: HTMLButtonElement; reset: HTMLButtonElement },
  ) {
    controls.zoomIn.addEventListener('click', () => this.zoomCentre(ZOOM_STEP));
    controls.zoomOut.addEventListener('click', () => this.zoomCentre(1 / ZOOM_STEP));
    controls.reset.addEventListener('click', () => this.reset());
    figure.tabIndex = 0;
    figure.addEventListener('keydown', (event) => this.onKey(event));
    figure.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    this.dragging(figure);
  }

  /** The map was drawn anew: take its extent, and show the same part of it as before (if it is the same map). */
  redrawn(): void {
    const svg = this.svg();
    const full = svg ? readViewBox(svg) : undefined;
    const same = full && this.full && full.width === this.full.width && full.height === this.full.height && this.view;
    this.full = full;
    this.view = same ? this.view : full;
    this.apply();
  }

  /** The part of the map shown (undefined before the first map). */
  current(): ViewBox | undefined {
    return this.view && { ...this.view };
  }

  private svg(): SVGSVGElement | undefined {
    return this.figure.querySelector('svg') ?? undefined;
  }

  private apply(): void {
    const svg = this.svg();
    if (!svg || !this.view) return;
    const { x, y, width, height } = this.view;
    svg.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
    const zoom = this.full ? this.full.width / width : 1;
    this.figure.dataset.zoom = zoom.toFixed(2);
  }

  private update(next: ViewBox): void {
    this.view = next;
    this.apply();
  }

  private zoomCentre(factor: number): void {
    if (!this.view || !this.full) return;
    this.update(
      zoomView(this.view, this.full, factor, this.view.x + this.view.width / 2, this.view.y + this.view.height / 2),
    );
  }

  private reset(): void {
    if (this.full) this.update({ ...this.full });
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.view || !this.full) return;
    const step = this.view.width / 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (event.key === '+' || event.key === '=') this.zoomCentre(ZOOM_STEP);
    else if (event.key === '-' || event.key === '_') this.zoomCentre(1 / ZOOM_STEP);
    else if (event.key === '0') this.reset();
    else if (moves[event.key]) {
      const [dx, dy] = moves[event.key] as [number, number];
      this.update(panView(this.view, this.full, dx, dy));
    } else return;
    event.preventDefault();
  }

  /** A pointer position in the map's user space. */
  private toUser(clientX: number, clientY: number): [number, number] | undefined {
    const svg = this.svg();
    if (!svg || !this.view) return undefined;
    const rect = svg.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return undefined;
    return [
      this.view.x + ((clientX - rect.left) / rect.width) * this.view.width,
      this.view.y + ((clientY - rect.top) / rect.height) * this.view.height,
    ];
  }

  private onWheel(event: WheelEvent): void {
    const at = this.toUser(event.clientX, event.clientY);
    if (!at || !this.view || !this.full || event.deltaY === 0) return;
    event.preventDefault();
    this.update(zoomView(this.view, this.full, event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at[0], at[1]));
  }

  private dragging(figure: HTMLElement): void {
    let last: { x: number; y: number; id: number } | undefined;
    figure.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || !this.view || !this.full || this.view.width >= this.full.width) return;
      last = { x: event.clientX, y: event.clientY, id: event.pointerId };
      figure.setPointerCapture(event.pointerId);
      figure.style.cursor = 'grabbing';
    });
    figure.addEventListener('pointermove', (event) => {
      const svg = this.svg();
      if (!last || event.pointerId !== last.id || !svg || !this.view || !this.full) return;
      const rect = svg.getBoundingClientRect();
      const perPixel = this.view.width / (rect.width || 1);
      const dx = (last.x - event.clientX) * perPixel;
      const dy = (last.y - event.clientY) * perPixel;
      last = { ...last, x: event.clientX, y: event.clientY };
      this.update(panView(this.view, this.full, dx, dy));
    });
    const end = (event: PointerEvent) => {
      if (!last || event.pointerId !== last.id) return;
      last = undefined;
      figure.style.cursor = '';
    };
    figure.addEventListener('pointerup', end);
    figure.addEventListener('pointercancel', end);
  }
}
