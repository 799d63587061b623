import { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The family every chart draws in: shipped through npm (`dejavu-fonts-ttf`), with Vietnamese glyphs. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

let registered = false;

/**
 * Registers DejaVu Sans (regular and bold) from the npm package, once. The canvas does not read
 * fontconfig, it scans /usr/share/fonts; on a machine with none it draws no text at all and says
 * nothing, so a failed registration (registerFromPath returns null) is an error here, not a blank
 * chart later.
 */
export function ensureChartFont(): string {
  if (registered) return CHART_FONT_FAMILY;
  const root = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    const path = join(root, 'ttf', file);
    if (GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY) === null) {
      throw new Error(`Could not register the chart font ${path}`);
    }
  }
  registered = true;
  return CHART_FONT_FAMILY;
}
