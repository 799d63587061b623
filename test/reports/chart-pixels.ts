import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { RenderedChart } from '../../src/reports/chart.ts';

/** The unit names of the example bloc: every Vietnamese tone mark the chart must draw. */
export const UNIT_NAMES = [
  'Thành phố Lào Cai',
  'Thị xã Sa Pa',
  'Huyện Bát Xát',
  'Huyện Bảo Thắng',
  'Huyện Bảo Yên',
  'Huyện Bắc Hà',
  'Huyện Mường Khương',
  'Huyện Si Ma Cai',
  'Huyện Văn Bàn',
];

export interface Pixels {
  width: number;
  height: number;
  /** Dark pixels (text, not the white background or the blue bars) in a box. */
  darkIn(x0: number, y0: number, x1: number, y1: number): number;
}

/** Decodes a PNG into pixels that can be counted. */
export async function pixelsOf(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  return {
    width: image.width,
    height: image.height,
    darkIn(x0, y0, x1, y1) {
      let dark = 0;
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(image.height, y1); y++) {
        for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, x1); x++) {
          const i = (y * image.width + x) * 4;
          if ((data[i] ?? 255) < 110 && (data[i + 1] ?? 255) < 110 && (data[i + 2] ?? 255) < 110) dark++;
        }
      }
      return dark;
    },
  };
}

/** Dark pixels left of the plot in each bar's row: where the unit names are drawn. */
export function labelPixelsPerRow(pixels: Pixels, chart: RenderedChart, rows: number): number[] {
  const { left, top, bottom } = chart.chartArea;
  const rowHeight = (bottom - top) / rows;
  return Array.from({ length: rows }, (_, i) => {
    const middle = top + (i + 0.5) * rowHeight;
    return pixels.darkIn(0, middle - 8, left - 4, middle + 8);
  });
}
