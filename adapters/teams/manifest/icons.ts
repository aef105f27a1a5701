// The app icons, drawn rather than shipped: a white stopwatch, on the accent colour (192x192) and
// on transparency (32x32 outline, white only, as Teams requires).
import { PNG } from 'pngjs';

type Shape = (x: number, y: number) => boolean;
type Rgb = readonly [number, number, number];

const ACCENT: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** A stopwatch in a unit square: ring, crown and two hands, scaled to `size`. */
function stopwatch(size: number, weight: number): Shape {
  const s = (value: number) => value * size;
  const cx = s(0.5);
  const cy = s(0.55);
  const r = s(0.3);
  const w = s(weight);
  const ring: Shape = (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
  const crown: Shape = (x, y) => Math.abs(x - cx) <= w * 0.9 && y >= cy - r - s(0.1) && y <= cy - r;
  const cap: Shape = (x, y) => Math.abs(x - cx) <= s(0.09) && Math.abs(y - (cy - r - s(0.11))) <= w / 2;
  const minute = capsule(cx, cy, cx, cy - r * 0.7, w / 2);
  const hour = capsule(cx, cy, cx + r * 0.5, cy + r * 0.1, w / 2);
  return (x, y) => ring(x, y) || crown(x, y) || cap(x, y) || minute(x, y) || hour(x, y);
}

function capsule(ax: number, ay: number, bx: number, by: number, radius: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= radius;
  };
}

/** The fraction of a pixel the shape covers, from SAMPLES x SAMPLES points. */
function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    for (let j = 0; j < SAMPLES; j += 1) {
      if (shape(px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES)) inside += 1;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

function draw(size: number, shape: Shape, background: Rgb | null): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const a = coverage(shape, x, y);
      const i = (y * size + x) * 4;
      if (background) {
        for (let c = 0; c < 3; c += 1)
          png.data[i + c] = Math.round((WHITE[c] ?? 0) * a + (background[c] ?? 0) * (1 - a));
        png.data[i + 3] = 255;
      } else {
        png.data[i] = 255;
        png.data[i + 1] = 255;
        png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * a);
      }
    }
  }
  return PNG.sync.write(png);
}

/** 192x192, full colour: the white stopwatch on the accent colour. */
export function colorIcon(): Buffer {
  return draw(192, stopwatch(192, 0.06), ACCENT);
}

/** 32x32, white on transparent. */
export function outlineIcon(): Buffer {
  return draw(32, stopwatch(32, 0.08), null);
}
