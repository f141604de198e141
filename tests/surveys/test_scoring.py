from fractions import Fraction

import pytest

from feedback.surveys.scoring import FftScore, percent_half_up


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (5, 8, 63),
        (23, 40, 58),
        (1, 3, 33),
        (2, 3, 67),
        (0, 7, 0),
        (7, 7, 100),
        (1, 200, 1),
        (1, 201, 0),
    ],
)
def test_percentages_round_halves_up_from_exact_integers(part, whole, expected):
    assert percent_half_up(part, whole) == expected
    exact = Fraction(100 * part, whole)
    assert expected - Fraction(1, 2) <= exact < expected + Fraction(1, 2)


def test_no_responses_is_no_percentage_not_zero():
    assert FftScore({}).fft_percent_positive is None
    assert FftScore({}).total == 0


def test_dont_know_is_in_the_denominator():
    score = FftScore({1: 3, 2: 2, 4: 1, 5: 1, 6: 3})
    assert score.total == 10
    assert score.fft_percent_positive == 50  # 5 of 10, not 5 of 7
    assert score.fft_percent_negative == 20
