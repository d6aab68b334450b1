"""Small inline SVG charts drawn on the server (no JavaScript, labels escaped)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from kamerqa.web.colours import party_colour

ROW = 26
MAX_LABEL_WIDTH = 300
WIDTH = 560


def bar_chart(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    unit: str = "",
    colour_by_party: bool = False,
    href: str | None = None,
    colours: Sequence[str] | None = None,
) -> Markup:
    """Horizontal bars, one per (label, value). ``href`` may contain ``{}`` for the label."""
    if not rows:
        return Markup('<p class="muted">Nog geen gegevens.</p>')
    top = max(value for _, value in rows) or 1
    height = ROW * len(rows) + 8
    label_width = min(MAX_LABEL_WIDTH, max(60, 7 * max(len(label) for label, _ in rows) + 12))
    bars = []
    for i, (label, value) in enumerate(rows):
        y = 4 + i * ROW
        width = max(2.0, (WIDTH - label_width - 50) * value / top)
        colour = party_colour(label) if colour_by_party else "var(--accent)"
        if colours:
            colour = colours[i % len(colours)]
        text = Markup(
            '<text x="{x}" y="{ty}" class="bar-label" text-anchor="end">{label}</text>'
        ).format(x=label_width - 8, ty=y + 16, label=label)
        if href:
            from urllib.parse import quote

            text = Markup('<a href="{h}">{t}</a>').format(h=href.format(quote(label)), t=text)
        bars.append(
            Markup(
                "<g><title>{label}: {value}{unit}</title>{text}"
                '<rect x="{x}" y="{y}" width="{w:.1f}" height="{h}" rx="3" fill="{c}"/>'
                '<text x="{vx:.1f}" y="{ty}" class="bar-value">{value}{unit}</text></g>'
            ).format(
                label=label,
                value=_fmt(value),
                unit=unit,
                text=text,
                x=label_width,
                y=y + 3,
                w=width,
                h=ROW - 8,
                c=colour,
                vx=label_width + width + 6,
                ty=y + 16,
            )
        )
    return Markup(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{title}">'
        "<title>{title}</title>{bars}</svg>"
    ).format(w=WIDTH, h=height, title=title, bars=Markup("").join(bars))


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


WITHIN_TERM = "#2f7d32"
OVER_TERM = "#b4501a"


def histogram(
    values: Sequence[int],
    *,
    bins: Sequence[tuple[int, int | None]],
    title: str,
    term: int | None = None,
) -> Markup:
    """Counts of ``values`` per (low, high) bin (high None = open end), as a bar chart.

    With ``term`` (days), bins within the term are green and the later ones orange.
    """
    colours = [WITHIN_TERM if term is not None and low < term else OVER_TERM for low, _ in bins]
    rows = []
    for low, high in bins:
        count = sum(1 for v in values if v >= low and (high is None or v < high))
        label = f"{low}+ dagen" if high is None else f"{low}–{high - 1} dagen"
        rows.append((label, float(count)))
    return bar_chart(rows, title=title, colours=colours)
