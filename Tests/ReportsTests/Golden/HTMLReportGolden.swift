// The expected HTML report of HTMLReportGoldenRun, byte for byte. Recorded by
// `RECORD_GOLDENS=1 swift test --filter HTMLReportGolden`: do not edit by hand.
let htmlReportGolden = ##"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>golden — run 2</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { margin: 0 0 4px; font-size: 24px; }
h2 { margin: 28px 0 8px; font-size: 18px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
figure { margin: 0; }
.description { margin: 0 0 12px; color: #555; }
.verdict { display: inline-block; font-weight: 600; padding: 4px 10px; border-radius: 4px; background: #eee; }
.verdict.passed { background: #e3f3e1; color: #1d5e17; }
.verdict.failed { background: #fbe3e3; color: #8a1c1c; }
.verdict.aborted, .verdict.running { background: #fdf0d8; color: #7a4b00; }
table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: #f4f4f4; }
table.facts th { background: #f8f8f8; font-weight: 600; }
tr.pass td:last-child { color: #1d5e17; }
tr.fail td { background: #fdf1f1; }
tr.fail td:last-child { color: #8a1c1c; font-weight: 600; }
.regressions { color: #8a1c1c; }
.no-regressions { color: #1d5e17; }
.note { color: #555; font-size: 13px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; }
ul.samples { margin: 0; padding-left: 16px; }
code { font-size: 12px; word-break: break-all; }
svg.chart { display: block; width: 100%; height: auto; margin: 8px 0 16px; }
svg .chart-title { font-size: 13px; font-weight: 600; fill: #222; }
svg .legend text, svg .band-label { font-size: 11px; fill: #444; }
svg .event-label { font-size: 10px; }
svg .event-line { stroke-width: 1.5; stroke-dasharray: 2 2; }
svg .event-span { fill-opacity: 0.12; }
svg .event:hover .event-line { stroke-width: 3; }
svg .x-tick { font-size: 10px; fill: #666; text-anchor: middle; }
svg .y-tick { font-size: 10px; fill: #666; text-anchor: end; }
svg .y-unit { font-size: 11px; fill: #666; text-anchor: middle; }
svg .grid { stroke: #eee; }
svg .frame { fill: none; stroke: #bbb; }
svg .band { fill: #f3f3f7; }
svg .legend-band { stroke: #ccc; }
svg .boundary { stroke: #999; stroke-dasharray: 4 3; }
svg .hover rect { fill: transparent; }
svg .hover rect:hover { fill: #000; fill-opacity: 0.06; }
</style>
</head>
<body>
<header>
<h1>golden</h1>
<p class="description">Steady traffic with bursts; a fault is injected and a model swapped mid-run.</p>
<p class="verdict failed">FAILED — 1 of 2 SLA thresholds breached</p>
<table class="facts">
<tr><th>Run</th><td>2</td></tr>
<tr><th>Target</th><td>bundled (2 replicas)</td></tr>
<tr><th>Scenario file</th><td>scenarios/golden.yaml</td></tr>
<tr><th>Git revision</th><td>0123abc</td></tr>
<tr><th>Host</th><td>ci-runner</td></tr>
<tr><th>Started</th><td>2026-01-02 00:00:00 UTC</td></tr>
<tr><th>Ended</th><td>2026-01-02 00:00:30 UTC</td></tr>
<tr><th>Duration</th><td>30.0s</td></tr>
<tr><th>Exit code</th><td>1</td></tr>
<tr><th>Command</th><td><code>loadgen run scenarios/golden.yaml --report out.html</code></td></tr>
<tr><th>Tags</th><td>candidate</td></tr>
</table>
</header>
<section id="comparison">
<h2>Compared with run 1</h2>
<p>Baseline: run 1 “golden”, started 2026-01-01 00:00:00 UTC, passed.
Changes worse than 10.00% are flagged.
<strong class="regressions">19 regressed</strong></p>
<table>
<thead><tr><th>Phase</th><th>Request</th><th>Metric</th><th>Baseline</th><th>This run</th><th>Change</th><th></th></tr></thead>
<tbody>
<tr class="fail"><td>warmup</td><td>detect</td><td>p50</td><td>11.4 ms</td><td>13.2 ms</td><td>+15.6%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>warmup</td><td>detect</td><td>p90</td><td>20.4 ms</td><td>26.6 ms</td><td>+30.4%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>warmup</td><td>detect</td><td>p95</td><td>24.0 ms</td><td>28.5 ms</td><td>+18.8%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>warmup</td><td>detect</td><td>p99</td><td>25.3 ms</td><td>30.7 ms</td><td>+21.3%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>warmup</td><td>detect</td><td>p99.9</td><td>25.3 ms</td><td>30.7 ms</td><td>+21.3%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>warmup</td><td>detect</td><td>max</td><td>25.3 ms</td><td>30.7 ms</td><td>+21.3%</td><td>REGRESSION</td></tr>
<tr><td>warmup</td><td>detect</td><td>error_rate</td><td>0.00%</td><td>0.00%</td><td>—</td><td></td></tr>
<tr><td>warmup</td><td>detect</td><td>throughput</td><td>4.00/s</td><td>4.00/s</td><td>+0.0%</td><td></td></tr>
<tr><td>warmup</td><td>healthz</td><td>p50</td><td>1.0 ms</td><td>1.0 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>warmup</td><td>healthz</td><td>p90</td><td>1.0 ms</td><td>1.0 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>warmup</td><td>healthz</td><td>p95</td><td>1.0 ms</td><td>1.0 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>warmup</td><td>healthz</td><td>p99</td><td>1.0 ms</td><td>1.0 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>warmup</td><td>healthz</td><td>p99.9</td><td>1.0 ms</td><td>1.0 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>warmup</td><td>healthz</td><td>max</td><td>1.0 ms</td><td>1.0 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>warmup</td><td>healthz</td><td>error_rate</td><td>0.00%</td><td>0.00%</td><td>—</td><td></td></tr>
<tr><td>warmup</td><td>healthz</td><td>throughput</td><td>1.00/s</td><td>1.00/s</td><td>+0.0%</td><td></td></tr>
<tr class="fail"><td>steady</td><td>detect</td><td>p50</td><td>14.0 ms</td><td>18.4 ms</td><td>+32.0%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>steady</td><td>detect</td><td>p90</td><td>39.3 ms</td><td>45.0 ms</td><td>+14.5%</td><td>REGRESSION</td></tr>
<tr><td>steady</td><td>detect</td><td>p95</td><td>50.0 ms</td><td>54.1 ms</td><td>+8.1%</td><td></td></tr>
<tr class="fail"><td>steady</td><td>detect</td><td>p99</td><td>69.4 ms</td><td>88.1 ms</td><td>+27.0%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>steady</td><td>detect</td><td>p99.9</td><td>77.7 ms</td><td>95.1 ms</td><td>+22.3%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>steady</td><td>detect</td><td>max</td><td>77.8 ms</td><td>95.1 ms</td><td>+22.3%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>steady</td><td>detect</td><td>error_rate</td><td>2.46%</td><td>3.16%</td><td>+28.6%</td><td>REGRESSION</td></tr>
<tr><td>steady</td><td>detect</td><td>throughput</td><td>18.5/s</td><td>18.4/s</td><td>-0.7%</td><td></td></tr>
<tr><td>steady</td><td>healthz</td><td>p50</td><td>1.1 ms</td><td>1.1 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>steady</td><td>healthz</td><td>p90</td><td>1.2 ms</td><td>1.2 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>steady</td><td>healthz</td><td>p95</td><td>1.2 ms</td><td>1.2 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>steady</td><td>healthz</td><td>p99</td><td>1.2 ms</td><td>1.2 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>steady</td><td>healthz</td><td>p99.9</td><td>1.2 ms</td><td>1.2 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>steady</td><td>healthz</td><td>max</td><td>1.2 ms</td><td>1.2 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>steady</td><td>healthz</td><td>error_rate</td><td>0.00%</td><td>0.00%</td><td>—</td><td></td></tr>
<tr><td>steady</td><td>healthz</td><td>throughput</td><td>1.00/s</td><td>1.00/s</td><td>+0.0%</td><td></td></tr>
<tr class="fail"><td>burst</td><td>detect</td><td>p50</td><td>25.0 ms</td><td>31.2 ms</td><td>+24.9%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>burst</td><td>detect</td><td>p90</td><td>44.3 ms</td><td>52.4 ms</td><td>+18.4%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>burst</td><td>detect</td><td>p95</td><td>48.8 ms</td><td>60.2 ms</td><td>+23.2%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>burst</td><td>detect</td><td>p99</td><td>54.9 ms</td><td>68.0 ms</td><td>+24.0%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>burst</td><td>detect</td><td>p99.9</td><td>58.0 ms</td><td>74.9 ms</td><td>+29.2%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>burst</td><td>detect</td><td>max</td><td>58.0 ms</td><td>74.9 ms</td><td>+29.2%</td><td>REGRESSION</td></tr>
<tr class="fail"><td>burst</td><td>detect</td><td>error_rate</td><td>0.57%</td><td>0.86%</td><td>+50.0%</td><td>REGRESSION</td></tr>
<tr><td>burst</td><td>detect</td><td>throughput</td><td>34.8/s</td><td>34.7/s</td><td>-0.3%</td><td></td></tr>
<tr><td>burst</td><td>healthz</td><td>p50</td><td>1.2 ms</td><td>1.2 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>burst</td><td>healthz</td><td>p90</td><td>1.3 ms</td><td>1.3 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>burst</td><td>healthz</td><td>p95</td><td>1.3 ms</td><td>1.3 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>burst</td><td>healthz</td><td>p99</td><td>1.3 ms</td><td>1.3 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>burst</td><td>healthz</td><td>p99.9</td><td>1.3 ms</td><td>1.3 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>burst</td><td>healthz</td><td>max</td><td>1.3 ms</td><td>1.3 ms</td><td>+0.0%</td><td></td></tr>
<tr><td>burst</td><td>healthz</td><td>error_rate</td><td>0.00%</td><td>0.00%</td><td>—</td><td></td></tr>
<tr><td>burst</td><td>healthz</td><td>throughput</td><td>1.00/s</td><td>1.00/s</td><td>+0.0%</td><td></td></tr>
</tbody>
</table>
</section>
<section id="sla">
<h2>SLA</h2>
<table>
<thead><tr><th>Phase</th><th>Request</th><th>Threshold</th><th>Limit</th><th>Observed (corrected)</th><th>Uncorrected</th><th>Result</th></tr></thead>
<tbody>
<tr class="fail"><td>steady</td><td>all</td><td>p99</td><td>60ms</td><td>88.1ms</td><td>88.1ms</td><td>FAIL</td></tr>
<tr class="pass"><td>burst</td><td>detect</td><td>error_rate</td><td>1%</td><td>0.86%</td><td>—</td><td>pass</td></tr>
</tbody>
</table>
</section>
<section id="requests">
<h2>Requests</h2>
<p class="note">Latency in ms, measured from when each request was due to be sent (corrected for coordinated
omission). The uncorrected p99 / max, from when it was actually sent, is shown beside.</p>
<table>
<thead><tr><th>Phase</th><th>Request</th><th>Completed / sent</th><th>Rate</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th><th>Uncorrected p99 / max</th><th>Error rate</th><th>Errors by code</th><th>Checks passed</th><th>Dropped</th></tr></thead>
<tbody>
<tr><td>warmup</td><td>detect</td><td>20 / 20</td><td>4.00/s</td><td>13.2</td><td>26.6</td><td>28.5</td><td>30.7</td><td>30.7</td><td>30.7</td><td>30.7 / 30.7</td><td>0.00%</td><td>—</td><td>95.24%</td><td>0</td></tr>
<tr><td>warmup</td><td>healthz</td><td>5 / 5</td><td>1.00/s</td><td>1.0</td><td>1.0</td><td>1.0</td><td>1.0</td><td>1.0</td><td>1.0</td><td>0.940 / 0.940</td><td>0.00%</td><td>—</td><td>100.00%</td><td>0</td></tr>
<tr><td>steady</td><td>detect</td><td>276 / 285</td><td>18.4/s</td><td>18.4</td><td>45.0</td><td>54.1</td><td>88.1</td><td>95.1</td><td>95.1</td><td>88.1 / 95.1</td><td>3.16%</td><td>http_5xx: 9, check_failed: 1</td><td>99.64%</td><td>0</td></tr>
<tr><td>steady</td><td>healthz</td><td>15 / 15</td><td>1.00/s</td><td>1.1</td><td>1.2</td><td>1.2</td><td>1.2</td><td>1.2</td><td>1.2</td><td>1.1 / 1.1</td><td>0.00%</td><td>—</td><td>100.00%</td><td>0</td></tr>
<tr><td>burst</td><td>detect</td><td>347 / 350</td><td>34.7/s</td><td>31.2</td><td>52.4</td><td>60.2</td><td>68.0</td><td>74.9</td><td>74.9</td><td>50.4 / 54.1</td><td>0.86%</td><td>http_5xx: 3, check_failed: 1</td><td>99.71%</td><td>0</td></tr>
<tr><td>burst</td><td>healthz</td><td>10 / 10</td><td>1.00/s</td><td>1.2</td><td>1.3</td><td>1.3</td><td>1.3</td><td>1.3</td><td>1.3</td><td>1.2 / 1.2</td><td>0.00%</td><td>—</td><td>100.00%</td><td>0</td></tr>
</tbody>
</table>
</section>
<section id="timeline">
<h2>Over time</h2>
<p class="note">Shaded bands are phases; coloured markers are run events (spans for events that lasted). Hover a
chart for the values of that second, or a marker for the event's details.</p>
<figure><svg class="chart" viewBox="0 0 900.0 300.0" role="img" aria-label="Throughput per second">
<text x="64.0" y="18" class="chart-title">Throughput per second</text>
<line x1="64.0" y1="30.0" x2="64.0" y2="248.0" class="boundary"/>
<text x="67.0" y="41.0" class="band-label">warmup</text>
<rect x="200.7" y="30.0" width="410.0" height="218.0" class="band"/>
<line x1="200.7" y1="30.0" x2="200.7" y2="248.0" class="boundary"/>
<text x="203.7" y="41.0" class="band-label">steady</text>
<line x1="610.7" y1="30.0" x2="610.7" y2="248.0" class="boundary"/>
<text x="613.7" y="41.0" class="band-label">burst</text>
<rect x="392.0" y="30.0" width="109.3" height="218.0" fill="#d62728" class="event-span"/>
<rect x="774.7" y="30.0" width="41.0" height="218.0" fill="#17becf" class="event-span"/>
<line x1="64.0" y1="248.0" x2="884.0" y2="248.0" class="grid"/>
<text x="58.0" y="252.0" class="y-tick">0</text>
<line x1="64.0" y1="193.5" x2="884.0" y2="193.5" class="grid"/>
<text x="58.0" y="197.5" class="y-tick">25</text>
<line x1="64.0" y1="139.0" x2="884.0" y2="139.0" class="grid"/>
<text x="58.0" y="143.0" class="y-tick">50</text>
<line x1="64.0" y1="84.5" x2="884.0" y2="84.5" class="grid"/>
<text x="58.0" y="88.5" class="y-tick">75</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">100</text>
<text x="64.0" y="264.0" class="x-tick">0s</text>
<text x="200.7" y="264.0" class="x-tick">5s</text>
<text x="337.3" y="264.0" class="x-tick">10s</text>
<text x="474.0" y="264.0" class="x-tick">15s</text>
<text x="610.7" y="264.0" class="x-tick">20s</text>
<text x="747.3" y="264.0" class="x-tick">25s</text>
<text x="884.0" y="264.0" class="x-tick">30s</text>
<text x="12" y="139.0" class="y-unit" transform="rotate(-90 12 139.0)">requests/s</text>
<polyline points="91.3,237.1 118.7,237.1 146.0,237.1 173.3,237.1 200.7,237.1 228.0,204.4 255.3,204.4 282.7,204.4 310.0,204.4 337.3,204.4 364.7,204.4 392.0,204.4 419.3,204.4 446.7,204.4 474.0,204.4 501.3,204.4 528.7,204.4 556.0,204.4 583.3,204.4 610.7,204.4 638.0,117.2 665.3,117.2 692.7,204.4 720.0,204.4 747.3,204.4 774.7,117.2 802.0,117.2 829.3,204.4 856.7,204.4 884.0,204.4" fill="none" stroke="#4e79a7" stroke-width="1.5"/>
<polyline points="91.3,237.1 118.7,237.1 146.0,237.1 173.3,237.1 200.7,237.1 228.0,204.4 255.3,204.4 282.7,206.6 310.0,204.4 337.3,204.4 364.7,204.4 392.0,204.4 419.3,204.4 446.7,210.9 474.0,206.6 501.3,210.9 528.7,204.4 556.0,204.4 583.3,204.4 610.7,206.6 638.0,117.2 665.3,119.4 692.7,208.8 720.0,204.4 747.3,204.4 774.7,117.2 802.0,117.2 829.3,204.4 856.7,204.4 884.0,204.4" fill="none" stroke="#59a14f" stroke-width="1.5"/>
<polyline points="91.3,248.0 118.7,248.0 146.0,248.0 173.3,248.0 200.7,248.0 228.0,248.0 255.3,248.0 282.7,245.8 310.0,248.0 337.3,248.0 364.7,248.0 392.0,248.0 419.3,248.0 446.7,241.5 474.0,245.8 501.3,241.5 528.7,248.0 556.0,248.0 583.3,248.0 610.7,245.8 638.0,248.0 665.3,245.8 692.7,243.6 720.0,248.0 747.3,248.0 774.7,248.0 802.0,248.0 829.3,248.0 856.7,248.0 884.0,248.0" fill="none" stroke="#e15759" stroke-width="1.5"/>
<rect x="64.0" y="30.0" width="820.0" height="218.0" class="frame"/>
<g class="event"><title>phase: warmup at 0.0s, load=5/s open</title><line x1="64.0" y1="30.0" x2="64.0" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="67.0" y="54.0" fill="#7f7f7f" class="event-label">warmup</text></g>
<g class="event"><title>phase: steady at 5.0s, load=20/s open</title><line x1="200.7" y1="30.0" x2="200.7" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="203.7" y="65.0" fill="#7f7f7f" class="event-label">steady</text></g>
<g class="event"><title>chaos: fault injected at 12.0s, for 4000ms, outcome reverted, fault=latency, ms=200</title><line x1="392.0" y1="30.0" x2="392.0" y2="248.0" stroke="#d62728" class="event-line"/><text x="395.0" y="76.0" fill="#d62728" class="event-label">fault injected</text></g>
<g class="event"><title>model: model swapped at 18.5s, outcome ok, from=face-v1, to=face-v2</title><line x1="569.7" y1="30.0" x2="569.7" y2="248.0" stroke="#9467bd" class="event-line"/><text x="572.7" y="54.0" fill="#9467bd" class="event-label">model swapped</text></g>
<g class="event"><title>phase: burst at 20.0s, load=20/s open, 60/s bursts</title><line x1="610.7" y1="30.0" x2="610.7" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="613.7" y="65.0" fill="#7f7f7f" class="event-label">burst</text></g>
<g class="event"><title>server: replica killed at 24.0s, replica=1, signal=SIGKILL</title><line x1="720.0" y1="30.0" x2="720.0" y2="248.0" stroke="#8c564b" class="event-line"/><text x="723.0" y="76.0" fill="#8c564b" class="event-label">replica killed</text></g>
<g class="event"><title>backup: snapshot taken at 26.0s, for 1500ms, outcome ok, bytes=1048576</title><line x1="774.7" y1="30.0" x2="774.7" y2="248.0" stroke="#17becf" class="event-line"/><text x="777.7" y="54.0" fill="#17becf" class="event-label">snapshot taken</text></g>
<g class="hover"><rect x="64.0" y="30.0" width="27.3" height="218.0"><title>0–1s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="91.3" y="30.0" width="27.3" height="218.0"><title>1–2s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="118.7" y="30.0" width="27.3" height="218.0"><title>2–3s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="146.0" y="30.0" width="27.3" height="218.0"><title>3–4s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="173.3" y="30.0" width="27.3" height="218.0"><title>4–5s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="200.7" y="30.0" width="27.3" height="218.0"><title>5–6s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="228.0" y="30.0" width="27.3" height="218.0"><title>6–7s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="255.3" y="30.0" width="27.3" height="218.0"><title>7–8s: sent 20, completed 19, errors 1 requests/s</title></rect><rect x="282.7" y="30.0" width="27.3" height="218.0"><title>8–9s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="310.0" y="30.0" width="27.3" height="218.0"><title>9–10s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="337.3" y="30.0" width="27.3" height="218.0"><title>10–11s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="364.7" y="30.0" width="27.3" height="218.0"><title>11–12s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="392.0" y="30.0" width="27.3" height="218.0"><title>12–13s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="419.3" y="30.0" width="27.3" height="218.0"><title>13–14s: sent 20, completed 17, errors 3 requests/s</title></rect><rect x="446.7" y="30.0" width="27.3" height="218.0"><title>14–15s: sent 20, completed 19, errors 1 requests/s</title></rect><rect x="474.0" y="30.0" width="27.3" height="218.0"><title>15–16s: sent 20, completed 17, errors 3 requests/s</title></rect><rect x="501.3" y="30.0" width="27.3" height="218.0"><title>16–17s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="528.7" y="30.0" width="27.3" height="218.0"><title>17–18s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="556.0" y="30.0" width="27.3" height="218.0"><title>18–19s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="583.3" y="30.0" width="27.3" height="218.0"><title>19–20s: sent 20, completed 19, errors 1 requests/s</title></rect><rect x="610.7" y="30.0" width="27.3" height="218.0"><title>20–21s: sent 60, completed 60, errors 0 requests/s</title></rect><rect x="638.0" y="30.0" width="27.3" height="218.0"><title>21–22s: sent 60, completed 59, errors 1 requests/s</title></rect><rect x="665.3" y="30.0" width="27.3" height="218.0"><title>22–23s: sent 20, completed 18, errors 2 requests/s</title></rect><rect x="692.7" y="30.0" width="27.3" height="218.0"><title>23–24s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="720.0" y="30.0" width="27.3" height="218.0"><title>24–25s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="747.3" y="30.0" width="27.3" height="218.0"><title>25–26s: sent 60, completed 60, errors 0 requests/s</title></rect><rect x="774.7" y="30.0" width="27.3" height="218.0"><title>26–27s: sent 60, completed 60, errors 0 requests/s</title></rect><rect x="802.0" y="30.0" width="27.3" height="218.0"><title>27–28s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="829.3" y="30.0" width="27.3" height="218.0"><title>28–29s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="856.7" y="30.0" width="27.3" height="218.0"><title>29–30s: sent 20, completed 20, errors 0 requests/s</title></rect></g>
<g class="legend"><line x1="64.0" y1="280.0" x2="80.0" y2="280.0" stroke="#4e79a7" stroke-width="2"/><text x="84.0" y="284.0">sent</text>
<line x1="124.0" y1="280.0" x2="140.0" y2="280.0" stroke="#59a14f" stroke-width="2"/><text x="144.0" y="284.0">completed</text>
<line x1="216.5" y1="280.0" x2="232.5" y2="280.0" stroke="#e15759" stroke-width="2"/><text x="236.5" y="284.0">errors</text>
<rect x="289.5" y="275.0" width="16" height="10" class="band legend-band"/><text x="309.5" y="284.0">phase</text>
<line x1="364.0" y1="274.0" x2="364.0" y2="285.0" stroke="#7f7f7f" stroke-width="2" stroke-dasharray="2 2"/><text x="376.0" y="284.0">event: phase</text>
<line x1="476.0" y1="274.0" x2="476.0" y2="285.0" stroke="#d62728" stroke-width="2" stroke-dasharray="2 2"/><text x="488.0" y="284.0">event: chaos</text>
<line x1="588.0" y1="274.0" x2="588.0" y2="285.0" stroke="#9467bd" stroke-width="2" stroke-dasharray="2 2"/><text x="600.0" y="284.0">event: model</text>
<line x1="700.0" y1="274.0" x2="700.0" y2="285.0" stroke="#8c564b" stroke-width="2" stroke-dasharray="2 2"/><text x="712.0" y="284.0">event: server</text>
<line x1="818.5" y1="274.0" x2="818.5" y2="285.0" stroke="#17becf" stroke-width="2" stroke-dasharray="2 2"/><text x="830.5" y="284.0">event: backup</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 300.0" role="img" aria-label="Latency per second">
<text x="64.0" y="18" class="chart-title">Latency per second</text>
<line x1="64.0" y1="30.0" x2="64.0" y2="248.0" class="boundary"/>
<text x="67.0" y="41.0" class="band-label">warmup</text>
<rect x="200.7" y="30.0" width="410.0" height="218.0" class="band"/>
<line x1="200.7" y1="30.0" x2="200.7" y2="248.0" class="boundary"/>
<text x="203.7" y="41.0" class="band-label">steady</text>
<line x1="610.7" y1="30.0" x2="610.7" y2="248.0" class="boundary"/>
<text x="613.7" y="41.0" class="band-label">burst</text>
<rect x="392.0" y="30.0" width="109.3" height="218.0" fill="#d62728" class="event-span"/>
<rect x="774.7" y="30.0" width="41.0" height="218.0" fill="#17becf" class="event-span"/>
<line x1="64.0" y1="248.0" x2="884.0" y2="248.0" class="grid"/>
<text x="58.0" y="252.0" class="y-tick">0</text>
<line x1="64.0" y1="193.5" x2="884.0" y2="193.5" class="grid"/>
<text x="58.0" y="197.5" class="y-tick">25</text>
<line x1="64.0" y1="139.0" x2="884.0" y2="139.0" class="grid"/>
<text x="58.0" y="143.0" class="y-tick">50</text>
<line x1="64.0" y1="84.5" x2="884.0" y2="84.5" class="grid"/>
<text x="58.0" y="88.5" class="y-tick">75</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">100</text>
<text x="64.0" y="264.0" class="x-tick">0s</text>
<text x="200.7" y="264.0" class="x-tick">5s</text>
<text x="337.3" y="264.0" class="x-tick">10s</text>
<text x="474.0" y="264.0" class="x-tick">15s</text>
<text x="610.7" y="264.0" class="x-tick">20s</text>
<text x="747.3" y="264.0" class="x-tick">25s</text>
<text x="884.0" y="264.0" class="x-tick">30s</text>
<text x="12" y="139.0" class="y-unit" transform="rotate(-90 12 139.0)">ms</text>
<polyline points="91.3,219.3 118.7,223.8 146.0,214.7 173.3,224.6 200.7,212.6 228.0,217.0 255.3,220.3 282.7,207.8 310.0,212.6 337.3,211.9 364.7,221.3 392.0,211.9 419.3,161.2 446.7,156.1 474.0,166.7 501.3,169.8 528.7,215.1 556.0,217.9 583.3,215.2 610.7,220.4 638.0,161.9 665.3,164.2 692.7,212.2 720.0,219.2 747.3,216.1 774.7,169.1 802.0,167.4 829.3,219.1 856.7,218.2 884.0,221.9" fill="none" stroke="#59a14f" stroke-width="1.5"/>
<polyline points="91.3,211.7 118.7,185.9 146.0,190.0 173.3,199.5 200.7,181.0 228.0,192.5 255.3,187.4 282.7,197.8 310.0,196.2 337.3,203.0 364.7,199.4 392.0,192.2 419.3,130.1 446.7,82.7 474.0,76.1 501.3,86.4 528.7,194.8 556.0,206.5 583.3,192.9 610.7,204.2 638.0,124.7 665.3,127.0 692.7,192.4 720.0,200.4 747.3,202.3 774.7,126.7 802.0,132.0 829.3,197.0 856.7,198.6 884.0,208.9" fill="none" stroke="#f28e2b" stroke-width="1.5"/>
<polyline points="91.3,211.7 118.7,185.9 146.0,190.0 173.3,199.5 200.7,181.0 228.0,187.1 255.3,182.0 282.7,180.0 310.0,180.5 337.3,198.7 364.7,195.9 392.0,183.3 419.3,121.7 446.7,44.1 474.0,40.7 501.3,50.5 528.7,183.8 556.0,183.0 583.3,187.5 610.7,193.5 638.0,99.7 665.3,110.5 692.7,189.2 720.0,182.3 747.3,175.1 774.7,98.1 802.0,84.7 829.3,189.3 856.7,194.4 884.0,198.8" fill="none" stroke="#e15759" stroke-width="1.5"/>
<polyline points="91.3,211.6 118.7,185.8 146.0,190.0 173.3,199.5 200.7,181.0 228.0,187.1 255.3,182.0 282.7,180.0 310.0,180.5 337.3,198.6 364.7,195.9 392.0,183.3 419.3,121.7 446.7,44.0 474.0,40.7 501.3,50.4 528.7,183.8 556.0,183.0 583.3,187.5 610.7,193.5 638.0,99.7 665.3,110.4 692.7,189.2 720.0,182.3 747.3,175.0 774.7,98.0 802.0,84.6 829.3,189.3 856.7,194.4 884.0,198.8" fill="none" stroke="#76b7b2" stroke-width="1.5"/>
<polyline points="91.3,211.7 118.7,185.9 146.0,190.0 173.3,199.5 200.7,181.0 228.0,187.1 255.3,182.0 282.7,180.0 310.0,180.5 337.3,198.7 364.7,195.9 392.0,183.3 419.3,121.7 446.7,44.1 474.0,40.7 501.3,50.5 528.7,183.8 556.0,183.0 583.3,187.5 610.7,193.5 638.0,130.0 665.3,141.3 692.7,189.2 720.0,182.3 747.3,175.1 774.7,141.0 802.0,133.6 829.3,189.3 856.7,194.4 884.0,198.8" fill="none" stroke="#e15759" stroke-width="1.5" stroke-dasharray="6 4"/>
<rect x="64.0" y="30.0" width="820.0" height="218.0" class="frame"/>
<g class="event"><title>phase: warmup at 0.0s, load=5/s open</title><line x1="64.0" y1="30.0" x2="64.0" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="67.0" y="54.0" fill="#7f7f7f" class="event-label">warmup</text></g>
<g class="event"><title>phase: steady at 5.0s, load=20/s open</title><line x1="200.7" y1="30.0" x2="200.7" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="203.7" y="65.0" fill="#7f7f7f" class="event-label">steady</text></g>
<g class="event"><title>chaos: fault injected at 12.0s, for 4000ms, outcome reverted, fault=latency, ms=200</title><line x1="392.0" y1="30.0" x2="392.0" y2="248.0" stroke="#d62728" class="event-line"/><text x="395.0" y="76.0" fill="#d62728" class="event-label">fault injected</text></g>
<g class="event"><title>model: model swapped at 18.5s, outcome ok, from=face-v1, to=face-v2</title><line x1="569.7" y1="30.0" x2="569.7" y2="248.0" stroke="#9467bd" class="event-line"/><text x="572.7" y="54.0" fill="#9467bd" class="event-label">model swapped</text></g>
<g class="event"><title>phase: burst at 20.0s, load=20/s open, 60/s bursts</title><line x1="610.7" y1="30.0" x2="610.7" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="613.7" y="65.0" fill="#7f7f7f" class="event-label">burst</text></g>
<g class="event"><title>server: replica killed at 24.0s, replica=1, signal=SIGKILL</title><line x1="720.0" y1="30.0" x2="720.0" y2="248.0" stroke="#8c564b" class="event-line"/><text x="723.0" y="76.0" fill="#8c564b" class="event-label">replica killed</text></g>
<g class="event"><title>backup: snapshot taken at 26.0s, for 1500ms, outcome ok, bytes=1048576</title><line x1="774.7" y1="30.0" x2="774.7" y2="248.0" stroke="#17becf" class="event-line"/><text x="777.7" y="54.0" fill="#17becf" class="event-label">snapshot taken</text></g>
<g class="hover"><rect x="64.0" y="30.0" width="27.3" height="218.0"><title>0–1s: p50 13.18, p90 16.67, p99 16.67, max 16.69, p99 uncorrected 16.67 ms</title></rect><rect x="91.3" y="30.0" width="27.3" height="218.0"><title>1–2s: p50 11.1, p90 28.5, p99 28.5, max 28.51, p99 uncorrected 28.5 ms</title></rect><rect x="118.7" y="30.0" width="27.3" height="218.0"><title>2–3s: p50 15.3, p90 26.6, p99 26.6, max 26.61, p99 uncorrected 26.6 ms</title></rect><rect x="146.0" y="30.0" width="27.3" height="218.0"><title>3–4s: p50 10.73, p90 22.24, p99 22.24, max 22.24, p99 uncorrected 22.24 ms</title></rect><rect x="173.3" y="30.0" width="27.3" height="218.0"><title>4–5s: p50 16.26, p90 30.73, p99 30.73, max 30.74, p99 uncorrected 30.73 ms</title></rect><rect x="200.7" y="30.0" width="27.3" height="218.0"><title>5–6s: p50 14.22, p90 25.44, p99 27.95, max 27.95, p99 uncorrected 27.95 ms</title></rect><rect x="228.0" y="30.0" width="27.3" height="218.0"><title>6–7s: p50 12.69, p90 27.79, p99 30.28, max 30.29, p99 uncorrected 30.28 ms</title></rect><rect x="255.3" y="30.0" width="27.3" height="218.0"><title>7–8s: p50 18.43, p90 23.04, p99 31.21, max 31.22, p99 uncorrected 31.21 ms</title></rect><rect x="282.7" y="30.0" width="27.3" height="218.0"><title>8–9s: p50 16.22, p90 23.74, p99 30.95, max 30.96, p99 uncorrected 30.95 ms</title></rect><rect x="310.0" y="30.0" width="27.3" height="218.0"><title>9–10s: p50 16.56, p90 20.64, p99 22.63, max 22.64, p99 uncorrected 22.63 ms</title></rect><rect x="337.3" y="30.0" width="27.3" height="218.0"><title>10–11s: p50 12.23, p90 22.29, p99 23.89, max 23.89, p99 uncorrected 23.89 ms</title></rect><rect x="364.7" y="30.0" width="27.3" height="218.0"><title>11–12s: p50 16.54, p90 25.6, p99 29.67, max 29.68, p99 uncorrected 29.67 ms</title></rect><rect x="392.0" y="30.0" width="27.3" height="218.0"><title>12–13s: p50 39.81, p90 54.08, p99 57.93, max 57.95, p99 uncorrected 57.93 ms</title></rect><rect x="419.3" y="30.0" width="27.3" height="218.0"><title>13–14s: p50 42.14, p90 75.84, p99 93.54, max 93.57, p99 uncorrected 93.54 ms</title></rect><rect x="446.7" y="30.0" width="27.3" height="218.0"><title>14–15s: p50 37.31, p90 78.85, p99 95.09, max 95.1, p99 uncorrected 95.09 ms</title></rect><rect x="474.0" y="30.0" width="27.3" height="218.0"><title>15–16s: p50 35.87, p90 74.11, p99 90.62, max 90.62, p99 uncorrected 90.62 ms</title></rect><rect x="501.3" y="30.0" width="27.3" height="218.0"><title>16–17s: p50 15.1, p90 24.4, p99 29.46, max 29.47, p99 uncorrected 29.46 ms</title></rect><rect x="528.7" y="30.0" width="27.3" height="218.0"><title>17–18s: p50 13.8, p90 19.06, p99 29.84, max 29.84, p99 uncorrected 29.84 ms</title></rect><rect x="556.0" y="30.0" width="27.3" height="218.0"><title>18–19s: p50 15.05, p90 25.28, p99 27.75, max 27.76, p99 uncorrected 27.75 ms</title></rect><rect x="583.3" y="30.0" width="27.3" height="218.0"><title>19–20s: p50 12.65, p90 20.11, p99 24.99, max 25.01, p99 uncorrected 24.99 ms</title></rect><rect x="610.7" y="30.0" width="27.3" height="218.0"><title>20–21s: p50 39.49, p90 56.54, p99 68.02, max 68.03, p99 uncorrected 54.14 ms</title></rect><rect x="638.0" y="30.0" width="27.3" height="218.0"><title>21–22s: p50 38.43, p90 55.52, p99 63.08, max 63.1, p99 uncorrected 48.96 ms</title></rect><rect x="665.3" y="30.0" width="27.3" height="218.0"><title>22–23s: p50 16.42, p90 25.52, p99 26.97, max 26.98, p99 uncorrected 26.97 ms</title></rect><rect x="692.7" y="30.0" width="27.3" height="218.0"><title>23–24s: p50 13.2, p90 21.84, p99 30.16, max 30.16, p99 uncorrected 30.16 ms</title></rect><rect x="720.0" y="30.0" width="27.3" height="218.0"><title>24–25s: p50 14.62, p90 20.94, p99 33.45, max 33.47, p99 uncorrected 33.45 ms</title></rect><rect x="747.3" y="30.0" width="27.3" height="218.0"><title>25–26s: p50 36.19, p90 55.65, p99 68.77, max 68.8, p99 uncorrected 49.08 ms</title></rect><rect x="774.7" y="30.0" width="27.3" height="218.0"><title>26–27s: p50 36.99, p90 53.22, p99 74.89, max 74.94, p99 uncorrected 52.49 ms</title></rect><rect x="802.0" y="30.0" width="27.3" height="218.0"><title>27–28s: p50 13.24, p90 23.38, p99 26.9, max 26.91, p99 uncorrected 26.9 ms</title></rect><rect x="829.3" y="30.0" width="27.3" height="218.0"><title>28–29s: p50 13.66, p90 22.64, p99 24.57, max 24.58, p99 uncorrected 24.57 ms</title></rect><rect x="856.7" y="30.0" width="27.3" height="218.0"><title>29–30s: p50 11.95, p90 17.92, p99 22.55, max 22.56, p99 uncorrected 22.55 ms</title></rect></g>
<g class="legend"><line x1="64.0" y1="280.0" x2="80.0" y2="280.0" stroke="#59a14f" stroke-width="2"/><text x="84.0" y="284.0">p50</text>
<line x1="117.5" y1="280.0" x2="133.5" y2="280.0" stroke="#f28e2b" stroke-width="2"/><text x="137.5" y="284.0">p90</text>
<line x1="171.0" y1="280.0" x2="187.0" y2="280.0" stroke="#e15759" stroke-width="2"/><text x="191.0" y="284.0">p99</text>
<line x1="224.5" y1="280.0" x2="240.5" y2="280.0" stroke="#76b7b2" stroke-width="2"/><text x="244.5" y="284.0">max</text>
<line x1="278.0" y1="280.0" x2="294.0" y2="280.0" stroke="#e15759" stroke-width="2" stroke-dasharray="4 3"/><text x="298.0" y="284.0">p99 uncorrected</text>
<rect x="409.5" y="275.0" width="16" height="10" class="band legend-band"/><text x="429.5" y="284.0">phase</text>
<line x1="484.0" y1="274.0" x2="484.0" y2="285.0" stroke="#7f7f7f" stroke-width="2" stroke-dasharray="2 2"/><text x="496.0" y="284.0">event: phase</text>
<line x1="596.0" y1="274.0" x2="596.0" y2="285.0" stroke="#d62728" stroke-width="2" stroke-dasharray="2 2"/><text x="608.0" y="284.0">event: chaos</text>
<line x1="708.0" y1="274.0" x2="708.0" y2="285.0" stroke="#9467bd" stroke-width="2" stroke-dasharray="2 2"/><text x="720.0" y="284.0">event: model</text>
<line x1="820.0" y1="274.0" x2="820.0" y2="285.0" stroke="#8c564b" stroke-width="2" stroke-dasharray="2 2"/><text x="832.0" y="284.0">event: server</text>
<line x1="938.5" y1="274.0" x2="938.5" y2="285.0" stroke="#17becf" stroke-width="2" stroke-dasharray="2 2"/><text x="950.5" y="284.0">event: backup</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 300.0" role="img" aria-label="Error rate per second">
<text x="64.0" y="18" class="chart-title">Error rate per second</text>
<line x1="64.0" y1="30.0" x2="64.0" y2="248.0" class="boundary"/>
<text x="67.0" y="41.0" class="band-label">warmup</text>
<rect x="200.7" y="30.0" width="410.0" height="218.0" class="band"/>
<line x1="200.7" y1="30.0" x2="200.7" y2="248.0" class="boundary"/>
<text x="203.7" y="41.0" class="band-label">steady</text>
<line x1="610.7" y1="30.0" x2="610.7" y2="248.0" class="boundary"/>
<text x="613.7" y="41.0" class="band-label">burst</text>
<rect x="392.0" y="30.0" width="109.3" height="218.0" fill="#d62728" class="event-span"/>
<rect x="774.7" y="30.0" width="41.0" height="218.0" fill="#17becf" class="event-span"/>
<line x1="64.0" y1="248.0" x2="884.0" y2="248.0" class="grid"/>
<text x="58.0" y="252.0" class="y-tick">0</text>
<line x1="64.0" y1="193.5" x2="884.0" y2="193.5" class="grid"/>
<text x="58.0" y="197.5" class="y-tick">5</text>
<line x1="64.0" y1="139.0" x2="884.0" y2="139.0" class="grid"/>
<text x="58.0" y="143.0" class="y-tick">10</text>
<line x1="64.0" y1="84.5" x2="884.0" y2="84.5" class="grid"/>
<text x="58.0" y="88.5" class="y-tick">15</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">20</text>
<text x="64.0" y="264.0" class="x-tick">0s</text>
<text x="200.7" y="264.0" class="x-tick">5s</text>
<text x="337.3" y="264.0" class="x-tick">10s</text>
<text x="474.0" y="264.0" class="x-tick">15s</text>
<text x="610.7" y="264.0" class="x-tick">20s</text>
<text x="747.3" y="264.0" class="x-tick">25s</text>
<text x="884.0" y="264.0" class="x-tick">30s</text>
<text x="12" y="139.0" class="y-unit" transform="rotate(-90 12 139.0)">% of attempted</text>
<polyline points="91.3,248.0 118.7,248.0 146.0,248.0 173.3,248.0 200.7,248.0 228.0,248.0 255.3,248.0 282.7,193.5 310.0,248.0 337.3,248.0 364.7,248.0 392.0,248.0 419.3,248.0 446.7,84.5 474.0,193.5 501.3,84.5 528.7,248.0 556.0,248.0 583.3,248.0 610.7,193.5 638.0,248.0 665.3,229.8 692.7,139.0 720.0,248.0 747.3,248.0 774.7,248.0 802.0,248.0 829.3,248.0 856.7,248.0 884.0,248.0" fill="none" stroke="#e15759" stroke-width="1.5"/>
<rect x="64.0" y="30.0" width="820.0" height="218.0" class="frame"/>
<g class="event"><title>phase: warmup at 0.0s, load=5/s open</title><line x1="64.0" y1="30.0" x2="64.0" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="67.0" y="54.0" fill="#7f7f7f" class="event-label">warmup</text></g>
<g class="event"><title>phase: steady at 5.0s, load=20/s open</title><line x1="200.7" y1="30.0" x2="200.7" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="203.7" y="65.0" fill="#7f7f7f" class="event-label">steady</text></g>
<g class="event"><title>chaos: fault injected at 12.0s, for 4000ms, outcome reverted, fault=latency, ms=200</title><line x1="392.0" y1="30.0" x2="392.0" y2="248.0" stroke="#d62728" class="event-line"/><text x="395.0" y="76.0" fill="#d62728" class="event-label">fault injected</text></g>
<g class="event"><title>model: model swapped at 18.5s, outcome ok, from=face-v1, to=face-v2</title><line x1="569.7" y1="30.0" x2="569.7" y2="248.0" stroke="#9467bd" class="event-line"/><text x="572.7" y="54.0" fill="#9467bd" class="event-label">model swapped</text></g>
<g class="event"><title>phase: burst at 20.0s, load=20/s open, 60/s bursts</title><line x1="610.7" y1="30.0" x2="610.7" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="613.7" y="65.0" fill="#7f7f7f" class="event-label">burst</text></g>
<g class="event"><title>server: replica killed at 24.0s, replica=1, signal=SIGKILL</title><line x1="720.0" y1="30.0" x2="720.0" y2="248.0" stroke="#8c564b" class="event-line"/><text x="723.0" y="76.0" fill="#8c564b" class="event-label">replica killed</text></g>
<g class="event"><title>backup: snapshot taken at 26.0s, for 1500ms, outcome ok, bytes=1048576</title><line x1="774.7" y1="30.0" x2="774.7" y2="248.0" stroke="#17becf" class="event-line"/><text x="777.7" y="54.0" fill="#17becf" class="event-label">snapshot taken</text></g>
<g class="hover"><rect x="64.0" y="30.0" width="27.3" height="218.0"><title>0–1s: errors 0 % of attempted</title></rect><rect x="91.3" y="30.0" width="27.3" height="218.0"><title>1–2s: errors 0 % of attempted</title></rect><rect x="118.7" y="30.0" width="27.3" height="218.0"><title>2–3s: errors 0 % of attempted</title></rect><rect x="146.0" y="30.0" width="27.3" height="218.0"><title>3–4s: errors 0 % of attempted</title></rect><rect x="173.3" y="30.0" width="27.3" height="218.0"><title>4–5s: errors 0 % of attempted</title></rect><rect x="200.7" y="30.0" width="27.3" height="218.0"><title>5–6s: errors 0 % of attempted</title></rect><rect x="228.0" y="30.0" width="27.3" height="218.0"><title>6–7s: errors 0 % of attempted</title></rect><rect x="255.3" y="30.0" width="27.3" height="218.0"><title>7–8s: errors 5 % of attempted</title></rect><rect x="282.7" y="30.0" width="27.3" height="218.0"><title>8–9s: errors 0 % of attempted</title></rect><rect x="310.0" y="30.0" width="27.3" height="218.0"><title>9–10s: errors 0 % of attempted</title></rect><rect x="337.3" y="30.0" width="27.3" height="218.0"><title>10–11s: errors 0 % of attempted</title></rect><rect x="364.7" y="30.0" width="27.3" height="218.0"><title>11–12s: errors 0 % of attempted</title></rect><rect x="392.0" y="30.0" width="27.3" height="218.0"><title>12–13s: errors 0 % of attempted</title></rect><rect x="419.3" y="30.0" width="27.3" height="218.0"><title>13–14s: errors 15 % of attempted</title></rect><rect x="446.7" y="30.0" width="27.3" height="218.0"><title>14–15s: errors 5 % of attempted</title></rect><rect x="474.0" y="30.0" width="27.3" height="218.0"><title>15–16s: errors 15 % of attempted</title></rect><rect x="501.3" y="30.0" width="27.3" height="218.0"><title>16–17s: errors 0 % of attempted</title></rect><rect x="528.7" y="30.0" width="27.3" height="218.0"><title>17–18s: errors 0 % of attempted</title></rect><rect x="556.0" y="30.0" width="27.3" height="218.0"><title>18–19s: errors 0 % of attempted</title></rect><rect x="583.3" y="30.0" width="27.3" height="218.0"><title>19–20s: errors 5 % of attempted</title></rect><rect x="610.7" y="30.0" width="27.3" height="218.0"><title>20–21s: errors 0 % of attempted</title></rect><rect x="638.0" y="30.0" width="27.3" height="218.0"><title>21–22s: errors 1.67 % of attempted</title></rect><rect x="665.3" y="30.0" width="27.3" height="218.0"><title>22–23s: errors 10 % of attempted</title></rect><rect x="692.7" y="30.0" width="27.3" height="218.0"><title>23–24s: errors 0 % of attempted</title></rect><rect x="720.0" y="30.0" width="27.3" height="218.0"><title>24–25s: errors 0 % of attempted</title></rect><rect x="747.3" y="30.0" width="27.3" height="218.0"><title>25–26s: errors 0 % of attempted</title></rect><rect x="774.7" y="30.0" width="27.3" height="218.0"><title>26–27s: errors 0 % of attempted</title></rect><rect x="802.0" y="30.0" width="27.3" height="218.0"><title>27–28s: errors 0 % of attempted</title></rect><rect x="829.3" y="30.0" width="27.3" height="218.0"><title>28–29s: errors 0 % of attempted</title></rect><rect x="856.7" y="30.0" width="27.3" height="218.0"><title>29–30s: errors 0 % of attempted</title></rect></g>
<g class="legend"><line x1="64.0" y1="280.0" x2="80.0" y2="280.0" stroke="#e15759" stroke-width="2"/><text x="84.0" y="284.0">errors</text>
<rect x="137.0" y="275.0" width="16" height="10" class="band legend-band"/><text x="157.0" y="284.0">phase</text>
<line x1="211.5" y1="274.0" x2="211.5" y2="285.0" stroke="#7f7f7f" stroke-width="2" stroke-dasharray="2 2"/><text x="223.5" y="284.0">event: phase</text>
<line x1="323.5" y1="274.0" x2="323.5" y2="285.0" stroke="#d62728" stroke-width="2" stroke-dasharray="2 2"/><text x="335.5" y="284.0">event: chaos</text>
<line x1="435.5" y1="274.0" x2="435.5" y2="285.0" stroke="#9467bd" stroke-width="2" stroke-dasharray="2 2"/><text x="447.5" y="284.0">event: model</text>
<line x1="547.5" y1="274.0" x2="547.5" y2="285.0" stroke="#8c564b" stroke-width="2" stroke-dasharray="2 2"/><text x="559.5" y="284.0">event: server</text>
<line x1="666.0" y1="274.0" x2="666.0" y2="285.0" stroke="#17becf" stroke-width="2" stroke-dasharray="2 2"/><text x="678.0" y="284.0">event: backup</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 300.0" role="img" aria-label="Open connections">
<text x="64.0" y="18" class="chart-title">Open connections</text>
<line x1="64.0" y1="30.0" x2="64.0" y2="248.0" class="boundary"/>
<text x="67.0" y="41.0" class="band-label">warmup</text>
<rect x="200.7" y="30.0" width="410.0" height="218.0" class="band"/>
<line x1="200.7" y1="30.0" x2="200.7" y2="248.0" class="boundary"/>
<text x="203.7" y="41.0" class="band-label">steady</text>
<line x1="610.7" y1="30.0" x2="610.7" y2="248.0" class="boundary"/>
<text x="613.7" y="41.0" class="band-label">burst</text>
<rect x="392.0" y="30.0" width="109.3" height="218.0" fill="#d62728" class="event-span"/>
<rect x="774.7" y="30.0" width="41.0" height="218.0" fill="#17becf" class="event-span"/>
<line x1="64.0" y1="248.0" x2="884.0" y2="248.0" class="grid"/>
<text x="58.0" y="252.0" class="y-tick">0</text>
<line x1="64.0" y1="193.5" x2="884.0" y2="193.5" class="grid"/>
<text x="58.0" y="197.5" class="y-tick">5</text>
<line x1="64.0" y1="139.0" x2="884.0" y2="139.0" class="grid"/>
<text x="58.0" y="143.0" class="y-tick">10</text>
<line x1="64.0" y1="84.5" x2="884.0" y2="84.5" class="grid"/>
<text x="58.0" y="88.5" class="y-tick">15</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">20</text>
<text x="64.0" y="264.0" class="x-tick">0s</text>
<text x="200.7" y="264.0" class="x-tick">5s</text>
<text x="337.3" y="264.0" class="x-tick">10s</text>
<text x="474.0" y="264.0" class="x-tick">15s</text>
<text x="610.7" y="264.0" class="x-tick">20s</text>
<text x="747.3" y="264.0" class="x-tick">25s</text>
<text x="884.0" y="264.0" class="x-tick">30s</text>
<text x="12" y="139.0" class="y-unit" transform="rotate(-90 12 139.0)">count</text>
<polyline points="91.3,204.4 118.7,204.4 146.0,204.4 173.3,204.4 200.7,204.4 228.0,204.4 255.3,204.4 282.7,204.4 310.0,204.4 337.3,204.4 364.7,204.4 392.0,204.4 419.3,204.4 446.7,204.4 474.0,204.4 501.3,204.4 528.7,204.4 556.0,204.4 583.3,204.4 610.7,204.4 638.0,117.2 665.3,117.2 692.7,204.4 720.0,204.4 747.3,204.4 774.7,117.2 802.0,117.2 829.3,204.4 856.7,204.4 884.0,204.4" fill="none" stroke="#4e79a7" stroke-width="1.5"/>
<rect x="64.0" y="30.0" width="820.0" height="218.0" class="frame"/>
<g class="event"><title>phase: warmup at 0.0s, load=5/s open</title><line x1="64.0" y1="30.0" x2="64.0" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="67.0" y="54.0" fill="#7f7f7f" class="event-label">warmup</text></g>
<g class="event"><title>phase: steady at 5.0s, load=20/s open</title><line x1="200.7" y1="30.0" x2="200.7" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="203.7" y="65.0" fill="#7f7f7f" class="event-label">steady</text></g>
<g class="event"><title>chaos: fault injected at 12.0s, for 4000ms, outcome reverted, fault=latency, ms=200</title><line x1="392.0" y1="30.0" x2="392.0" y2="248.0" stroke="#d62728" class="event-line"/><text x="395.0" y="76.0" fill="#d62728" class="event-label">fault injected</text></g>
<g class="event"><title>model: model swapped at 18.5s, outcome ok, from=face-v1, to=face-v2</title><line x1="569.7" y1="30.0" x2="569.7" y2="248.0" stroke="#9467bd" class="event-line"/><text x="572.7" y="54.0" fill="#9467bd" class="event-label">model swapped</text></g>
<g class="event"><title>phase: burst at 20.0s, load=20/s open, 60/s bursts</title><line x1="610.7" y1="30.0" x2="610.7" y2="248.0" stroke="#7f7f7f" class="event-line"/><text x="613.7" y="65.0" fill="#7f7f7f" class="event-label">burst</text></g>
<g class="event"><title>server: replica killed at 24.0s, replica=1, signal=SIGKILL</title><line x1="720.0" y1="30.0" x2="720.0" y2="248.0" stroke="#8c564b" class="event-line"/><text x="723.0" y="76.0" fill="#8c564b" class="event-label">replica killed</text></g>
<g class="event"><title>backup: snapshot taken at 26.0s, for 1500ms, outcome ok, bytes=1048576</title><line x1="774.7" y1="30.0" x2="774.7" y2="248.0" stroke="#17becf" class="event-line"/><text x="777.7" y="54.0" fill="#17becf" class="event-label">snapshot taken</text></g>
<g class="hover"><rect x="64.0" y="30.0" width="27.3" height="218.0"><title>0–1s: connections 4 count</title></rect><rect x="91.3" y="30.0" width="27.3" height="218.0"><title>1–2s: connections 4 count</title></rect><rect x="118.7" y="30.0" width="27.3" height="218.0"><title>2–3s: connections 4 count</title></rect><rect x="146.0" y="30.0" width="27.3" height="218.0"><title>3–4s: connections 4 count</title></rect><rect x="173.3" y="30.0" width="27.3" height="218.0"><title>4–5s: connections 4 count</title></rect><rect x="200.7" y="30.0" width="27.3" height="218.0"><title>5–6s: connections 4 count</title></rect><rect x="228.0" y="30.0" width="27.3" height="218.0"><title>6–7s: connections 4 count</title></rect><rect x="255.3" y="30.0" width="27.3" height="218.0"><title>7–8s: connections 4 count</title></rect><rect x="282.7" y="30.0" width="27.3" height="218.0"><title>8–9s: connections 4 count</title></rect><rect x="310.0" y="30.0" width="27.3" height="218.0"><title>9–10s: connections 4 count</title></rect><rect x="337.3" y="30.0" width="27.3" height="218.0"><title>10–11s: connections 4 count</title></rect><rect x="364.7" y="30.0" width="27.3" height="218.0"><title>11–12s: connections 4 count</title></rect><rect x="392.0" y="30.0" width="27.3" height="218.0"><title>12–13s: connections 4 count</title></rect><rect x="419.3" y="30.0" width="27.3" height="218.0"><title>13–14s: connections 4 count</title></rect><rect x="446.7" y="30.0" width="27.3" height="218.0"><title>14–15s: connections 4 count</title></rect><rect x="474.0" y="30.0" width="27.3" height="218.0"><title>15–16s: connections 4 count</title></rect><rect x="501.3" y="30.0" width="27.3" height="218.0"><title>16–17s: connections 4 count</title></rect><rect x="528.7" y="30.0" width="27.3" height="218.0"><title>17–18s: connections 4 count</title></rect><rect x="556.0" y="30.0" width="27.3" height="218.0"><title>18–19s: connections 4 count</title></rect><rect x="583.3" y="30.0" width="27.3" height="218.0"><title>19–20s: connections 4 count</title></rect><rect x="610.7" y="30.0" width="27.3" height="218.0"><title>20–21s: connections 12 count</title></rect><rect x="638.0" y="30.0" width="27.3" height="218.0"><title>21–22s: connections 12 count</title></rect><rect x="665.3" y="30.0" width="27.3" height="218.0"><title>22–23s: connections 4 count</title></rect><rect x="692.7" y="30.0" width="27.3" height="218.0"><title>23–24s: connections 4 count</title></rect><rect x="720.0" y="30.0" width="27.3" height="218.0"><title>24–25s: connections 4 count</title></rect><rect x="747.3" y="30.0" width="27.3" height="218.0"><title>25–26s: connections 12 count</title></rect><rect x="774.7" y="30.0" width="27.3" height="218.0"><title>26–27s: connections 12 count</title></rect><rect x="802.0" y="30.0" width="27.3" height="218.0"><title>27–28s: connections 4 count</title></rect><rect x="829.3" y="30.0" width="27.3" height="218.0"><title>28–29s: connections 4 count</title></rect><rect x="856.7" y="30.0" width="27.3" height="218.0"><title>29–30s: connections 4 count</title></rect></g>
<g class="legend"><line x1="64.0" y1="280.0" x2="80.0" y2="280.0" stroke="#4e79a7" stroke-width="2"/><text x="84.0" y="284.0">connections</text>
<rect x="169.5" y="275.0" width="16" height="10" class="band legend-band"/><text x="189.5" y="284.0">phase</text>
<line x1="244.0" y1="274.0" x2="244.0" y2="285.0" stroke="#7f7f7f" stroke-width="2" stroke-dasharray="2 2"/><text x="256.0" y="284.0">event: phase</text>
<line x1="356.0" y1="274.0" x2="356.0" y2="285.0" stroke="#d62728" stroke-width="2" stroke-dasharray="2 2"/><text x="368.0" y="284.0">event: chaos</text>
<line x1="468.0" y1="274.0" x2="468.0" y2="285.0" stroke="#9467bd" stroke-width="2" stroke-dasharray="2 2"/><text x="480.0" y="284.0">event: model</text>
<line x1="580.0" y1="274.0" x2="580.0" y2="285.0" stroke="#8c564b" stroke-width="2" stroke-dasharray="2 2"/><text x="592.0" y="284.0">event: server</text>
<line x1="698.5" y1="274.0" x2="698.5" y2="285.0" stroke="#17becf" stroke-width="2" stroke-dasharray="2 2"/><text x="710.5" y="284.0">event: backup</text>
</g>
</svg></figure>
</section>
<section id="distribution">
<h2>Latency by percentile</h2>
<p class="note">HdrHistogram's percentile plot per phase (every request merged): the x axis is 1/(1−p) on a log
scale, so 90 %, 99 %, 99.9 % are evenly spaced. Corrected latency solid, uncorrected dashed.</p>
<figure><svg class="chart" viewBox="0 0 900.0 260.0" role="img" aria-label="Latency by percentile — warmup">
<text x="64.0" y="18" class="chart-title">Latency by percentile — warmup</text>
<line x1="64.0" y1="208.0" x2="884.0" y2="208.0" class="grid"/>
<text x="58.0" y="212.0" class="y-tick">0</text>
<line x1="64.0" y1="163.5" x2="884.0" y2="163.5" class="grid"/>
<text x="58.0" y="167.5" class="y-tick">12.5</text>
<line x1="64.0" y1="119.0" x2="884.0" y2="119.0" class="grid"/>
<text x="58.0" y="123.0" class="y-tick">25</text>
<line x1="64.0" y1="74.5" x2="884.0" y2="74.5" class="grid"/>
<text x="58.0" y="78.5" class="y-tick">37.5</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">50</text>
<text x="64.0" y="224.0" class="x-tick">0%</text>
<text x="474.0" y="224.0" class="x-tick">90%</text>
<text x="884.0" y="224.0" class="x-tick">99%</text>
<text x="12" y="119.0" class="y-unit" transform="rotate(-90 12 119.0)">ms</text>
<polyline points="64.0,204.4 84.5,204.3 105.0,171.1 125.5,170.6 146.0,170.0 166.5,168.5 187.0,168.0 207.5,161.8 228.0,160.2 248.5,156.8 269.0,153.5 289.5,150.1 310.0,148.6 330.5,145.3 351.0,129.1 371.5,129.1 392.0,128.8 412.5,128.8 433.0,128.0 453.5,128.0 474.0,128.0 494.5,113.3 515.0,113.3 535.5,113.3 556.0,106.5 576.5,106.5 597.0,106.5 617.5,106.5 638.0,106.5 658.5,106.5 669.6,98.6" fill="none" stroke="#e15759" stroke-width="1.5"/>
<polyline points="64.0,204.8 84.5,204.7 105.0,171.1 125.5,170.6 146.0,170.0 166.5,168.5 187.0,168.0 207.5,161.8 228.0,160.2 248.5,156.8 269.0,153.5 289.5,150.1 310.0,148.6 330.5,145.3 351.0,129.1 371.5,129.1 392.0,128.8 412.5,128.8 433.0,128.0 453.5,128.0 474.0,128.0 494.5,113.3 515.0,113.3 535.5,113.3 556.0,106.5 576.5,106.5 597.0,106.5 617.5,106.5 638.0,106.5 658.5,106.5 669.6,98.6" fill="none" stroke="#4e79a7" stroke-width="1.5" stroke-dasharray="6 4"/>
<rect x="64.0" y="30.0" width="820.0" height="178.0" class="frame"/>
<g class="legend"><line x1="64.0" y1="240.0" x2="80.0" y2="240.0" stroke="#e15759" stroke-width="2"/><text x="84.0" y="244.0">corrected</text>
<line x1="156.5" y1="240.0" x2="172.5" y2="240.0" stroke="#4e79a7" stroke-width="2" stroke-dasharray="4 3"/><text x="176.5" y="244.0">uncorrected</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 260.0" role="img" aria-label="Latency by percentile — steady">
<text x="64.0" y="18" class="chart-title">Latency by percentile — steady</text>
<line x1="64.0" y1="208.0" x2="884.0" y2="208.0" class="grid"/>
<text x="58.0" y="212.0" class="y-tick">0</text>
<line x1="64.0" y1="163.5" x2="884.0" y2="163.5" class="grid"/>
<text x="58.0" y="167.5" class="y-tick">25</text>
<line x1="64.0" y1="119.0" x2="884.0" y2="119.0" class="grid"/>
<text x="58.0" y="123.0" class="y-tick">50</text>
<line x1="64.0" y1="74.5" x2="884.0" y2="74.5" class="grid"/>
<text x="58.0" y="78.5" class="y-tick">75</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">100</text>
<text x="64.0" y="224.0" class="x-tick">0%</text>
<text x="337.3" y="224.0" class="x-tick">90%</text>
<text x="610.7" y="224.0" class="x-tick">99%</text>
<text x="884.0" y="224.0" class="x-tick">99.9%</text>
<text x="12" y="119.0" class="y-unit" transform="rotate(-90 12 119.0)">ms</text>
<polyline points="64.0,206.1 77.7,189.0 91.3,186.8 105.0,185.0 118.7,182.6 132.3,178.5 146.0,175.8 159.7,174.1 173.3,172.1 187.0,168.7 200.7,163.3 214.3,157.5 228.0,154.1 241.7,152.9 255.3,150.7 269.0,148.3 282.7,144.4 296.3,141.1 310.0,137.3 323.7,135.0 337.3,130.8 351.0,125.4 364.7,122.8 378.3,119.9 392.0,117.4 405.7,112.7 419.3,111.7 433.0,111.7 446.7,107.2 460.3,104.8 474.0,82.3 487.7,76.1 501.3,73.9 515.0,73.9 528.7,73.0 542.3,70.4 556.0,67.7 569.7,67.7 583.3,51.1 597.0,51.1 610.7,51.1 624.3,46.7 638.0,46.7 651.7,46.7 665.3,41.5 679.0,41.5 692.7,41.5 706.3,41.5 720.0,41.5 733.7,41.5 746.9,38.7" fill="none" stroke="#e15759" stroke-width="1.5"/>
<polyline points="64.0,206.3 77.7,189.0 91.3,186.8 105.0,185.0 118.7,182.6 132.3,178.5 146.0,175.8 159.7,174.1 173.3,172.1 187.0,168.7 200.7,163.3 214.3,157.5 228.0,154.1 241.7,152.9 255.3,150.7 269.0,148.3 282.7,144.4 296.3,141.1 310.0,137.3 323.7,135.0 337.3,130.8 351.0,125.4 364.7,122.8 378.3,119.9 392.0,117.4 405.7,112.7 419.3,111.7 433.0,111.7 446.7,107.2 460.3,104.8 474.0,82.3 487.7,76.1 501.3,73.9 515.0,73.9 528.7,73.0 542.3,70.4 556.0,67.7 569.7,67.7 583.3,51.1 597.0,51.1 610.7,51.1 624.3,46.7 638.0,46.7 651.7,46.7 665.3,41.5 679.0,41.5 692.7,41.5 706.3,41.5 720.0,41.5 733.7,41.5 746.9,38.7" fill="none" stroke="#4e79a7" stroke-width="1.5" stroke-dasharray="6 4"/>
<rect x="64.0" y="30.0" width="820.0" height="178.0" class="frame"/>
<g class="legend"><line x1="64.0" y1="240.0" x2="80.0" y2="240.0" stroke="#e15759" stroke-width="2"/><text x="84.0" y="244.0">corrected</text>
<line x1="156.5" y1="240.0" x2="172.5" y2="240.0" stroke="#4e79a7" stroke-width="2" stroke-dasharray="4 3"/><text x="176.5" y="244.0">uncorrected</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 260.0" role="img" aria-label="Latency by percentile — burst">
<text x="64.0" y="18" class="chart-title">Latency by percentile — burst</text>
<line x1="64.0" y1="208.0" x2="884.0" y2="208.0" class="grid"/>
<text x="58.0" y="212.0" class="y-tick">0</text>
<line x1="64.0" y1="163.5" x2="884.0" y2="163.5" class="grid"/>
<text x="58.0" y="167.5" class="y-tick">25</text>
<line x1="64.0" y1="119.0" x2="884.0" y2="119.0" class="grid"/>
<text x="58.0" y="123.0" class="y-tick">50</text>
<line x1="64.0" y1="74.5" x2="884.0" y2="74.5" class="grid"/>
<text x="58.0" y="78.5" class="y-tick">75</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">100</text>
<text x="64.0" y="224.0" class="x-tick">0%</text>
<text x="337.3" y="224.0" class="x-tick">90%</text>
<text x="610.7" y="224.0" class="x-tick">99%</text>
<text x="884.0" y="224.0" class="x-tick">99.9%</text>
<text x="12" y="119.0" class="y-unit" transform="rotate(-90 12 119.0)">ms</text>
<polyline points="64.0,205.9 77.7,187.1 91.3,182.0 105.0,174.4 118.7,165.3 132.3,160.1 146.0,153.7 159.7,149.6 173.3,145.2 187.0,142.2 200.7,139.6 214.3,136.3 228.0,133.4 241.7,130.7 255.3,127.7 269.0,125.2 282.7,121.9 296.3,119.9 310.0,118.5 323.7,115.6 337.3,114.8 351.0,113.5 364.7,112.3 378.3,109.2 392.0,107.6 405.7,105.1 419.3,100.9 433.0,99.9 446.7,99.3 460.3,98.8 474.0,97.7 487.7,97.2 501.3,97.0 515.0,96.8 528.7,95.7 542.3,90.3 556.0,88.0 569.7,88.0 583.3,86.9 597.0,86.9 610.7,86.9 624.3,86.9 638.0,85.5 651.7,85.5 665.3,85.5 679.0,85.5 692.7,80.4 706.3,80.4 720.0,80.4 733.7,80.4 747.3,80.4 761.0,80.4 766.0,74.6" fill="none" stroke="#e15759" stroke-width="1.5"/>
<polyline points="64.0,206.0 77.7,187.1 91.3,182.0 105.0,178.5 118.7,176.5 132.3,173.2 146.0,170.2 159.7,167.8 173.3,165.8 187.0,162.5 200.7,160.1 214.3,157.2 228.0,154.8 241.7,152.5 255.3,150.4 269.0,148.4 282.7,146.4 296.3,145.1 310.0,143.2 323.7,141.2 337.3,138.9 351.0,138.1 364.7,137.0 378.3,133.8 392.0,133.0 405.7,131.3 419.3,130.6 433.0,128.3 446.7,127.0 460.3,126.9 474.0,126.6 487.7,125.1 501.3,123.5 515.0,121.7 528.7,121.3 542.3,120.9 556.0,120.9 569.7,120.9 583.3,120.6 597.0,120.6 610.7,118.2 624.3,118.2 638.0,115.4 651.7,115.4 665.3,115.4 679.0,115.4 692.7,114.5 706.3,114.5 720.0,114.5 733.7,114.5 747.3,114.5 761.0,114.5 766.0,111.6" fill="none" stroke="#4e79a7" stroke-width="1.5" stroke-dasharray="6 4"/>
<rect x="64.0" y="30.0" width="820.0" height="178.0" class="frame"/>
<g class="legend"><line x1="64.0" y1="240.0" x2="80.0" y2="240.0" stroke="#e15759" stroke-width="2"/><text x="84.0" y="244.0">corrected</text>
<line x1="156.5" y1="240.0" x2="172.5" y2="240.0" stroke="#4e79a7" stroke-width="2" stroke-dasharray="4 3"/><text x="176.5" y="244.0">uncorrected</text>
</g>
</svg></figure>
</section>
<section id="errors">
<h2>Errors</h2>
<table>
<thead><tr><th>Phase</th><th>Request</th><th>Code</th><th>Count</th><th>Sample messages</th></tr></thead>
<tbody>
<tr><td>steady</td><td>detect</td><td>http_5xx</td><td>9</td><td><ul class="samples"><li><code>HTTP 503: upstream overloaded</code></li><li><code>HTTP 502: bad gateway</code></li></ul></td></tr>
<tr><td>burst</td><td>detect</td><td>timeout</td><td>1</td><td><ul class="samples"><li><code>no response within 2s</code></li></ul></td></tr>
</tbody>
</table>
</section>
<section id="events">
<h2>Events</h2>
<table>
<thead><tr><th>At</th><th>Kind</th><th>Name</th><th>Detail</th><th>Duration</th><th>Outcome</th></tr></thead>
<tbody>
<tr><td>0.0s</td><td><span class="swatch" style="background: #7f7f7f"></span>phase</td><td>warmup</td><td>load=5/s open</td><td>—</td><td>—</td></tr>
<tr><td>5.0s</td><td><span class="swatch" style="background: #7f7f7f"></span>phase</td><td>steady</td><td>load=20/s open</td><td>—</td><td>—</td></tr>
<tr><td>12.0s</td><td><span class="swatch" style="background: #d62728"></span>chaos</td><td>fault injected</td><td>fault=latency, ms=200</td><td>4000ms</td><td>reverted</td></tr>
<tr><td>18.5s</td><td><span class="swatch" style="background: #9467bd"></span>model</td><td>model swapped</td><td>from=face-v1, to=face-v2</td><td>—</td><td>ok</td></tr>
<tr><td>20.0s</td><td><span class="swatch" style="background: #7f7f7f"></span>phase</td><td>burst</td><td>load=20/s open, 60/s bursts</td><td>—</td><td>—</td></tr>
<tr><td>24.0s</td><td><span class="swatch" style="background: #8c564b"></span>server</td><td>replica killed</td><td>replica=1, signal=SIGKILL</td><td>—</td><td>—</td></tr>
<tr><td>26.0s</td><td><span class="swatch" style="background: #17becf"></span>backup</td><td>snapshot taken</td><td>bytes=1048576</td><td>1500ms</td><td>ok</td></tr>
</tbody>
</table>
</section>
</body>
</html>

"""##
