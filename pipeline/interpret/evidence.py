"""Values with the evidence behind them.

A `Traced` value carries the `Piece`s that support it: the exact characters it was read from
(`Quote`), how (`method`) and by which rule. A value read from two phrases has two pieces; a
derived value names the values it is computed from; a reference value names its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, NamedTuple, TypeVar, get_args

from pipeline.model import Passage, Quote

Method = Literal["extracted", "parsed", "derived", "inferred", "label", "reference"]
METHODS: tuple[Method, ...] = get_args(Method)
T = TypeVar("T")


class Piece(NamedTuple):
    """One piece of support: a quote (or, for `derived` and `reference`, a note)."""

    method: Method
    rule: str
    quote: Quote | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)  # half a million of them in a large document: no __dict__ each
class Traced(Generic[T]):
    value: T
    pieces: tuple[Piece, ...]


def quoted(method: Method, rule: str, passage: Passage, start: int = 0, end: int | None = None) -> tuple[Piece, ...]:
    """A piece per quote of `passage.text[start:end]` (one per paragraph and line it spans)."""
    return tuple([Piece(method, rule, q) for q in passage.quotes(start, end)])


def as_inferred(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """The same support, used for a value of another table or row: inferred from it."""
    return tuple(Piece("inferred", p.rule, p.quote, p.note) if p.quote else p for p in pieces)


def derived(value: T, rule: str, note: str) -> Traced[T]:
    return Traced(value, (Piece("derived", rule, note=note),))
