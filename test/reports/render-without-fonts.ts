/**
 * Run in a child process where no system font is reachable (see chart.test.ts): first draws a text
 * with the canvas's default font, which must come out blank (the machine state is real), then the
 * standings chart, and prints what it found as one JSON line.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { renderStandingsChart } from '../../src/reports/chart.ts';
import { labelPixelsPerRow, pixelsOf, UNIT_NAMES } from './chart-pixels.ts';

const control = createCanvas(300, 60);
const ctx = control.getContext('2d');
ctx.fillStyle = '#ffffff';
ctx.fillRect(0, 0, 300, 60);
ctx.fillStyle = '#000000';
ctx.font = '24px sans-serif';
ctx.fillText('Bảo Yên', 10, 40);
const controlPixels = (await pixelsOf(await control.encode('png'))).darkIn(0, 0, 300, 60);
const familiesBefore = GlobalFonts.families.map((f) => f.family);

const chart = await renderStandingsChart({
  title: 'Bảng xếp hạng tháng 6/2023',
  provisionalLabel: 'Kết quả tạm tính',
  bars: UNIT_NAMES.map((label, i) => ({ label, value: 90 - i * 5 })),
});
const pixels = await pixelsOf(chart.png);
console.log(
  JSON.stringify({
    controlPixels,
    familiesBefore,
    fontFamily: chart.fontFamily,
    familiesAfter: GlobalFonts.families.map((f) => f.family),
    labelPixels: labelPixelsPerRow(pixels, chart, UNIT_NAMES.length),
    titlePixels: pixels.darkIn(0, 0, chart.width, chart.chartArea.top),
  }),
);
