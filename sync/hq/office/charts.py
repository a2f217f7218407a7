"""Charts as inline SVG drawn on the server by pygal (no script, no outside files: the
tooltips script pygal links by default is switched off and its inline configuration
script is left out, as the pages' content security policy allows no inline script)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pygal
from pygal.style import Style

STYLE = Style(
    background="transparent", plot_background="transparent",
    foreground="#333", foreground_strong="#222", foreground_subtle="#ccc",
    font_family="'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
    colors=("#c0392b", "#2874a6", "#d4ac0d", "#7d3c98", "#229954", "#ca6f1e"),
    title_font_size=15, label_font_size=11, major_label_font_size=11, legend_font_size=12,
    value_font_size=11, tooltip_font_size=12,
)


def _common(title: str) -> dict[str, Any]:
    return {"title": title, "style": STYLE, "js": [], "disable_xml_declaration": True,
            "width": 640, "height": 300, "legend_at_bottom": True, "legend_box_size": 10,
            "margin": 8, "print_values": False, "show_y_guides": True,
            "no_data_text": "—"}


SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def _svg(chart: Any) -> str:
    return SCRIPT.sub("", str(chart.render(is_unicode=True)))


def _num(v: Decimal | int | None) -> float | None:
    return None if v is None else float(v)  # drawing only: the tables show exact values


def bars(title: str, labels: Sequence[str], series: dict[str, Sequence[Any]],
         horizontal: bool = False, stacked: bool = False) -> str:
    cls = pygal.HorizontalBar if horizontal else (pygal.StackedBar if stacked else pygal.Bar)
    chart = cls(**_common(title), x_label_rotation=0 if horizontal else 45,
                show_minor_x_labels=len(labels) <= 16, x_labels_major_every=5 if
                len(labels) > 16 else None, truncate_label=14)
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, [_num(v) for v in values])
    return _svg(chart)


def lines(title: str, labels: Sequence[str], series: dict[str, Sequence[Any]],
          percent: bool = False) -> str:
    chart = pygal.Line(**_common(title), x_label_rotation=45, show_dots=len(labels) <= 40,
                       show_minor_x_labels=False, x_labels_major_every=5,
                       value_formatter=(lambda v: f"{v:.0%}") if percent else
                       (lambda v: f"{v:,.2f}"))
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, [_num(v) for v in values])
    return _svg(chart)
