// ECharts, only the parts the reports draw (keeps the dashboard's chunk small): bar, line, pie and
// heatmap charts with grid, tooltip and a plain legend, on canvas. No mark lines or visual maps:
// the 80 % line is a series and the heatmap's colours are computed (report-charts.ts).
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type { ECElementEvent, EChartsType } from 'echarts/core';
export { init };
