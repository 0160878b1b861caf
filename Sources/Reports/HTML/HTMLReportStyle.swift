/// The report's inline stylesheet: plain, printable, readable without colour (pass/fail are also written out).
enum HTMLReportStyle {
    static let css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
        h1 { margin: 0 0 4px; font-size: 24px; }
        h2 { margin: 28px 0 8px; font-size: 18px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
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
        .note { color: #555; font-size: 13px; }
        ul.samples { margin: 0; padding-left: 16px; }
        code { font-size: 12px; word-break: break-all; }
        svg.chart { display: block; width: 100%; height: auto; margin: 8px 0 16px; }
        svg .chart-title { font-size: 13px; font-weight: 600; fill: #222; }
        svg .legend, svg .band-label { font-size: 11px; fill: #444; }
        svg .x-tick { font-size: 10px; fill: #666; text-anchor: middle; }
        svg .y-tick { font-size: 10px; fill: #666; text-anchor: end; }
        svg .y-unit { font-size: 11px; fill: #666; text-anchor: middle; }
        svg .grid { stroke: #eee; }
        svg .frame { fill: none; stroke: #bbb; }
        svg .band { fill: #f3f3f7; }
        svg .boundary { stroke: #999; stroke-dasharray: 4 3; }
        """
}
