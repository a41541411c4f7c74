"""Page elements of our own for reportlab, where its general ones cost too much at an office's scale.

Imported only when a PDF is made (reportlab is heavy to import; SPEC § 10).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table
from reportlab.platypus.flowables import Flowable

PADDING = 3.0  # points left and right of a text in its cell


@lru_cache(maxsize=16384)
def wrapped(text: str, font: str, size: float, room: float) -> tuple[str, ...]:
    """*text* broken into lines of at most *room* points (at spaces; a word longer than the room on a line of its
    own, broken by characters): never shortened. Cached: places, occupations and severities repeat."""
    if stringWidth(text, font, size) <= room:
        return (text,)
    lines: list[str] = []
    for line in simpleSplit(text, font, size, room):
        while stringWidth(line, font, size) > room and len(line) > 1:  # one word wider than the column
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], font, size) > room:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return tuple(lines)


class WrappedRows(Flowable):
    """A grid of text rows under a header (a flowable, usually a small Table) repeated on every page: what a long
    list needs of a reportlab Table, without its per-cell styles and measuring (0.25 ms a row, measured on an
    office's 11,000 deaths). A text wider than its column wraps onto more lines, and its row grows: no text is ever
    cut. Splits between rows; a row taller than a whole page (500-character texts in narrow columns) is split
    between its lines, going on under the header of the next page."""

    LEADING = 11.0  # points between lines of 9-point text
    PAD = 2.0  # above and below the lines of a row
    SIZE = 9

    def __init__(self, header: Flowable, rows: list[tuple[str, ...]], widths: list[float], font: str,
                 centred: tuple[int, ...] = (), _lines: list[tuple[tuple[str, ...], ...]] | None = None,
                 _heights: list[float] | None = None, _measured: dict[Any, Any] | None = None) -> None:
        super().__init__()
        self.header, self.rows, self.widths, self.font, self.centred = header, rows, widths, font, frozenset(centred)
        if _lines is None:
            rooms = [width - 2 * PADDING for width in widths]
            _lines = [tuple(wrapped(value, font, self.SIZE, room) if value else () for value, room in
                            zip(row, rooms, strict=True))
                      for row in rows]
        self.lines = _lines
        if _heights is None:  # measured once: a split hands its parts their slices
            _heights = [max(1, *(len(cell) for cell in cells)) * self.LEADING + 2 * self.PAD for cells in _lines]
        self.heights = _heights
        self._header_height = 0.0
        self._total: float | None = None
        self._measured = {} if _measured is None else _measured

    def _header(self, available_width: float, available_height: float) -> float:
        """The header's height, measured once for all the parts of a split (they share the header)."""
        measured = self._measured.get(available_width)
        if measured is None:
            measured = self._measured[available_width] = self.header.wrap(available_width, available_height)[1]
        return measured

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._header_height = self._header(available_width, available_height)
        if self._total is None:
            self._total = sum(self.heights)
        return sum(self.widths), self._header_height + self._total

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height - self._header(available_width, available_height)
        fit, used = 0, 0.0
        for height in self.heights:
            if used + height > room:
                break
            used += height
            fit += 1
        if fit >= len(self.rows):
            return [self]
        centred = tuple(self.centred)
        if fit <= 0:
            return self._split_row(room, centred)
        return [WrappedRows(self.header, self.rows[:fit], self.widths, self.font, centred, self.lines[:fit],
                            self.heights[:fit], self._measured),
                WrappedRows(self.header, self.rows[fit:], self.widths, self.font, centred, self.lines[fit:],
                            self.heights[fit:], self._measured)]

    def _split_row(self, room: float, centred: tuple[int, ...]) -> list[Flowable]:
        """The first row does not fit: on a fresh page (it fits on no page) its lines are shared out, as many as
        *room* holds here and the rest under the header of the next page; elsewhere nothing (the row moves on)."""
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop:
            return []
        count = int((room - 2 * self.PAD) // self.LEADING)
        cells = self.lines[0]
        if count < 1 or count >= max(len(cell) for cell in cells):
            return []
        first = tuple(cell[:count] for cell in cells)
        rest = tuple(cell[count:] for cell in cells)
        height = count * self.LEADING + 2 * self.PAD
        rest_height = max(1, *(len(cell) for cell in rest)) * self.LEADING + 2 * self.PAD
        row = self.rows[0]
        return [WrappedRows(self.header, [row], self.widths, self.font, centred, [first], [height], self._measured),
                WrappedRows(self.header, [row, *self.rows[1:]], self.widths, self.font, centred,
                            [rest, *self.lines[1:]], [rest_height, *self.heights[1:]], self._measured)]

    def draw(self) -> None:
        canvas = self.canv
        bottom = sum(self.heights)
        # The header is drawn once into a PDF form and placed on every page: a Table's drawing cost 1.7 ms a page.
        key = ("form", id(canvas), id(self.header))
        name = self._measured.get(key)
        if name is None:
            name = self._measured[key] = f"tnld_rows_header_{id(self.header)}"
            height = self._header_height or self._header(sum(self.widths), bottom)
            canvas.beginForm(name, 0, 0, sum(self.widths), height)
            self.header.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(0, bottom)
        canvas.doForm(name)
        canvas.restoreState()
        edges = [0.0]
        for width in self.widths:
            edges.append(edges[-1] + width)
        tops = [bottom]
        for height in self.heights:
            tops.append(tops[-1] - height)
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.grid(edges, tops)
        text = canvas.beginText()
        text.setFont(self.font, self.SIZE)
        for top, cells in zip(tops, self.lines, strict=False):  # tops has the bottom edge too
            for column, lines in enumerate(cells):
                for number, line in enumerate(lines):
                    baseline = top - self.PAD - self.LEADING * number - 8.5
                    if column in self.centred:
                        x = edges[column] + (self.widths[column] - stringWidth(line, self.font, self.SIZE)) / 2
                    else:
                        x = edges[column] + PADDING
                    text.setTextOrigin(x, baseline)
                    text.textOut(line)
        canvas.drawText(text)
        canvas.restoreState()



TALL_ROW = 400.0  # points: a row this tall may not fit a landscape A4 page (about 500 points) under its header
MIN_PART = 36  # points: the least of a split row left at the foot of a page or carried over


class PageTable(Table):
    """A reportlab Table with a repeated header that splits between rows, and inside a row only when that row is
    taller than a page could hold. reportlab's `splitInRow` splits inside a row whenever the next row does not fit
    the space left, so a row that would fit the next page was cut into a sliver under a repeated header at the foot
    of the page. Here a row is split only when it is taller than `TALL_ROW` (a 500-character village in a narrow
    column), and each part is at least `MIN_PART` high."""

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        self._calc(availWidth, availHeight)
        result = self._splitRows(availHeight, doInRowSplit=False)
        if result:
            return result
        rows = self._rowHeights[self.repeatRows:]
        if rows and rows[0] > TALL_ROW:
            return self._splitRows(availHeight, doInRowSplit=True)
        return []


def page_table(data: list[list[Any]], **options: Any) -> PageTable:
    """A `PageTable` of *data* with its first row repeated on every page."""
    return PageTable(data, repeatRows=options.pop("repeatRows", 1), splitInRow=MIN_PART, **options)
