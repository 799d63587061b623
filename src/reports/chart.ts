import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  SubTitle,
  Title,
  type ChartConfiguration,
  type ChartItem,
  type Plugin,
} from 'chart.js';
import type { ChartBar } from '../app/ports.ts';
import { formatNumber } from '../domain/figures/format-figure.ts';
import { ensureChartFont } from './chart-font.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title, SubTitle);

export type { ChartBar };

/** A standings chart to draw. Texts come already rendered in the reader's language. */
export interface StandingsChartInput {
  title: string;
  /** The provisional label ("Kết quả tạm tính"), drawn under the title. */
  provisionalLabel: string;
  /** Best first, as the table lists them. */
  bars: ChartBar[];
  /** How a value is written beside its bar; Vietnamese format with up to 2 decimals by default. */
  formatValue?: (value: number) => string;
  width?: number;
}

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
  /** The font family the texts were drawn in (registered from the npm package). */
  fontFamily: string;
  /** Where the bars are drawn; unit names sit left of `left`, one per bar row. */
  chartArea: { left: number; top: number; right: number; bottom: number };
}

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 80;
const AXIS_HEIGHT = 40;
const BAR_COLOR = '#2f6db5';
const HIGHLIGHT_COLOR = '#d9822b';

// A PNG has no background of its own: without this the chart is black text on transparency.
const whiteBackground: Plugin<'bar'> = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function valueLabels(format: (value: number) => string, family: string): Plugin<'bar'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = `12px "${family}"`;
      ctx.textBaseline = 'middle';
      meta.data.forEach((bar, i) => {
        const value = chart.data.datasets[0]?.data[i];
        if (typeof value !== 'number') return;
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        // A negative total (penalties only) is written inside its bar, clear of the unit names.
        ctx.fillStyle = value < 0 ? '#ffffff' : '#222222';
        ctx.textAlign = 'left';
        ctx.fillText(format(value), x + 4, y);
      });
      ctx.restore();
    },
  };
}

/**
 * A horizontal bar chart of the standings as a PNG (chart.js on @napi-rs/canvas). Drawn once, not
 * animated, at a fixed size: a row per unit under a title and the provisional label.
 */
export async function renderStandingsChart(input: StandingsChartInput): Promise<RenderedChart> {
  const family = ensureChartFont();
  Chart.defaults.font.family = family;
  Chart.defaults.color = '#222222';
  const width = input.width ?? 900;
  const height = HEADER_HEIGHT + AXIS_HEIGHT + Math.max(3, input.bars.length) * ROW_HEIGHT;
  const canvas = createCanvas(width, height);
  const format = input.formatValue ?? ((value: number) => formatNumber(value, 2));
  const config: ChartConfiguration<'bar', number[], string> = {
    type: 'bar',
    data: {
      labels: input.bars.map((b) => b.label),
      datasets: [
        {
          data: input.bars.map((b) => b.value),
          backgroundColor: input.bars.map((b) => (b.highlight ? HIGHLIGHT_COLOR : BAR_COLOR)),
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { left: 8, right: 56, top: 4, bottom: 8 } },
      scales: {
        x: { beginAtZero: true, ticks: { callback: (v) => format(Number(v)) } },
        y: { ticks: { autoSkip: false, font: { size: 13 } }, grid: { display: false } },
      },
      plugins: {
        title: { display: true, text: input.title, font: { size: 18, weight: 'bold' } },
        subtitle: {
          display: true,
          text: input.provisionalLabel,
          font: { size: 13, style: 'italic' },
          padding: { bottom: 10 },
        },
        legend: { display: false },
        tooltip: { enabled: false },
      },
    },
    plugins: [whiteBackground, valueLabels(format, family)],
  };
  // chart.js takes any 2D context with a `canvas`; the DOM type it names is only a type.
  const chart = new Chart(canvas.getContext('2d') as unknown as ChartItem, config);
  try {
    const { left, top, right, bottom } = chart.chartArea;
    const png = await canvas.encode('png');
    return {
      png,
      width,
      height,
      fontFamily: GlobalFonts.has(family) ? family : '',
      chartArea: { left, top, right, bottom },
    };
  } finally {
    chart.destroy();
  }
}
