"""FFT scores exactly as NHS England computes them."""

from __future__ import annotations

from dataclasses import dataclass, field

FFT_RATINGS = (1, 2, 3, 4, 5, 6)
POSITIVE_RATINGS = (1, 2)  # Very good, Good
NEGATIVE_RATINGS = (4, 5)  # Poor, Very poor


def percent_half_up(part: int, whole: int) -> int | None:
    """A whole percentage, halves rounded up, from exact integers (62.5 -> 63); None for 0/0.

    Python's round() rounds halves to even and float division turns 23/40 into 57.4999...,
    so both would disagree with NHS England's published figures.
    """
    if whole == 0:
        return None
    return (200 * part + whole) // (2 * whole)


@dataclass(frozen=True)
class FftScore:
    """Counts of each rating (1-6); Don't know (6) stays in the denominator."""

    counts: dict[int, int] = field(default_factory=dict)

    def count(self, rating: int) -> int:
        return self.counts.get(rating, 0)

    @property
    def total(self) -> int:
        return sum(self.count(rating) for rating in FFT_RATINGS)

    @property
    def positive(self) -> int:
        return sum(self.count(rating) for rating in POSITIVE_RATINGS)

    @property
    def negative(self) -> int:
        return sum(self.count(rating) for rating in NEGATIVE_RATINGS)

    @property
    def fft_percent_positive(self) -> int | None:
        return percent_half_up(self.positive, self.total)

    @property
    def fft_percent_negative(self) -> int | None:
        return percent_half_up(self.negative, self.total)
