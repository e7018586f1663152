"""Cutting an article's text for display: where highlights start and stop.

Overlapping spans cannot nest in markup, so every format that highlights findings in the text
(the HTML report, the web UI) cuts the text at every span and region boundary: each ``Piece``
is a run of text covered by the same spans, in the same region. A format draws each piece once
(coloured by the most serious span covering it), so its markup stays valid whatever the overlaps.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    """``[start, end)`` of the text. ``covering``: the indices (into the spans given to
    ``cut``) of the non-empty spans that cover the whole piece. ``ending``: the indices of the
    spans that end where the piece starts (a format's markers for them go before the piece).
    ``role``: the region the piece lies in, or None (body text, or no region)."""

    start: int
    end: int
    covering: tuple[int, ...] = ()
    ending: tuple[int, ...] = ()
    role: str | None = None


def cut(
    length: int,
    spans: Sequence[tuple[int, int]],
    regions: Iterable[tuple[int, int, str]] = (),
) -> list[Piece]:
    """The pieces of a text of ``length`` characters, in order.

    ``spans`` are ``(start, end)`` pairs (findings), ``regions`` ``(start, end, role)`` triples;
    offsets are clamped to the text. The last piece is always the empty piece at ``length``,
    so that the spans ending there have a place for their markers. A span with ``end <= start``
    covers nothing; it ends at its start."""
    clamp = _clamper(length)
    spans = [(clamp(start), clamp(end)) for start, end in spans]
    roles = sorted((clamp(start), clamp(end), role) for start, end, role in regions)
    cuts = {0, length}
    for start, end, _ in roles:
        cuts.update((start, end))
    for start, end in spans:
        cuts.update((start, end))
    ends: dict[int, list[int]] = {}
    for k, (start, end) in enumerate(spans):
        ends.setdefault(max(start, end), []).append(k)
    points = sorted(cuts)
    pieces = []
    for lo, hi in itertools.pairwise(points):
        covering = tuple(k for k, (start, end) in enumerate(spans) if start <= lo and hi <= end)
        role = next((r for start, end, r in roles if start <= lo and hi <= end), None)
        pieces.append(Piece(lo, hi, covering, tuple(ends.get(lo, ())), role))
    pieces.append(Piece(length, length, (), tuple(ends.get(length, ())), None))
    return pieces


def _clamper(length: int):
    return lambda offset: min(max(offset, 0), length)
