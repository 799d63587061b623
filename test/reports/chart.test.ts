import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderStandingsChart } from '../../src/reports/chart.ts';
import { CHART_FONT_FAMILY } from '../../src/reports/chart-font.ts';
import { labelPixelsPerRow, pixelsOf, UNIT_NAMES } from './chart-pixels.ts';

const run = promisify(execFile);
const bars = UNIT_NAMES.map((label, i) => ({ label, value: 95.5 - i * 7.3, highlight: i === 4 }));

describe('renderStandingsChart', () => {
  it('draws a PNG of a row per unit, with the unit names and the title in dark pixels', async () => {
    const chart = await renderStandingsChart({ title: 'Bảng xếp hạng', provisionalLabel: 'Tạm tính', bars });
    expect(chart.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // 80 px of title, 40 of axis, 30 per unit.
    expect([chart.width, chart.height]).toEqual([900, 80 + 40 + 9 * 30]);
    const pixels = await pixelsOf(chart.png);
    expect([pixels.width, pixels.height]).toEqual([900, 390]);
    for (const dark of labelPixelsPerRow(pixels, chart, bars.length)) expect(dark).toBeGreaterThan(40);
    expect(pixels.darkIn(0, 0, chart.width, chart.chartArea.top)).toBeGreaterThan(200);
    // The background is white, not transparent: a corner is plain white.
    expect(pixels.darkIn(0, chart.height - 10, 10, chart.height)).toBe(0);
    expect(chart.fontFamily).toBe(CHART_FONT_FAMILY);
  });

  it('still draws the names in a process that can reach no system font, in the font shipped through npm', async () => {
    // @napi-rs/canvas ignores fontconfig and scans /usr/share/fonts itself, so an empty
    // FONTCONFIG_FILE alone leaves the system fonts visible: the child also gets a private mount
    // namespace with an empty tmpfs over each font folder. The control text proves it worked.
    const dir = mkdtempSync(join(tmpdir(), 'no-fonts-'));
    const fontconfig = join(dir, 'fonts.conf');
    writeFileSync(fontconfig, '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n');
    const script = join(import.meta.dirname, 'render-without-fonts.ts');
    const hide =
      'for d in /usr/share/fonts /usr/local/share/fonts "$HOME/.fonts" "$HOME/.local/share/fonts"; do ' +
      '[ -d "$d" ] && mount -t tmpfs none "$d"; done; exec "$0" --import tsx "$1"';
    const { stdout } = await run(
      'unshare',
      ['--map-root-user', '--mount', 'sh', '-c', hide, process.execPath, script],
      {
        env: { ...process.env, FONTCONFIG_FILE: fontconfig },
      },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      controlPixels: number;
      familiesBefore: string[];
      fontFamily: string;
      familiesAfter: string[];
      labelPixels: number[];
      titlePixels: number;
    };
    expect(result.familiesBefore).toEqual([]);
    expect(result.controlPixels).toBe(0);
    expect(result.fontFamily).toBe('DejaVu Sans');
    expect(result.familiesAfter).toEqual(['DejaVu Sans']);
    expect(result.labelPixels).toHaveLength(9);
    for (const dark of result.labelPixels) expect(dark).toBeGreaterThan(40);
    expect(result.titlePixels).toBeGreaterThan(200);
  });
});
