// The charts' colours from the Ant Design theme in force, so charts and the rest of the screen agree.
import { theme } from 'antd';
import { useMemo } from 'react';
import type { ChartTheme } from '../../lib/report-charts.ts';

export function useChartTheme(): ChartTheme {
  const { token } = theme.useToken();
  return useMemo(
    () => ({
      primary: token.colorPrimary,
      primarySoft: token.colorPrimaryBorder,
      success: token.colorSuccess,
      warning: token.colorWarning,
      error: token.colorError,
      text: token.colorText,
      textSecondary: token.colorTextSecondary,
      border: token.colorBorderSecondary,
      background: token.colorBgLayout,
      heatLow: token.colorPrimaryBg,
      palette: [
        token.colorPrimary,
        token.cyan6,
        token.green6,
        token.gold6,
        token.volcano6,
        token.purple6,
        token.geekblue4,
        token.magenta5,
        token.lime6,
        token.orange5,
        token.blue3,
        token.red4,
      ],
      fontFamily: token.fontFamily,
    }),
    [token],
  );
}
