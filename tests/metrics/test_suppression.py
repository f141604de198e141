from feedback.metrics.suppression import Hidden, suppress_one, suppress_parts
from feedback.surveys.scoring import FftScore


def score(total: int) -> FftScore:
    return FftScore({1: total})


def test_small_numbers_show_no_count_and_no_percentage():
    assert suppress_one(score(0)).hidden == Hidden.NO_RESPONSES
    assert suppress_one(score(4)) == suppress_one(score(1))
    assert (
        suppress_one(score(4)).total is None and suppress_one(score(4)).fft_percent_positive is None
    )
    assert suppress_one(score(5)).total == 5


def test_with_the_total_shown_a_lone_hidden_part_takes_the_next_smallest_with_it():
    shown = suppress_parts({"a": score(3), "b": score(12), "c": score(7), "d": score(0)}, True)
    assert shown["a"].hidden == Hidden.FEWER_THAN_5
    assert shown["c"].hidden == Hidden.PROTECTS_ANOTHER  # 22 - 12 - 0 would reveal a
    assert shown["b"].total == 12 and shown["d"].hidden == Hidden.NO_RESPONSES


def test_without_the_total_only_small_parts_are_hidden():
    shown = suppress_parts({"a": score(3), "b": score(12)}, False)
    assert shown["b"].total == 12


def test_two_small_parts_already_protect_each_other():
    shown = suppress_parts({"a": score(3), "b": score(2), "c": score(9)}, True)
    assert shown["c"].total == 9
