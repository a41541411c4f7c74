"""Page elements of our own for reportlab, where its general ones cost too much at an office's scale.

Imported only when a PDF is made (reportlab is heavy to import; SPEC § 10).
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable


class OneLineRows(Flowable):
    """A grid of one-line text rows under a header (a flowable, usually a small Table) repeated on every page:
    what a long list needs of a reportlab Table, without its per-cell styles and measuring (0.25 ms a row, measured
    on an office's 11,000 deaths). Splits between rows. Texts must already fit their column (see `pdf._fit`)."""

    ROW = 13.0  # points: 9-point text with a little room
    SIZE = 9

    def __init__(self, header: Flowable, rows: list[tuple[str, ...]], widths: list[float], font: str,
                 centred: tuple[int, ...] = ()) -> None:
        super().__init__()
        self.header, self.rows, self.widths, self.font, self.centred = header, rows, widths, font, frozenset(centred)
        self._header_height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, self._header_height = self.header.wrap(available_width, available_height)
        return sum(self.widths), self._header_height + self.ROW * len(self.rows)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        _, header_height = self.header.wrap(available_width, available_height)
        fit = int((available_height - header_height) // self.ROW)
        if fit <= 0:
            return []
        if fit >= len(self.rows):
            return [self]
        return [OneLineRows(self.header, self.rows[:fit], self.widths, self.font, tuple(self.centred)),
                OneLineRows(self.header, self.rows[fit:], self.widths, self.font, tuple(self.centred))]

    def draw(self) -> None:
        canvas = self.canv
        bottom = self.ROW * len(self.rows)
        self.header.drawOn(canvas, 0, bottom)
        edges = [0.0]
        for width in self.widths:
            edges.append(edges[-1] + width)
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.grid(edges, [bottom - self.ROW * n for n in range(len(self.rows) + 1)])
        text = canvas.beginText()
        text.setFont(self.font, self.SIZE)
        for number, row in enumerate(self.rows, start=1):
            baseline = bottom - self.ROW * number + 3.5
            for column, value in enumerate(row):
                if not value:
                    continue
                if column in self.centred:
                    x = edges[column] + (self.widths[column] - stringWidth(value, self.font, self.SIZE)) / 2
                else:
                    x = edges[column] + 3
                text.setTextOrigin(x, baseline)
                text.textOut(value)
        canvas.drawText(text)
        canvas.restoreState()
