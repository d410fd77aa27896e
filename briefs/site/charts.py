"""Two pictures drawn at build time as inline SVG: where the news is, and when.

- briefs per country: horizontal bars for the ``TOP`` regions with most briefs;
- briefs per week: one column per ISO week over the last year of briefs.

No script, no tiles, no request: the SVG is part of the page, its colours come from
the theme's CSS variables (dark mode included), every label is escaped.
"""

from __future__ import annotations

import datetime as dt
import html

from briefs.site.catalog import Catalog, weekly

TOP = 12
WIDTH = 640


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def _figure(svg: str, caption: str, name: str) -> str:
    return (f'<figure class="brief-chart brief-chart--{name}">{svg}'
            f"<figcaption>{caption}</figcaption></figure>")


def countries(catalog: Catalog) -> str:
    """Bars: briefs per region (country), most first; '' when no brief names one."""
    groups = catalog.facets["regions"][:TOP]
    if not groups:
        return ""
    most = max(len(g.entries) for g in groups)
    row, label_w, top = 24, 170, 8
    height = top + row * len(groups) + 4
    bar_w = WIDTH - label_w - 50
    rows = []
    for i, group in enumerate(groups):
        y = top + i * row
        count = len(group.entries)
        width = max(2.0, bar_w * count / most)
        label = group.label if len(group.label) <= 24 else group.label[:23] + "…"
        rows.append(
            f'<g><title>{escape(group.label)}: {count}</title>'
            f'<text class="chart-label" x="{label_w - 8}" y="{y + 16}" '
            f'text-anchor="end">{escape(label)}</text>'
            f'<rect class="chart-bar" x="{label_w}" y="{y + 3}" width="{width:.1f}" '
            f'height="{row - 8}" rx="2"></rect>'
            f'<text class="chart-value" x="{label_w + width + 6:.1f}" y="{y + 16}">{count}'
            f"</text></g>")
    names = ", ".join(f"{g.label} {len(g.entries)}" for g in groups)
    svg = (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-label="{escape("Briefs per country: " + names)}" '
           f'xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>')
    return _figure(svg, "Where: briefs per country", "countries")


def weeks(catalog: Catalog) -> str:
    """Columns: briefs per week over the last year of briefs; '' when there are none."""
    series = weekly(catalog.entries)
    if not series:
        return ""
    most = max(count for _, count in series) or 1
    height, bottom, left = 150, 22, 30
    plot_h = height - bottom - 8
    step = (WIDTH - left - 4) / max(len(series), 12)  # a few weeks: columns, not a slab
    cols = []
    ticks = []
    last_month = ""
    for i, (monday, count) in enumerate(series):
        x = left + i * step
        h = plot_h * count / most
        end = min(monday, dt.date.max - dt.timedelta(days=6)) + dt.timedelta(days=6)
        cols.append(f'<rect class="chart-bar" x="{x + 0.5:.1f}" y="{8 + plot_h - h:.1f}" '
                    f'width="{max(step - 1, 1):.1f}" height="{h:.1f}">'
                    f"<title>{monday.isoformat()} to {end.isoformat()}: {count}</title></rect>")
        month = monday.strftime("%Y-%m")
        if month != last_month and (i == 0 or monday.day <= 7):
            label = monday.strftime("%b") if monday.month != 1 or i == 0 else str(monday.year)
            if i == 0:
                label = monday.strftime("%b %Y")
            ticks.append(f'<text class="chart-tick" x="{x:.1f}" y="{height - 6}">'
                         f"{escape(label)}</text>")
            last_month = month
    axis = (f'<text class="chart-tick" x="{left - 4}" y="16" text-anchor="end">{most}</text>'
            f'<text class="chart-tick" x="{left - 4}" y="{8 + plot_h}" text-anchor="end">0</text>'
            f'<line class="chart-axis" x1="{left}" x2="{WIDTH - 4}" y1="{8 + plot_h + 0.5}" '
            f'y2="{8 + plot_h + 0.5}"></line>')
    first, last = series[0][0], series[-1][0]
    total = sum(count for _, count in series)
    label = (f"Briefs per week from {first.isoformat()} to {last.isoformat()}: {total} briefs, "
             f"at most {most} in a week")
    svg = (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
           f'{axis}{"".join(cols)}{"".join(ticks)}</svg>')
    return _figure(svg, "When: briefs per week", "weeks")
