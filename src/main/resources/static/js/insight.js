// Draws the dashboard charts with Apache ECharts from the JSON each chart carries. The tables next to the
// charts hold the same numbers, so the page reads the same without JavaScript.
(function () {
  const palette = ['#0f766e', '#94a3b8', '#d97706', '#2563eb', '#9333ea', '#db2777', '#65a30d', '#0891b2', '#dc2626'];

  function option(kind, data) {
    const percent = !!data.percent;
    const base = {
      color: palette,
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '–' : (percent ? v + '%' : Number(v).toLocaleString()) },
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { formatter: v => percent ? v + '%' : compact(v) }, max: percent ? 100 : null },
      series: data.series.map((s, i) => ({
        name: s.name, type: s.type, data: s.data, connectNulls: true, smooth: false,
        barMaxWidth: 36, symbolSize: 6, lineStyle: { width: s.type === 'line' && i > 0 && kind === 'funnel' ? 1.5 : 2 },
        emphasis: { focus: 'series' }
      }))
    };
    if (kind === 'trend') {
      base.series[1].lineStyle = { type: 'dashed', width: 2 };
    }
    if (kind === 'funnel') {
      base.legend.selected = {};
      data.series.forEach((s, i) => { if (i > 0) base.legend.selected[s.name] = false; });
    }
    return base;
  }

  function compact(v) {
    if (Math.abs(v) >= 1e6) return (v / 1e6).toLocaleString(undefined, { maximumFractionDigits: 1 }) + 'M';
    if (Math.abs(v) >= 1e3) return (v / 1e3).toLocaleString(undefined, { maximumFractionDigits: 0 }) + 'k';
    return v;
  }

  function draw(root) {
    if (typeof echarts === 'undefined') return;
    root.querySelectorAll('.chart[data-chart]').forEach(el => {
      if (el.dataset.drawn) return;
      const json = el.querySelector('script[type="application/json"]');
      if (!json) return;
      const chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(el.dataset.chart, JSON.parse(json.textContent)));
      el.dataset.drawn = '1';
      new ResizeObserver(() => chart.resize()).observe(el);
    });
  }

  draw(document);
  document.addEventListener('htmx:afterSettle', e => draw(e.target));
})();
