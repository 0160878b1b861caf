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
Changes worse than 10% are flagged.
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
<figure><svg class="chart" viewBox="0 0 900.0 320.0" role="img" aria-label="Throughput per second">
<text x="64.0" y="18" class="chart-title">Throughput per second</text>
<line x1="64.0" y1="30.0" x2="64.0" y2="254.0" class="boundary"/>
<text x="67.0" y="41.0" class="band-label">warmup</text>
<rect x="200.7" y="30.0" width="410.0" height="224.0" class="band"/>
<line x1="200.7" y1="30.0" x2="200.7" y2="254.0" class="boundary"/>
<text x="203.7" y="41.0" class="band-label">steady</text>
<line x1="610.7" y1="30.0" x2="610.7" y2="254.0" class="boundary"/>
<text x="613.7" y="41.0" class="band-label">burst</text>
<rect x="392.0" y="30.0" width="109.3" height="224.0" fill="#d62728" class="event-span"/>
<rect x="774.7" y="30.0" width="41.0" height="224.0" fill="#17becf" class="event-span"/>
<line x1="64.0" y1="254.0" x2="884.0" y2="254.0" class="grid"/>
<text x="58.0" y="258.0" class="y-tick">0</text>
<line x1="64.0" y1="198.0" x2="884.0" y2="198.0" class="grid"/>
<text x="58.0" y="202.0" class="y-tick">25</text>
<line x1="64.0" y1="142.0" x2="884.0" y2="142.0" class="grid"/>
<text x="58.0" y="146.0" class="y-tick">50</text>
<line x1="64.0" y1="86.0" x2="884.0" y2="86.0" class="grid"/>
<text x="58.0" y="90.0" class="y-tick">75</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">100</text>
<text x="64.0" y="270.0" class="x-tick">0s</text>
<text x="200.7" y="270.0" class="x-tick">5s</text>
<text x="337.3" y="270.0" class="x-tick">10s</text>
<text x="474.0" y="270.0" class="x-tick">15s</text>
<text x="610.7" y="270.0" class="x-tick">20s</text>
<text x="747.3" y="270.0" class="x-tick">25s</text>
<text x="884.0" y="270.0" class="x-tick">30s</text>
<text x="12" y="142.0" class="y-unit" transform="rotate(-90 12 142.0)">requests/s</text>
<polyline points="91.3,242.8 118.7,242.8 146.0,242.8 173.3,242.8 200.7,242.8 228.0,209.2 255.3,209.2 282.7,209.2 310.0,209.2 337.3,209.2 364.7,209.2 392.0,209.2 419.3,209.2 446.7,209.2 474.0,209.2 501.3,209.2 528.7,209.2 556.0,209.2 583.3,209.2 610.7,209.2 638.0,119.6 665.3,119.6 692.7,209.2 720.0,209.2 747.3,209.2 774.7,119.6 802.0,119.6 829.3,209.2 856.7,209.2 884.0,209.2" fill="none" stroke="#4e79a7" stroke-width="1.5"/>
<polyline points="91.3,242.8 118.7,242.8 146.0,242.8 173.3,242.8 200.7,242.8 228.0,209.2 255.3,209.2 282.7,211.4 310.0,209.2 337.3,209.2 364.7,209.2 392.0,209.2 419.3,209.2 446.7,215.9 474.0,211.4 501.3,215.9 528.7,209.2 556.0,209.2 583.3,209.2 610.7,211.4 638.0,119.6 665.3,121.8 692.7,213.7 720.0,209.2 747.3,209.2 774.7,119.6 802.0,119.6 829.3,209.2 856.7,209.2 884.0,209.2" fill="none" stroke="#59a14f" stroke-width="1.5"/>
<polyline points="91.3,254.0 118.7,254.0 146.0,254.0 173.3,254.0 200.7,254.0 228.0,254.0 255.3,254.0 282.7,251.8 310.0,254.0 337.3,254.0 364.7,254.0 392.0,254.0 419.3,254.0 446.7,247.3 474.0,251.8 501.3,247.3 528.7,254.0 556.0,254.0 583.3,254.0 610.7,251.8 638.0,254.0 665.3,251.8 692.7,249.5 720.0,254.0 747.3,254.0 774.7,254.0 802.0,254.0 829.3,254.0 856.7,254.0 884.0,254.0" fill="none" stroke="#e15759" stroke-width="1.5"/>
<rect x="64.0" y="30.0" width="820.0" height="224.0" class="frame"/>
<g class="event"><title>chaos: fault injected at 12.0s, for 4000ms, outcome reverted, fault=latency, ms=200</title><line x1="392.0" y1="30.0" x2="392.0" y2="254.0" stroke="#d62728" class="event-line"/><text x="395.0" y="54.0" fill="#d62728" class="event-label">fault injected</text></g>
<g class="event"><title>model: model swapped at 18.5s, outcome ok, from=face-v1, to=face-v2</title><line x1="569.7" y1="30.0" x2="569.7" y2="254.0" stroke="#9467bd" class="event-line"/><text x="572.7" y="65.0" fill="#9467bd" class="event-label">model swapped</text></g>
<g class="event"><title>server: replica killed at 24.0s, replica=1, signal=SIGKILL</title><line x1="720.0" y1="30.0" x2="720.0" y2="254.0" stroke="#8c564b" class="event-line"/><text x="723.0" y="76.0" fill="#8c564b" class="event-label">replica killed</text></g>
<g class="event"><title>backup: snapshot taken at 26.0s, for 1500ms, outcome ok, bytes=1048576</title><line x1="774.7" y1="30.0" x2="774.7" y2="254.0" stroke="#17becf" class="event-line"/><text x="777.7" y="54.0" fill="#17becf" class="event-label">snapshot taken</text></g>
<g class="hover"><rect x="64.0" y="30.0" width="27.3" height="224.0"><title>0–1s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="91.3" y="30.0" width="27.3" height="224.0"><title>1–2s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="118.7" y="30.0" width="27.3" height="224.0"><title>2–3s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="146.0" y="30.0" width="27.3" height="224.0"><title>3–4s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="173.3" y="30.0" width="27.3" height="224.0"><title>4–5s: sent 5, completed 5, errors 0 requests/s</title></rect><rect x="200.7" y="30.0" width="27.3" height="224.0"><title>5–6s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="228.0" y="30.0" width="27.3" height="224.0"><title>6–7s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="255.3" y="30.0" width="27.3" height="224.0"><title>7–8s: sent 20, completed 19, errors 1 requests/s</title></rect><rect x="282.7" y="30.0" width="27.3" height="224.0"><title>8–9s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="310.0" y="30.0" width="27.3" height="224.0"><title>9–10s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="337.3" y="30.0" width="27.3" height="224.0"><title>10–11s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="364.7" y="30.0" width="27.3" height="224.0"><title>11–12s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="392.0" y="30.0" width="27.3" height="224.0"><title>12–13s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="419.3" y="30.0" width="27.3" height="224.0"><title>13–14s: sent 20, completed 17, errors 3 requests/s</title></rect><rect x="446.7" y="30.0" width="27.3" height="224.0"><title>14–15s: sent 20, completed 19, errors 1 requests/s</title></rect><rect x="474.0" y="30.0" width="27.3" height="224.0"><title>15–16s: sent 20, completed 17, errors 3 requests/s</title></rect><rect x="501.3" y="30.0" width="27.3" height="224.0"><title>16–17s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="528.7" y="30.0" width="27.3" height="224.0"><title>17–18s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="556.0" y="30.0" width="27.3" height="224.0"><title>18–19s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="583.3" y="30.0" width="27.3" height="224.0"><title>19–20s: sent 20, completed 19, errors 1 requests/s</title></rect><rect x="610.7" y="30.0" width="27.3" height="224.0"><title>20–21s: sent 60, completed 60, errors 0 requests/s</title></rect><rect x="638.0" y="30.0" width="27.3" height="224.0"><title>21–22s: sent 60, completed 59, errors 1 requests/s</title></rect><rect x="665.3" y="30.0" width="27.3" height="224.0"><title>22–23s: sent 20, completed 18, errors 2 requests/s</title></rect><rect x="692.7" y="30.0" width="27.3" height="224.0"><title>23–24s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="720.0" y="30.0" width="27.3" height="224.0"><title>24–25s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="747.3" y="30.0" width="27.3" height="224.0"><title>25–26s: sent 60, completed 60, errors 0 requests/s</title></rect><rect x="774.7" y="30.0" width="27.3" height="224.0"><title>26–27s: sent 60, completed 60, errors 0 requests/s</title></rect><rect x="802.0" y="30.0" width="27.3" height="224.0"><title>27–28s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="829.3" y="30.0" width="27.3" height="224.0"><title>28–29s: sent 20, completed 20, errors 0 requests/s</title></rect><rect x="856.7" y="30.0" width="27.3" height="224.0"><title>29–30s: sent 20, completed 20, errors 0 requests/s</title></rect></g>
<g class="legend"><line x1="64.0" y1="286.0" x2="80.0" y2="286.0" stroke="#4e79a7" stroke-width="2"/><text x="84.0" y="290.0">sent</text>
<line x1="124.0" y1="286.0" x2="140.0" y2="286.0" stroke="#59a14f" stroke-width="2"/><text x="144.0" y="290.0">completed</text>
<line x1="216.5" y1="286.0" x2="232.5" y2="286.0" stroke="#e15759" stroke-width="2"/><text x="236.5" y="290.0">errors</text>
<rect x="289.5" y="281.0" width="16" height="10" class="band legend-band"/><text x="309.5" y="290.0">phase</text>
<line x1="364.0" y1="280.0" x2="364.0" y2="291.0" stroke="#d62728" stroke-width="2" stroke-dasharray="2 2"/><text x="376.0" y="290.0">event: chaos</text>
<line x1="476.0" y1="280.0" x2="476.0" y2="291.0" stroke="#9467bd" stroke-width="2" stroke-dasharray="2 2"/><text x="488.0" y="290.0">event: model</text>
<line x1="588.0" y1="280.0" x2="588.0" y2="291.0" stroke="#8c564b" stroke-width="2" stroke-dasharray="2 2"/><text x="600.0" y="290.0">event: server</text>
<line x1="706.5" y1="280.0" x2="706.5" y2="291.0" stroke="#17becf" stroke-width="2" stroke-dasharray="2 2"/><text x="718.5" y="290.0">event: backup</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 320.0" role="img" aria-label="Latency per second">
<text x="64.0" y="18" class="chart-title">Latency per second</text>
<line x1="64.0" y1="30.0" x2="64.0" y2="254.0" class="boundary"/>
<text x="67.0" y="41.0" class="band-label">warmup</text>
<rect x="200.7" y="30.0" width="410.0" height="224.0" class="band"/>
<line x1="200.7" y1="30.0" x2="200.7" y2="254.0" class="boundary"/>
<text x="203.7" y="41.0" class="band-label">steady</text>
<line x1="610.7" y1="30.0" x2="610.7" y2="254.0" class="boundary"/>
<text x="613.7" y="41.0" class="band-label">burst</text>
<rect x="392.0" y="30.0" width="109.3" height="224.0" fill="#d62728" class="event-span"/>
<rect x="774.7" y="30.0" width="41.0" height="224.0" fill="#17becf" class="event-span"/>
<line x1="64.0" y1="254.0" x2="884.0" y2="254.0" class="grid"/>
<text x="58.0" y="258.0" class="y-tick">0</text>
<line x1="64.0" y1="198.0" x2="884.0" y2="198.0" class="grid"/>
<text x="58.0" y="202.0" class="y-tick">25</text>
<line x1="64.0" y1="142.0" x2="884.0" y2="142.0" class="grid"/>
<text x="58.0" y="146.0" class="y-tick">50</text>
<line x1="64.0" y1="86.0" x2="884.0" y2="86.0" class="grid"/>
<text x="58.0" y="90.0" class="y-tick">75</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">100</text>
<text x="64.0" y="270.0" class="x-tick">0s</text>
<text x="200.7" y="270.0" class="x-tick">5s</text>
<text x="337.3" y="270.0" class="x-tick">10s</text>
<text x="474.0" y="270.0" class="x-tick">15s</text>
<text x="610.7" y="270.0" class="x-tick">20s</text>
<text x="747.3" y="270.0" class="x-tick">25s</text>
<text x="884.0" y="270.0" class="x-tick">30s</text>
<text x="12" y="142.0" class="y-unit" transform="rotate(-90 12 142.0)">ms</text>
<polyline points="91.3,224.5 118.7,229.1 146.0,219.7 173.3,230.0 200.7,217.6 228.0,222.1 255.3,225.6 282.7,212.7 310.0,217.7 337.3,216.9 364.7,226.6 392.0,216.9 419.3,164.8 446.7,159.6 474.0,170.4 501.3,173.6 528.7,220.2 556.0,223.1 583.3,220.3 610.7,225.7 638.0,165.5 665.3,167.9 692.7,217.2 720.0,224.4 747.3,221.2 774.7,172.9 802.0,171.1 829.3,224.3 856.7,223.4 884.0,227.2" fill="none" stroke="#59a14f" stroke-width="1.5"/>
<polyline points="91.3,216.7 118.7,190.2 146.0,194.4 173.3,204.2 200.7,185.2 228.0,197.0 255.3,191.7 282.7,202.4 310.0,200.8 337.3,207.8 364.7,204.1 392.0,196.7 419.3,132.9 446.7,84.1 474.0,77.4 501.3,88.0 528.7,199.3 556.0,211.3 583.3,197.4 610.7,209.0 638.0,127.3 665.3,129.6 692.7,196.8 720.0,205.1 747.3,207.1 774.7,129.4 802.0,134.8 829.3,201.6 856.7,203.3 884.0,213.9" fill="none" stroke="#f28e2b" stroke-width="1.5"/>
<polyline points="91.3,216.7 118.7,190.2 146.0,194.4 173.3,204.2 200.7,185.2 228.0,191.4 255.3,186.2 282.7,184.1 310.0,184.7 337.3,203.3 364.7,200.5 392.0,187.5 419.3,124.2 446.7,44.5 474.0,41.0 501.3,51.0 528.7,188.0 556.0,187.2 583.3,191.8 610.7,198.0 638.0,101.6 665.3,112.7 692.7,193.6 720.0,186.4 747.3,179.1 774.7,99.9 802.0,86.2 829.3,193.7 856.7,199.0 884.0,203.5" fill="none" stroke="#e15759" stroke-width="1.5"/>
<polyline points="91.3,216.6 118.7,190.1 146.0,194.4 173.3,204.2 200.7,185.2 228.0,191.4 255.3,186.2 282.7,184.1 310.0,184.7 337.3,203.3 364.7,200.5 392.0,187.5 419.3,124.2 446.7,44.4 474.0,41.0 501.3,51.0 528.7,188.0 556.0,187.2 583.3,191.8 610.7,198.0 638.0,101.6 665.3,112.6 692.7,193.6 720.0,186.4 747.3,179.0 774.7,99.9 802.0,86.1 829.3,193.7 856.7,199.0 884.0,203.5" fill="none" stroke="#76b7b2" stroke-width="1.5"/>
<polyline points="91.3,216.7 118.7,190.2 146.0,194.4 173.3,204.2 200.7,185.2 228.0,191.4 255.3,186.2 282.7,184.1 310.0,184.7 337.3,203.3 364.7,200.5 392.0,187.5 419.3,124.2 446.7,44.5 474.0,41.0 501.3,51.0 528.7,188.0 556.0,187.2 583.3,191.8 610.7,198.0 638.0,132.7 665.3,144.3 692.7,193.6 720.0,186.4 747.3,179.1 774.7,144.1 802.0,136.4 829.3,193.7 856.7,199.0 884.0,203.5" fill="none" stroke="#e15759" stroke-width="1.5" stroke-dasharray="6 4"/>
<rect x="64.0" y="30.0" width="820.0" height="224.0" class="frame"/>
<g class="event"><title>chaos: fault injected at 12.0s, for 4000ms, outcome reverted, fault=latency, ms=200</title><line x1="392.0" y1="30.0" x2="392.0" y2="254.0" stroke="#d62728" class="event-line"/><text x="395.0" y="54.0" fill="#d62728" class="event-label">fault injected</text></g>
<g class="event"><title>model: model swapped at 18.5s, outcome ok, from=face-v1, to=face-v2</title><line x1="569.7" y1="30.0" x2="569.7" y2="254.0" stroke="#9467bd" class="event-line"/><text x="572.7" y="65.0" fill="#9467bd" class="event-label">model swapped</text></g>
<g class="event"><title>server: replica killed at 24.0s, replica=1, signal=SIGKILL</title><line x1="720.0" y1="30.0" x2="720.0" y2="254.0" stroke="#8c564b" class="event-line"/><text x="723.0" y="76.0" fill="#8c564b" class="event-label">replica killed</text></g>
<g class="event"><title>backup: snapshot taken at 26.0s, for 1500ms, outcome ok, bytes=1048576</title><line x1="774.7" y1="30.0" x2="774.7" y2="254.0" stroke="#17becf" class="event-line"/><text x="777.7" y="54.0" fill="#17becf" class="event-label">snapshot taken</text></g>
<g class="hover"><rect x="64.0" y="30.0" width="27.3" height="224.0"><title>0–1s: p50 13.18, p90 16.67, p99 16.67, max 16.69, p99 uncorrected 16.67 ms</title></rect><rect x="91.3" y="30.0" width="27.3" height="224.0"><title>1–2s: p50 11.1, p90 28.5, p99 28.5, max 28.51, p99 uncorrected 28.5 ms</title></rect><rect x="118.7" y="30.0" width="27.3" height="224.0"><title>2–3s: p50 15.3, p90 26.6, p99 26.6, max 26.61, p99 uncorrected 26.6 ms</title></rect><rect x="146.0" y="30.0" width="27.3" height="224.0"><title>3–4s: p50 10.73, p90 22.24, p99 22.24, max 22.24, p99 uncorrected 22.24 ms</title></rect><rect x="173.3" y="30.0" width="27.3" height="224.0"><title>4–5s: p50 16.26, p90 30.73, p99 30.73, max 30.74, p99 uncorrected 30.73 ms</title></rect><rect x="200.7" y="30.0" width="27.3" height="224.0"><title>5–6s: p50 14.22, p90 25.44, p99 27.95, max 27.95, p99 uncorrected 27.95 ms</title></rect><rect x="228.0" y="30.0" width="27.3" height="224.0"><title>6–7s: p50 12.69, p90 27.79, p99 30.28, max 30.29, p99 uncorrected 30.28 ms</title></rect><rect x="255.3" y="30.0" width="27.3" height="224.0"><title>7–8s: p50 18.43, p90 23.04, p99 31.21, max 31.22, p99 uncorrected 31.21 ms</title></rect><rect x="282.7" y="30.0" width="27.3" height="224.0"><title>8–9s: p50 16.22, p90 23.74, p99 30.95, max 30.96, p99 uncorrected 30.95 ms</title></rect><rect x="310.0" y="30.0" width="27.3" height="224.0"><title>9–10s: p50 16.56, p90 20.64, p99 22.63, max 22.64, p99 uncorrected 22.63 ms</title></rect><rect x="337.3" y="30.0" width="27.3" height="224.0"><title>10–11s: p50 12.23, p90 22.29, p99 23.89, max 23.89, p99 uncorrected 23.89 ms</title></rect><rect x="364.7" y="30.0" width="27.3" height="224.0"><title>11–12s: p50 16.54, p90 25.6, p99 29.67, max 29.68, p99 uncorrected 29.67 ms</title></rect><rect x="392.0" y="30.0" width="27.3" height="224.0"><title>12–13s: p50 39.81, p90 54.08, p99 57.93, max 57.95, p99 uncorrected 57.93 ms</title></rect><rect x="419.3" y="30.0" width="27.3" height="224.0"><title>13–14s: p50 42.14, p90 75.84, p99 93.54, max 93.57, p99 uncorrected 93.54 ms</title></rect><rect x="446.7" y="30.0" width="27.3" height="224.0"><title>14–15s: p50 37.31, p90 78.85, p99 95.09, max 95.1, p99 uncorrected 95.09 ms</title></rect><rect x="474.0" y="30.0" width="27.3" height="224.0"><title>15–16s: p50 35.87, p90 74.11, p99 90.62, max 90.62, p99 uncorrected 90.62 ms</title></rect><rect x="501.3" y="30.0" width="27.3" height="224.0"><title>16–17s: p50 15.1, p90 24.4, p99 29.46, max 29.47, p99 uncorrected 29.46 ms</title></rect><rect x="528.7" y="30.0" width="27.3" height="224.0"><title>17–18s: p50 13.8, p90 19.06, p99 29.84, max 29.84, p99 uncorrected 29.84 ms</title></rect><rect x="556.0" y="30.0" width="27.3" height="224.0"><title>18–19s: p50 15.05, p90 25.28, p99 27.75, max 27.76, p99 uncorrected 27.75 ms</title></rect><rect x="583.3" y="30.0" width="27.3" height="224.0"><title>19–20s: p50 12.65, p90 20.11, p99 24.99, max 25.01, p99 uncorrected 24.99 ms</title></rect><rect x="610.7" y="30.0" width="27.3" height="224.0"><title>20–21s: p50 39.49, p90 56.54, p99 68.02, max 68.03, p99 uncorrected 54.14 ms</title></rect><rect x="638.0" y="30.0" width="27.3" height="224.0"><title>21–22s: p50 38.43, p90 55.52, p99 63.08, max 63.1, p99 uncorrected 48.96 ms</title></rect><rect x="665.3" y="30.0" width="27.3" height="224.0"><title>22–23s: p50 16.42, p90 25.52, p99 26.97, max 26.98, p99 uncorrected 26.97 ms</title></rect><rect x="692.7" y="30.0" width="27.3" height="224.0"><title>23–24s: p50 13.2, p90 21.84, p99 30.16, max 30.16, p99 uncorrected 30.16 ms</title></rect><rect x="720.0" y="30.0" width="27.3" height="224.0"><title>24–25s: p50 14.62, p90 20.94, p99 33.45, max 33.47, p99 uncorrected 33.45 ms</title></rect><rect x="747.3" y="30.0" width="27.3" height="224.0"><title>25–26s: p50 36.19, p90 55.65, p99 68.77, max 68.8, p99 uncorrected 49.08 ms</title></rect><rect x="774.7" y="30.0" width="27.3" height="224.0"><title>26–27s: p50 36.99, p90 53.22, p99 74.89, max 74.94, p99 uncorrected 52.49 ms</title></rect><rect x="802.0" y="30.0" width="27.3" height="224.0"><title>27–28s: p50 13.24, p90 23.38, p99 26.9, max 26.91, p99 uncorrected 26.9 ms</title></rect><rect x="829.3" y="30.0" width="27.3" height="224.0"><title>28–29s: p50 13.66, p90 22.64, p99 24.57, max 24.58, p99 uncorrected 24.57 ms</title></rect><rect x="856.7" y="30.0" width="27.3" height="224.0"><title>29–30s: p50 11.95, p90 17.92, p99 22.55, max 22.56, p99 uncorrected 22.55 ms</title></rect></g>
<g class="legend"><line x1="64.0" y1="286.0" x2="80.0" y2="286.0" stroke="#59a14f" stroke-width="2"/><text x="84.0" y="290.0">p50</text>
<line x1="117.5" y1="286.0" x2="133.5" y2="286.0" stroke="#f28e2b" stroke-width="2"/><text x="137.5" y="290.0">p90</text>
<line x1="171.0" y1="286.0" x2="187.0" y2="286.0" stroke="#e15759" stroke-width="2"/><text x="191.0" y="290.0">p99</text>
<line x1="224.5" y1="286.0" x2="240.5" y2="286.0" stroke="#76b7b2" stroke-width="2"/><text x="244.5" y="290.0">max</text>
<line x1="278.0" y1="286.0" x2="294.0" y2="286.0" stroke="#e15759" stroke-width="2" stroke-dasharray="4 3"/><text x="298.0" y="290.0">p99 uncorrected</text>
<rect x="409.5" y="281.0" width="16" height="10" class="band legend-band"/><text x="429.5" y="290.0">phase</text>
<line x1="484.0" y1="280.0" x2="484.0" y2="291.0" stroke="#d62728" stroke-width="2" stroke-dasharray="2 2"/><text x="496.0" y="290.0">event: chaos</text>
<line x1="596.0" y1="280.0" x2="596.0" y2="291.0" stroke="#9467bd" stroke-width="2" stroke-dasharray="2 2"/><text x="608.0" y="290.0">event: model</text>
<line x1="708.0" y1="280.0" x2="708.0" y2="291.0" stroke="#8c564b" stroke-width="2" stroke-dasharray="2 2"/><text x="720.0" y="290.0">event: server</text>
<line x1="72.0" y1="295.0" x2="72.0" y2="306.0" stroke="#17becf" stroke-width="2" stroke-dasharray="2 2"/><text x="84.0" y="305.0">event: backup</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 320.0" role="img" aria-label="Error rate per second">
<text x="64.0" y="18" class="chart-title">Error rate per second</text>
<line x1="64.0" y1="30.0" x2="64.0" y2="254.0" class="boundary"/>
<text x="67.0" y="41.0" class="band-label">warmup</text>
<rect x="200.7" y="30.0" width="410.0" height="224.0" class="band"/>
<line x1="200.7" y1="30.0" x2="200.7" y2="254.0" class="boundary"/>
<text x="203.7" y="41.0" class="band-label">steady</text>
<line x1="610.7" y1="30.0" x2="610.7" y2="254.0" class="boundary"/>
<text x="613.7" y="41.0" class="band-label">burst</text>
<rect x="392.0" y="30.0" width="109.3" height="224.0" fill="#d62728" class="event-span"/>
<rect x="774.7" y="30.0" width="41.0" height="224.0" fill="#17becf" class="event-span"/>
<line x1="64.0" y1="254.0" x2="884.0" y2="254.0" class="grid"/>
<text x="58.0" y="258.0" class="y-tick">0</text>
<line x1="64.0" y1="198.0" x2="884.0" y2="198.0" class="grid"/>
<text x="58.0" y="202.0" class="y-tick">5</text>
<line x1="64.0" y1="142.0" x2="884.0" y2="142.0" class="grid"/>
<text x="58.0" y="146.0" class="y-tick">10</text>
<line x1="64.0" y1="86.0" x2="884.0" y2="86.0" class="grid"/>
<text x="58.0" y="90.0" class="y-tick">15</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">20</text>
<text x="64.0" y="270.0" class="x-tick">0s</text>
<text x="200.7" y="270.0" class="x-tick">5s</text>
<text x="337.3" y="270.0" class="x-tick">10s</text>
<text x="474.0" y="270.0" class="x-tick">15s</text>
<text x="610.7" y="270.0" class="x-tick">20s</text>
<text x="747.3" y="270.0" class="x-tick">25s</text>
<text x="884.0" y="270.0" class="x-tick">30s</text>
<text x="12" y="142.0" class="y-unit" transform="rotate(-90 12 142.0)">% of attempted</text>
<polyline points="91.3,254.0 118.7,254.0 146.0,254.0 173.3,254.0 200.7,254.0 228.0,254.0 255.3,254.0 282.7,198.0 310.0,254.0 337.3,254.0 364.7,254.0 392.0,254.0 419.3,254.0 446.7,86.0 474.0,198.0 501.3,86.0 528.7,254.0 556.0,254.0 583.3,254.0 610.7,198.0 638.0,254.0 665.3,235.3 692.7,142.0 720.0,254.0 747.3,254.0 774.7,254.0 802.0,254.0 829.3,254.0 856.7,254.0 884.0,254.0" fill="none" stroke="#e15759" stroke-width="1.5"/>
<rect x="64.0" y="30.0" width="820.0" height="224.0" class="frame"/>
<g class="event"><title>chaos: fault injected at 12.0s, for 4000ms, outcome reverted, fault=latency, ms=200</title><line x1="392.0" y1="30.0" x2="392.0" y2="254.0" stroke="#d62728" class="event-line"/><text x="395.0" y="54.0" fill="#d62728" class="event-label">fault injected</text></g>
<g class="event"><title>model: model swapped at 18.5s, outcome ok, from=face-v1, to=face-v2</title><line x1="569.7" y1="30.0" x2="569.7" y2="254.0" stroke="#9467bd" class="event-line"/><text x="572.7" y="65.0" fill="#9467bd" class="event-label">model swapped</text></g>
<g class="event"><title>server: replica killed at 24.0s, replica=1, signal=SIGKILL</title><line x1="720.0" y1="30.0" x2="720.0" y2="254.0" stroke="#8c564b" class="event-line"/><text x="723.0" y="76.0" fill="#8c564b" class="event-label">replica killed</text></g>
<g class="event"><title>backup: snapshot taken at 26.0s, for 1500ms, outcome ok, bytes=1048576</title><line x1="774.7" y1="30.0" x2="774.7" y2="254.0" stroke="#17becf" class="event-line"/><text x="777.7" y="54.0" fill="#17becf" class="event-label">snapshot taken</text></g>
<g class="hover"><rect x="64.0" y="30.0" width="27.3" height="224.0"><title>0–1s: errors 0 % of attempted</title></rect><rect x="91.3" y="30.0" width="27.3" height="224.0"><title>1–2s: errors 0 % of attempted</title></rect><rect x="118.7" y="30.0" width="27.3" height="224.0"><title>2–3s: errors 0 % of attempted</title></rect><rect x="146.0" y="30.0" width="27.3" height="224.0"><title>3–4s: errors 0 % of attempted</title></rect><rect x="173.3" y="30.0" width="27.3" height="224.0"><title>4–5s: errors 0 % of attempted</title></rect><rect x="200.7" y="30.0" width="27.3" height="224.0"><title>5–6s: errors 0 % of attempted</title></rect><rect x="228.0" y="30.0" width="27.3" height="224.0"><title>6–7s: errors 0 % of attempted</title></rect><rect x="255.3" y="30.0" width="27.3" height="224.0"><title>7–8s: errors 5 % of attempted</title></rect><rect x="282.7" y="30.0" width="27.3" height="224.0"><title>8–9s: errors 0 % of attempted</title></rect><rect x="310.0" y="30.0" width="27.3" height="224.0"><title>9–10s: errors 0 % of attempted</title></rect><rect x="337.3" y="30.0" width="27.3" height="224.0"><title>10–11s: errors 0 % of attempted</title></rect><rect x="364.7" y="30.0" width="27.3" height="224.0"><title>11–12s: errors 0 % of attempted</title></rect><rect x="392.0" y="30.0" width="27.3" height="224.0"><title>12–13s: errors 0 % of attempted</title></rect><rect x="419.3" y="30.0" width="27.3" height="224.0"><title>13–14s: errors 15 % of attempted</title></rect><rect x="446.7" y="30.0" width="27.3" height="224.0"><title>14–15s: errors 5 % of attempted</title></rect><rect x="474.0" y="30.0" width="27.3" height="224.0"><title>15–16s: errors 15 % of attempted</title></rect><rect x="501.3" y="30.0" width="27.3" height="224.0"><title>16–17s: errors 0 % of attempted</title></rect><rect x="528.7" y="30.0" width="27.3" height="224.0"><title>17–18s: errors 0 % of attempted</title></rect><rect x="556.0" y="30.0" width="27.3" height="224.0"><title>18–19s: errors 0 % of attempted</title></rect><rect x="583.3" y="30.0" width="27.3" height="224.0"><title>19–20s: errors 5 % of attempted</title></rect><rect x="610.7" y="30.0" width="27.3" height="224.0"><title>20–21s: errors 0 % of attempted</title></rect><rect x="638.0" y="30.0" width="27.3" height="224.0"><title>21–22s: errors 1.67 % of attempted</title></rect><rect x="665.3" y="30.0" width="27.3" height="224.0"><title>22–23s: errors 10 % of attempted</title></rect><rect x="692.7" y="30.0" width="27.3" height="224.0"><title>23–24s: errors 0 % of attempted</title></rect><rect x="720.0" y="30.0" width="27.3" height="224.0"><title>24–25s: errors 0 % of attempted</title></rect><rect x="747.3" y="30.0" width="27.3" height="224.0"><title>25–26s: errors 0 % of attempted</title></rect><rect x="774.7" y="30.0" width="27.3" height="224.0"><title>26–27s: errors 0 % of attempted</title></rect><rect x="802.0" y="30.0" width="27.3" height="224.0"><title>27–28s: errors 0 % of attempted</title></rect><rect x="829.3" y="30.0" width="27.3" height="224.0"><title>28–29s: errors 0 % of attempted</title></rect><rect x="856.7" y="30.0" width="27.3" height="224.0"><title>29–30s: errors 0 % of attempted</title></rect></g>
<g class="legend"><line x1="64.0" y1="286.0" x2="80.0" y2="286.0" stroke="#e15759" stroke-width="2"/><text x="84.0" y="290.0">errors</text>
<rect x="137.0" y="281.0" width="16" height="10" class="band legend-band"/><text x="157.0" y="290.0">phase</text>
<line x1="211.5" y1="280.0" x2="211.5" y2="291.0" stroke="#d62728" stroke-width="2" stroke-dasharray="2 2"/><text x="223.5" y="290.0">event: chaos</text>
<line x1="323.5" y1="280.0" x2="323.5" y2="291.0" stroke="#9467bd" stroke-width="2" stroke-dasharray="2 2"/><text x="335.5" y="290.0">event: model</text>
<line x1="435.5" y1="280.0" x2="435.5" y2="291.0" stroke="#8c564b" stroke-width="2" stroke-dasharray="2 2"/><text x="447.5" y="290.0">event: server</text>
<line x1="554.0" y1="280.0" x2="554.0" y2="291.0" stroke="#17becf" stroke-width="2" stroke-dasharray="2 2"/><text x="566.0" y="290.0">event: backup</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 320.0" role="img" aria-label="Open connections">
<text x="64.0" y="18" class="chart-title">Open connections</text>
<line x1="64.0" y1="30.0" x2="64.0" y2="254.0" class="boundary"/>
<text x="67.0" y="41.0" class="band-label">warmup</text>
<rect x="200.7" y="30.0" width="410.0" height="224.0" class="band"/>
<line x1="200.7" y1="30.0" x2="200.7" y2="254.0" class="boundary"/>
<text x="203.7" y="41.0" class="band-label">steady</text>
<line x1="610.7" y1="30.0" x2="610.7" y2="254.0" class="boundary"/>
<text x="613.7" y="41.0" class="band-label">burst</text>
<rect x="392.0" y="30.0" width="109.3" height="224.0" fill="#d62728" class="event-span"/>
<rect x="774.7" y="30.0" width="41.0" height="224.0" fill="#17becf" class="event-span"/>
<line x1="64.0" y1="254.0" x2="884.0" y2="254.0" class="grid"/>
<text x="58.0" y="258.0" class="y-tick">0</text>
<line x1="64.0" y1="198.0" x2="884.0" y2="198.0" class="grid"/>
<text x="58.0" y="202.0" class="y-tick">5</text>
<line x1="64.0" y1="142.0" x2="884.0" y2="142.0" class="grid"/>
<text x="58.0" y="146.0" class="y-tick">10</text>
<line x1="64.0" y1="86.0" x2="884.0" y2="86.0" class="grid"/>
<text x="58.0" y="90.0" class="y-tick">15</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">20</text>
<text x="64.0" y="270.0" class="x-tick">0s</text>
<text x="200.7" y="270.0" class="x-tick">5s</text>
<text x="337.3" y="270.0" class="x-tick">10s</text>
<text x="474.0" y="270.0" class="x-tick">15s</text>
<text x="610.7" y="270.0" class="x-tick">20s</text>
<text x="747.3" y="270.0" class="x-tick">25s</text>
<text x="884.0" y="270.0" class="x-tick">30s</text>
<text x="12" y="142.0" class="y-unit" transform="rotate(-90 12 142.0)">count</text>
<polyline points="91.3,209.2 118.7,209.2 146.0,209.2 173.3,209.2 200.7,209.2 228.0,209.2 255.3,209.2 282.7,209.2 310.0,209.2 337.3,209.2 364.7,209.2 392.0,209.2 419.3,209.2 446.7,209.2 474.0,209.2 501.3,209.2 528.7,209.2 556.0,209.2 583.3,209.2 610.7,209.2 638.0,119.6 665.3,119.6 692.7,209.2 720.0,209.2 747.3,209.2 774.7,119.6 802.0,119.6 829.3,209.2 856.7,209.2 884.0,209.2" fill="none" stroke="#4e79a7" stroke-width="1.5"/>
<rect x="64.0" y="30.0" width="820.0" height="224.0" class="frame"/>
<g class="event"><title>chaos: fault injected at 12.0s, for 4000ms, outcome reverted, fault=latency, ms=200</title><line x1="392.0" y1="30.0" x2="392.0" y2="254.0" stroke="#d62728" class="event-line"/><text x="395.0" y="54.0" fill="#d62728" class="event-label">fault injected</text></g>
<g class="event"><title>model: model swapped at 18.5s, outcome ok, from=face-v1, to=face-v2</title><line x1="569.7" y1="30.0" x2="569.7" y2="254.0" stroke="#9467bd" class="event-line"/><text x="572.7" y="65.0" fill="#9467bd" class="event-label">model swapped</text></g>
<g class="event"><title>server: replica killed at 24.0s, replica=1, signal=SIGKILL</title><line x1="720.0" y1="30.0" x2="720.0" y2="254.0" stroke="#8c564b" class="event-line"/><text x="723.0" y="76.0" fill="#8c564b" class="event-label">replica killed</text></g>
<g class="event"><title>backup: snapshot taken at 26.0s, for 1500ms, outcome ok, bytes=1048576</title><line x1="774.7" y1="30.0" x2="774.7" y2="254.0" stroke="#17becf" class="event-line"/><text x="777.7" y="54.0" fill="#17becf" class="event-label">snapshot taken</text></g>
<g class="hover"><rect x="64.0" y="30.0" width="27.3" height="224.0"><title>0–1s: connections 4 count</title></rect><rect x="91.3" y="30.0" width="27.3" height="224.0"><title>1–2s: connections 4 count</title></rect><rect x="118.7" y="30.0" width="27.3" height="224.0"><title>2–3s: connections 4 count</title></rect><rect x="146.0" y="30.0" width="27.3" height="224.0"><title>3–4s: connections 4 count</title></rect><rect x="173.3" y="30.0" width="27.3" height="224.0"><title>4–5s: connections 4 count</title></rect><rect x="200.7" y="30.0" width="27.3" height="224.0"><title>5–6s: connections 4 count</title></rect><rect x="228.0" y="30.0" width="27.3" height="224.0"><title>6–7s: connections 4 count</title></rect><rect x="255.3" y="30.0" width="27.3" height="224.0"><title>7–8s: connections 4 count</title></rect><rect x="282.7" y="30.0" width="27.3" height="224.0"><title>8–9s: connections 4 count</title></rect><rect x="310.0" y="30.0" width="27.3" height="224.0"><title>9–10s: connections 4 count</title></rect><rect x="337.3" y="30.0" width="27.3" height="224.0"><title>10–11s: connections 4 count</title></rect><rect x="364.7" y="30.0" width="27.3" height="224.0"><title>11–12s: connections 4 count</title></rect><rect x="392.0" y="30.0" width="27.3" height="224.0"><title>12–13s: connections 4 count</title></rect><rect x="419.3" y="30.0" width="27.3" height="224.0"><title>13–14s: connections 4 count</title></rect><rect x="446.7" y="30.0" width="27.3" height="224.0"><title>14–15s: connections 4 count</title></rect><rect x="474.0" y="30.0" width="27.3" height="224.0"><title>15–16s: connections 4 count</title></rect><rect x="501.3" y="30.0" width="27.3" height="224.0"><title>16–17s: connections 4 count</title></rect><rect x="528.7" y="30.0" width="27.3" height="224.0"><title>17–18s: connections 4 count</title></rect><rect x="556.0" y="30.0" width="27.3" height="224.0"><title>18–19s: connections 4 count</title></rect><rect x="583.3" y="30.0" width="27.3" height="224.0"><title>19–20s: connections 4 count</title></rect><rect x="610.7" y="30.0" width="27.3" height="224.0"><title>20–21s: connections 12 count</title></rect><rect x="638.0" y="30.0" width="27.3" height="224.0"><title>21–22s: connections 12 count</title></rect><rect x="665.3" y="30.0" width="27.3" height="224.0"><title>22–23s: connections 4 count</title></rect><rect x="692.7" y="30.0" width="27.3" height="224.0"><title>23–24s: connections 4 count</title></rect><rect x="720.0" y="30.0" width="27.3" height="224.0"><title>24–25s: connections 4 count</title></rect><rect x="747.3" y="30.0" width="27.3" height="224.0"><title>25–26s: connections 12 count</title></rect><rect x="774.7" y="30.0" width="27.3" height="224.0"><title>26–27s: connections 12 count</title></rect><rect x="802.0" y="30.0" width="27.3" height="224.0"><title>27–28s: connections 4 count</title></rect><rect x="829.3" y="30.0" width="27.3" height="224.0"><title>28–29s: connections 4 count</title></rect><rect x="856.7" y="30.0" width="27.3" height="224.0"><title>29–30s: connections 4 count</title></rect></g>
<g class="legend"><line x1="64.0" y1="286.0" x2="80.0" y2="286.0" stroke="#4e79a7" stroke-width="2"/><text x="84.0" y="290.0">connections</text>
<rect x="169.5" y="281.0" width="16" height="10" class="band legend-band"/><text x="189.5" y="290.0">phase</text>
<line x1="244.0" y1="280.0" x2="244.0" y2="291.0" stroke="#d62728" stroke-width="2" stroke-dasharray="2 2"/><text x="256.0" y="290.0">event: chaos</text>
<line x1="356.0" y1="280.0" x2="356.0" y2="291.0" stroke="#9467bd" stroke-width="2" stroke-dasharray="2 2"/><text x="368.0" y="290.0">event: model</text>
<line x1="468.0" y1="280.0" x2="468.0" y2="291.0" stroke="#8c564b" stroke-width="2" stroke-dasharray="2 2"/><text x="480.0" y="290.0">event: server</text>
<line x1="586.5" y1="280.0" x2="586.5" y2="291.0" stroke="#17becf" stroke-width="2" stroke-dasharray="2 2"/><text x="598.5" y="290.0">event: backup</text>
</g>
</svg></figure>
</section>
<section id="distribution">
<h2>Latency by percentile</h2>
<p class="note">HdrHistogram's percentile plot per phase (every request merged): the x axis is 1/(1−p) on a log
scale, so 90 %, 99 %, 99.9 % are evenly spaced. Corrected latency solid, uncorrected dashed.</p>
<figure><svg class="chart" viewBox="0 0 900.0 280.0" role="img" aria-label="Latency by percentile — warmup">
<text x="64.0" y="18" class="chart-title">Latency by percentile — warmup</text>
<line x1="64.0" y1="214.0" x2="884.0" y2="214.0" class="grid"/>
<text x="58.0" y="218.0" class="y-tick">0</text>
<line x1="64.0" y1="168.0" x2="884.0" y2="168.0" class="grid"/>
<text x="58.0" y="172.0" class="y-tick">12.5</text>
<line x1="64.0" y1="122.0" x2="884.0" y2="122.0" class="grid"/>
<text x="58.0" y="126.0" class="y-tick">25</text>
<line x1="64.0" y1="76.0" x2="884.0" y2="76.0" class="grid"/>
<text x="58.0" y="80.0" class="y-tick">37.5</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">50</text>
<text x="64.0" y="230.0" class="x-tick">0%</text>
<text x="474.0" y="230.0" class="x-tick">90%</text>
<text x="884.0" y="230.0" class="x-tick">99%</text>
<text x="12" y="122.0" class="y-unit" transform="rotate(-90 12 122.0)">ms</text>
<polyline points="64.0,210.3 84.5,210.2 105.0,175.8 125.5,175.3 146.0,174.7 166.5,173.2 187.0,172.7 207.5,166.3 228.0,164.6 248.5,161.1 269.0,157.7 289.5,154.2 310.0,152.6 330.5,149.2 351.0,132.4 371.5,132.4 392.0,132.2 412.5,132.2 433.0,131.3 453.5,131.3 474.0,131.3 494.5,116.1 515.0,116.1 535.5,116.1 556.0,109.1 576.5,109.1 597.0,109.1 617.5,109.1 638.0,109.1 658.5,109.1 669.6,100.9" fill="none" stroke="#e15759" stroke-width="1.5"/>
<polyline points="64.0,210.7 84.5,210.6 105.0,175.8 125.5,175.3 146.0,174.7 166.5,173.2 187.0,172.7 207.5,166.3 228.0,164.6 248.5,161.1 269.0,157.7 289.5,154.2 310.0,152.6 330.5,149.2 351.0,132.4 371.5,132.4 392.0,132.2 412.5,132.2 433.0,131.3 453.5,131.3 474.0,131.3 494.5,116.1 515.0,116.1 535.5,116.1 556.0,109.1 576.5,109.1 597.0,109.1 617.5,109.1 638.0,109.1 658.5,109.1 669.6,100.9" fill="none" stroke="#4e79a7" stroke-width="1.5" stroke-dasharray="6 4"/>
<rect x="64.0" y="30.0" width="820.0" height="184.0" class="frame"/>
<g class="legend"><line x1="64.0" y1="246.0" x2="80.0" y2="246.0" stroke="#e15759" stroke-width="2"/><text x="84.0" y="250.0">corrected</text>
<line x1="156.5" y1="246.0" x2="172.5" y2="246.0" stroke="#4e79a7" stroke-width="2" stroke-dasharray="4 3"/><text x="176.5" y="250.0">uncorrected</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 280.0" role="img" aria-label="Latency by percentile — steady">
<text x="64.0" y="18" class="chart-title">Latency by percentile — steady</text>
<line x1="64.0" y1="214.0" x2="884.0" y2="214.0" class="grid"/>
<text x="58.0" y="218.0" class="y-tick">0</text>
<line x1="64.0" y1="168.0" x2="884.0" y2="168.0" class="grid"/>
<text x="58.0" y="172.0" class="y-tick">25</text>
<line x1="64.0" y1="122.0" x2="884.0" y2="122.0" class="grid"/>
<text x="58.0" y="126.0" class="y-tick">50</text>
<line x1="64.0" y1="76.0" x2="884.0" y2="76.0" class="grid"/>
<text x="58.0" y="80.0" class="y-tick">75</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">100</text>
<text x="64.0" y="230.0" class="x-tick">0%</text>
<text x="337.3" y="230.0" class="x-tick">90%</text>
<text x="610.7" y="230.0" class="x-tick">99%</text>
<text x="884.0" y="230.0" class="x-tick">99.9%</text>
<text x="12" y="122.0" class="y-unit" transform="rotate(-90 12 122.0)">ms</text>
<polyline points="64.0,212.1 77.7,194.4 91.3,192.1 105.0,190.2 118.7,187.7 132.3,183.5 146.0,180.7 159.7,178.9 173.3,176.9 187.0,173.4 200.7,167.8 214.3,161.8 228.0,158.3 241.7,157.0 255.3,154.8 269.0,152.3 282.7,148.3 296.3,144.9 310.0,140.9 323.7,138.5 337.3,134.2 351.0,128.6 364.7,126.0 378.3,123.0 392.0,120.4 405.7,115.4 419.3,114.5 433.0,114.5 446.7,109.8 460.3,107.4 474.0,84.1 487.7,77.6 501.3,75.4 515.0,75.4 528.7,74.5 542.3,71.7 556.0,68.9 569.7,68.9 583.3,51.8 597.0,51.8 610.7,51.8 624.3,47.3 638.0,47.3 651.7,47.3 665.3,41.8 679.0,41.8 692.7,41.8 706.3,41.8 720.0,41.8 733.7,41.8 746.9,39.0" fill="none" stroke="#e15759" stroke-width="1.5"/>
<polyline points="64.0,212.3 77.7,194.4 91.3,192.1 105.0,190.2 118.7,187.7 132.3,183.5 146.0,180.7 159.7,178.9 173.3,176.9 187.0,173.4 200.7,167.8 214.3,161.8 228.0,158.3 241.7,157.0 255.3,154.8 269.0,152.3 282.7,148.3 296.3,144.9 310.0,140.9 323.7,138.5 337.3,134.2 351.0,128.6 364.7,126.0 378.3,123.0 392.0,120.4 405.7,115.4 419.3,114.5 433.0,114.5 446.7,109.8 460.3,107.4 474.0,84.1 487.7,77.6 501.3,75.4 515.0,75.4 528.7,74.5 542.3,71.7 556.0,68.9 569.7,68.9 583.3,51.8 597.0,51.8 610.7,51.8 624.3,47.3 638.0,47.3 651.7,47.3 665.3,41.8 679.0,41.8 692.7,41.8 706.3,41.8 720.0,41.8 733.7,41.8 746.9,39.0" fill="none" stroke="#4e79a7" stroke-width="1.5" stroke-dasharray="6 4"/>
<rect x="64.0" y="30.0" width="820.0" height="184.0" class="frame"/>
<g class="legend"><line x1="64.0" y1="246.0" x2="80.0" y2="246.0" stroke="#e15759" stroke-width="2"/><text x="84.0" y="250.0">corrected</text>
<line x1="156.5" y1="246.0" x2="172.5" y2="246.0" stroke="#4e79a7" stroke-width="2" stroke-dasharray="4 3"/><text x="176.5" y="250.0">uncorrected</text>
</g>
</svg></figure>
<figure><svg class="chart" viewBox="0 0 900.0 280.0" role="img" aria-label="Latency by percentile — burst">
<text x="64.0" y="18" class="chart-title">Latency by percentile — burst</text>
<line x1="64.0" y1="214.0" x2="884.0" y2="214.0" class="grid"/>
<text x="58.0" y="218.0" class="y-tick">0</text>
<line x1="64.0" y1="168.0" x2="884.0" y2="168.0" class="grid"/>
<text x="58.0" y="172.0" class="y-tick">25</text>
<line x1="64.0" y1="122.0" x2="884.0" y2="122.0" class="grid"/>
<text x="58.0" y="126.0" class="y-tick">50</text>
<line x1="64.0" y1="76.0" x2="884.0" y2="76.0" class="grid"/>
<text x="58.0" y="80.0" class="y-tick">75</text>
<line x1="64.0" y1="30.0" x2="884.0" y2="30.0" class="grid"/>
<text x="58.0" y="34.0" class="y-tick">100</text>
<text x="64.0" y="230.0" class="x-tick">0%</text>
<text x="337.3" y="230.0" class="x-tick">90%</text>
<text x="610.7" y="230.0" class="x-tick">99%</text>
<text x="884.0" y="230.0" class="x-tick">99.9%</text>
<text x="12" y="122.0" class="y-unit" transform="rotate(-90 12 122.0)">ms</text>
<polyline points="64.0,211.8 77.7,192.4 91.3,187.1 105.0,179.3 118.7,169.9 132.3,164.5 146.0,157.9 159.7,153.6 173.3,149.1 187.0,145.9 200.7,143.3 214.3,139.9 228.0,136.9 241.7,134.1 255.3,131.0 269.0,128.4 282.7,125.0 296.3,123.0 310.0,121.5 323.7,118.4 337.3,117.6 351.0,116.3 364.7,115.1 378.3,111.8 392.0,110.3 405.7,107.7 419.3,103.3 433.0,102.3 446.7,101.7 460.3,101.1 474.0,100.0 487.7,99.4 501.3,99.2 515.0,99.1 528.7,97.9 542.3,92.4 556.0,90.0 569.7,90.0 583.3,88.8 597.0,88.8 610.7,88.8 624.3,88.8 638.0,87.4 651.7,87.4 665.3,87.4 679.0,87.4 692.7,82.1 706.3,82.1 720.0,82.1 733.7,82.1 747.3,82.1 761.0,82.1 766.0,76.1" fill="none" stroke="#e15759" stroke-width="1.5"/>
<polyline points="64.0,212.0 77.7,192.4 91.3,187.1 105.0,183.5 118.7,181.4 132.3,178.0 146.0,174.9 159.7,172.5 173.3,170.4 187.0,167.0 200.7,164.5 214.3,161.5 228.0,159.0 241.7,156.6 255.3,154.5 269.0,152.4 282.7,150.4 296.3,149.0 310.0,147.0 323.7,144.9 337.3,142.5 351.0,141.7 364.7,140.6 378.3,137.3 392.0,136.5 405.7,134.7 419.3,134.0 433.0,131.6 446.7,130.3 460.3,130.2 474.0,129.9 487.7,128.3 501.3,126.7 515.0,124.8 528.7,124.4 542.3,123.9 556.0,123.9 569.7,123.9 583.3,123.7 597.0,123.7 610.7,121.2 624.3,121.2 638.0,118.3 651.7,118.3 665.3,118.3 679.0,118.3 692.7,117.4 706.3,117.4 720.0,117.4 733.7,117.4 747.3,117.4 761.0,117.4 766.0,114.4" fill="none" stroke="#4e79a7" stroke-width="1.5" stroke-dasharray="6 4"/>
<rect x="64.0" y="30.0" width="820.0" height="184.0" class="frame"/>
<g class="legend"><line x1="64.0" y1="246.0" x2="80.0" y2="246.0" stroke="#e15759" stroke-width="2"/><text x="84.0" y="250.0">corrected</text>
<line x1="156.5" y1="246.0" x2="172.5" y2="246.0" stroke="#4e79a7" stroke-width="2" stroke-dasharray="4 3"/><text x="176.5" y="250.0">uncorrected</text>
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
