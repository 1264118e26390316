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
    if (kind === 'activities' && window.innerWidth < 640) {
      // On a phone the activity types do not fit side by side: slant them rather than leave some out.
      base.xAxis.axisLabel = { interval: 0, rotate: 35 };
    }
    if (kind === 'funnel') {
      base.legend.selected = {};
      data.series.forEach((s, i) => { if (i > 0) base.legend.selected[s.name] = false; });
    }
    return base;
  }

  function forecastRange(data) {
    const bars = [['won', data.won], ['commit', data.commit], ['bestCase', data.bestCase]];
    const option = {
      color: palette,
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: v => Number(v).toLocaleString() },
      xAxis: { type: 'value', axisLabel: { formatter: compact } },
      yAxis: { type: 'category', data: [data.labels.statistical].concat(bars.map(b => data.labels[b[0]])).reverse() },
      series: [
        { type: 'bar', stack: 'range', silent: true, itemStyle: { color: 'transparent' },
          data: [null, null, null, Number(data.p10)] },
        { type: 'bar', stack: 'range', name: 'P10–P90', itemStyle: { color: '#a5b4fc' },
          data: [Number(data.bestCase), Number(data.commit), Number(data.won), Number(data.p90) - Number(data.p10)]
            .map((v, i) => i < 3 ? { value: v, itemStyle: { color: ['#5eb8ae', '#0f766e', '#94a3b8'][i] } } : v) },
        { type: 'scatter', name: 'P50', symbolSize: 12, itemStyle: { color: '#12202e' }, data: [[Number(data.p50), 3]] }
      ]
    };
    if (data.goal != null) {
      option.series[1].markLine = { symbol: 'none', lineStyle: { color: '#dc2626', type: 'dashed', width: 2 },
        label: { formatter: data.labels.goal }, data: [{ xAxis: Number(data.goal) }] };
    }
    return option;
  }

  function waterfall(data) {
    const values = data.values.map(Number);
    const base = [];
    let running = 0;
    values.forEach((v, i) => {
      if (i === 0 || i === values.length - 1) { base.push(0); running = v; return; }
      base.push(v >= 0 ? running : running + v);
      running += v;
    });
    return {
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: ps => { const p = ps.find(x => x.seriesIndex === 1); return p ? p.name + ': ' + Number(values[p.dataIndex]).toLocaleString() : ''; } },
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, width: 64, overflow: 'break', lineHeight: 13 } },
      yAxis: { type: 'value', axisLabel: { formatter: compact } },
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: base },
        { type: 'bar', stack: 'w', barMaxWidth: 48, data: values.map((v, i) => ({ value: Math.abs(v),
          itemStyle: { color: i === 0 || i === values.length - 1 ? '#64748b' : v >= 0 ? '#0f766e' : '#d97706' } })) }
      ]
    };
  }

  function backtest(data) {
    const option = (function () {
      return {
        color: ['#12202e', '#0f766e', '#94a3b8', '#d97706'],
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '–' : Number(v).toLocaleString() },
        legend: { top: 0 },
        xAxis: { type: 'category', data: data.labels },
        yAxis: { type: 'value', axisLabel: { formatter: compact } },
        series: data.series.map((s, i) => ({ name: s.name, type: i === 0 ? 'bar' : 'line', data: s.data, barMaxWidth: 28 }))
      };
    })();
    return option;
  }

  function compact(v) {
    if (Math.abs(v) >= 1e6) return (v / 1e6).toLocaleString(undefined, { maximumFractionDigits: 1 }) + 'M';
    if (Math.abs(v) >= 1e3) return (v / 1e3).toLocaleString(undefined, { maximumFractionDigits: Math.abs(v) < 1e4 ? 1 : 0 }) + 'k';
    return v;
  }

  function draw(root) {
    if (typeof echarts === 'undefined') return;
    root.querySelectorAll('.chart[data-chart]').forEach(el => {
      if (el.dataset.drawn) return;
      if (!el.dataset.series) return;
      const chart = echarts.init(el, null, { renderer: 'svg' });
      const data = JSON.parse(el.dataset.series);
      const kind = el.dataset.chart;
      chart.setOption(kind === 'forecast-range' ? forecastRange(data) : kind === 'waterfall' ? waterfall(data)
        : kind === 'backtest' ? backtest(data) : option(kind, data));
      el.dataset.drawn = '1';
      new ResizeObserver(() => chart.resize()).observe(el);
    });
  }

  draw(document);
  document.addEventListener('htmx:afterSettle', e => draw(e.target));
})();
