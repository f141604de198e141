"""XmR charts the Making Data Count way.

Every expected number is worked by hand in the comment beside its series: MR = moving range,
MRbar = mean moving range, limits = mean +- 2.66 x MRbar, near lines = mean +- 1.7733 x MRbar
(two thirds of 2.66).
"""

from datetime import date

import pytest

from feedback.dashboard.spc import (
    Assurance,
    Direction,
    Rule,
    SpcChart,
    Variation,
    xmr_chart,
)

HIGHER = Direction.HIGHER_IS_BETTER
LOWER = Direction.LOWER_IS_BETTER
COMMON = Variation.COMMON_CAUSE
IMPROVEMENT = Variation.IMPROVEMENT
CONCERN = Variation.CONCERN
NONE: frozenset[Rule] = frozenset()


def months(count: int, first: date = date(2023, 1, 1)) -> list[date]:
    return [
        date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(count)
    ]


def chart(values: list[float], direction: Direction = HIGHER, **options) -> SpcChart:  # type: ignore[no-untyped-def]
    return xmr_chart(months(len(values)), values, direction, **options)


def variations(result: SpcChart) -> list[Variation]:
    return [point.variation for point in result.points]


def rules(result: SpcChart) -> list[frozenset[Rule]]:
    return [point.rules for point in result.points]


# 9, 11 six times: sum 120, mean 10; 11 MRs of 2, MRbar 2.
# Limits 10 +- 5.32 = 4.68 and 15.32; near lines 10 +- 3.5467 = 6.4533 and 13.5467.
STEADY = [9, 11] * 6


# Limits ----------------------------------------------------------------------------------------


def test_a_small_series_gets_its_mean_limits_and_near_lines_worked_out_by_hand():
    # Sum 60, mean 12. MRs 2, 1, 2, 1: MRbar 1.5. Limits 12 -+ 3.99 = 8.01 and 15.99.
    # Near lines 12 -+ 2.66 (two thirds of 3.99) = 9.34 and 14.66. Nothing comes near.
    result = chart([10, 12, 11, 13, 14], minimum_points=5)

    assert result.reason is None
    for point in result.points:
        assert point.mean == pytest.approx(12)
        assert point.lower_limit == pytest.approx(8.01)
        assert point.upper_limit == pytest.approx(15.99)
        assert point.lower_near == pytest.approx(9.34)
        assert point.upper_near == pytest.approx(14.66)
        assert point.segment == 0
    assert variations(result) == [COMMON] * 5
    assert result.latest is not None and result.latest.period == date(2023, 5, 1)
    assert result.latest.value == 14.0


def test_a_flat_series_has_its_limits_on_the_mean_and_no_special_causes():
    # Every MR is 0, so the limits and near lines sit on the mean, 5; screening has nothing to
    # drop. No point is beyond them (strictly) and every point is on the mean: no shift.
    result = chart([5] * 12, screen_moving_ranges=True)

    assert {(p.lower_limit, p.mean, p.upper_limit) for p in result.points} == {(5, 5, 5)}
    assert variations(result) == [COMMON] * 12


# Rule 1: a point beyond a process limit --------------------------------------------------------

# 67, then 216, 184 six times, then 333: sum 2800, mean 200.
# MRs 149, then eleven of 32, then 149: 650 over 13, MRbar 50.
# Limits 200 -+ 133 = 67 and 333 exactly: the first and last points lie on them.
ON_THE_LIMITS = [67] + [216, 184] * 6 + [333]


def test_a_point_exactly_on_a_process_limit_is_not_beyond_it():
    result = chart(ON_THE_LIMITS)

    assert result.points[0].lower_limit == 67 and result.points[0].upper_limit == 333
    assert rules(result) == [NONE] * 14
    assert variations(result) == [COMMON] * 14


def test_a_point_just_above_the_upper_limit_is_beyond_it():
    # Last point 334: sum 2801, mean 200.071; MR total 651 (last MR 150), MRbar 50.077.
    # Upper limit 200.071 + 133.205 = 333.276 < 334. Lower 66.867 < 67, so the first is inside.
    result = chart([*ON_THE_LIMITS[:-1], 334])

    assert result.points[-1].upper_limit == pytest.approx(333.276, abs=0.001)
    assert rules(result)[-1] == {Rule.OUTSIDE_LIMITS}
    assert variations(result) == [COMMON] * 13 + [IMPROVEMENT]


def test_a_point_just_below_the_lower_limit_is_beyond_it():
    # First point 66: sum 2799, mean 199.929; MR total 651 (first MR 150), MRbar 50.077.
    # Lower limit 199.929 - 133.205 = 66.724 > 66. Upper 333.133 > 333, so the last is inside.
    result = chart([66, *ON_THE_LIMITS[1:]])

    assert result.points[0].lower_limit == pytest.approx(66.724, abs=0.001)
    assert rules(result)[0] == {Rule.OUTSIDE_LIMITS}
    assert variations(result) == [CONCERN] + [COMMON] * 13


# Rule 2: a shift of 7 or more on one side of the mean ------------------------------------------

# 9, 7 alternating (7 points), then 11, 13 alternating (7 points): sum 57 + 83 = 140, mean 10.
# All 13 MRs are 2 (9 -> 11 too): MRbar 2, near lines 6.4533 and 13.5467, none reached.
SEVEN_BELOW_SEVEN_ABOVE = [9, 7, 9, 7, 9, 7, 9, 11, 13, 11, 13, 11, 13, 11]


def test_seven_points_on_one_side_of_the_mean_are_a_shift_and_all_seven_are_marked():
    result = chart(SEVEN_BELOW_SEVEN_ABOVE)

    assert rules(result) == [{Rule.SHIFT}] * 14
    assert variations(result) == [CONCERN] * 7 + [IMPROVEMENT] * 7


def test_six_points_on_one_side_of_the_mean_are_no_shift():
    # 9, 7 x3 then 11, 13 x3: sum 120, mean 10. MRs: ten of 2 and 7 -> 11 = 4: 24 over 11,
    # MRbar 2.18; near lines 10 -+ 3.87 = 6.13 and 13.87, not reached. Runs of 6 each.
    result = chart([9, 7, 9, 7, 9, 7, 11, 13, 11, 13, 11, 13])

    assert rules(result) == [NONE] * 12


def test_a_point_exactly_on_the_mean_breaks_a_run():
    # Sum 65 + 95 = 160 over 16, mean 10. MRs total 34, MRbar 2.267; near lines 5.98 and
    # 14.02, not reached. Below: 7, 9, 7 | 10 | 9, 7, 9, 7; above: 13, 11, 13 | 10 | 11, 13,
    # 11, 13. Each side has 7 points off the mean among 8, but the 10s end the runs (3 + 4).
    result = chart([7, 9, 7, 10, 9, 7, 9, 7, 13, 11, 13, 10, 11, 13, 11, 13])

    assert result.points[3].mean == 10
    assert rules(result) == [NONE] * 16


def test_improvement_and_concern_swap_when_lower_is_better():
    result = chart(SEVEN_BELOW_SEVEN_ABOVE, LOWER)

    assert variations(result) == [IMPROVEMENT] * 7 + [CONCERN] * 7


# Rule 3: a trend of 7 or more points ------------------------------------------------------------

# 12, 8 four times, then 7, 8, 9, 10, 11, 12, 13: sum 80 + 70 = 150, mean 10.
# MRs: seven of 4, 8 -> 7 = 1, six of 1: 35 over 14, MRbar 2.5; near lines 5.567 and 14.433.
# The last 7 points rise 6 times: a trend, crossing the mean. No shift: 8, 7, 8, 9 | 10 | 11...
RISING_SEVEN = [12, 8, 12, 8, 12, 8, 12, 8, 7, 8, 9, 10, 11, 12, 13]


def test_seven_points_each_higher_than_the_one_before_are_a_trend_and_all_seven_are_marked():
    result = chart(RISING_SEVEN)

    assert rules(result) == [NONE] * 8 + [{Rule.TREND}] * 7
    # The trend's direction decides, even for the points still below the mean (7, 8, 9).
    assert variations(result) == [COMMON] * 8 + [IMPROVEMENT] * 7


def test_a_rising_trend_is_a_concern_when_lower_is_better():
    result = chart(RISING_SEVEN, LOWER)

    assert variations(result) == [COMMON] * 8 + [CONCERN] * 7


def test_six_points_each_higher_than_the_one_before_are_no_trend():
    # 12, 8 x3 then 5, 7, 9, 11, 13, 15: sum 60 + 60 = 120, mean 10. MRs: five of 4, 8 -> 5 = 3,
    # five of 2: 33 over 11, MRbar 3; limits 2.02 and 17.98, near lines 4.68 and 15.32.
    # Only 5 rises; 8, 5, 7, 9 below then 11, 13, 15 above: no shift either.
    result = chart([12, 8, 12, 8, 12, 8, 5, 7, 9, 11, 13, 15])

    assert result.points[0].upper_near == pytest.approx(15.32)
    assert rules(result) == [NONE] * 12


def test_an_equal_neighbour_breaks_a_trend():
    # 13, 9 four times, then 6, 7, 8, 9, 9, 10, 11, 12: sum 88 + 72 = 160, mean 10.
    # MRs total 37 over 15, MRbar 2.467; near lines 5.63 and 14.37, not reached.
    # Rises 6 -> 9 (4 points), 9 = 9, rises 9 -> 12 (4 points): no run of 7, even though 7 of
    # the 8 steps rise. Below the mean: 9, 6, 7, 8, 9, 9 is 6 points, then 10: no shift.
    result = chart([13, 9, 13, 9, 13, 9, 13, 9, 6, 7, 8, 9, 9, 10, 11, 12])

    assert rules(result) == [NONE] * 16


# Rule 4: two of three points close to or beyond a limit ---------------------------------------


def test_two_of_three_points_near_a_limit_on_the_same_side_are_marked_but_not_the_third():
    # 10, 10, 13, 12, 13, 10, 10, 7, 8, 7, 10, 10: sum 120, mean 10.
    # MRs 0, 3, 1, 1, 3, 0, 3, 1, 1, 3, 0: 16 over 11, MRbar 1.4545.
    # Limits 10 -+ 3.869 = 6.131 and 13.869; near lines 10 -+ 2.579 = 7.421 and 12.579.
    # 13, 12, 13: all above the mean, the 13s beyond 12.579, the 12 not; 7, 8, 7 the mirror.
    result = chart([10, 10, 13, 12, 13, 10, 10, 7, 8, 7, 10, 10])

    m, _ = {Rule.TWO_OF_THREE}, NONE
    assert rules(result) == [_, _, m, _, m, _, _, m, _, m, _, _]
    up, down, c = IMPROVEMENT, CONCERN, COMMON
    assert variations(result) == [c, c, up, c, up, c, c, down, c, down, c, c]


def test_two_points_near_opposite_limits_within_three_are_not_marked():
    # 9, 11, 10, 13, 11, 7, 9, then 10 x5: sum 120, mean 10. MRs 2, 1, 3, 2, 4, 2, 1, 0, 0, 0,
    # 0: 15 over 11, MRbar 1.3636. Limits 6.373 and 13.627; near lines 7.582 and 12.418.
    # 13 and 7 are both near a limit and in one window (13, 11, 7), but on opposite sides.
    result = chart([9, 11, 10, 13, 11, 7, 9, 10, 10, 10, 10, 10])

    assert result.points[3].value > result.points[3].upper_near
    assert result.points[5].value < result.points[5].lower_near
    assert rules(result) == [NONE] * 12


def test_a_point_beyond_a_limit_counts_towards_two_of_three():
    # STEADY held (fix_after=12): mean 10, upper limit 15.32, upper near line 13.5467.
    # Then 16 (beyond the limit), 14 (near), 11: with the 11 before, all above the mean.
    # Making Data Count counts every point beyond two sigma, so both 16 and 14 are marked.
    result = chart([*STEADY, 16, 14, 11], fix_after=12)

    beyond_and_two, two = {Rule.OUTSIDE_LIMITS, Rule.TWO_OF_THREE}, {Rule.TWO_OF_THREE}
    assert rules(result)[11:] == [NONE, beyond_and_two, two, NONE]


# Which side wins when rules disagree ------------------------------------------------------------


def test_a_falling_trend_above_the_mean_is_a_concern_though_it_is_also_a_high_shift():
    # STEADY held: mean 10, near line 13.5467. Then 13.4 down to 12.2 in steps of 0.2: six falls
    # (a falling trend of 7) and, with the 11 before, 8 points above the mean (a high shift).
    result = chart([*STEADY, 13.4, 13.2, 13.0, 12.8, 12.6, 12.4, 12.2], fix_after=12)

    assert rules(result)[11] == {Rule.SHIFT}
    assert rules(result)[12:] == [{Rule.SHIFT, Rule.TREND}] * 7
    assert variations(result)[11:] == [IMPROVEMENT] + [CONCERN] * 7


def test_a_point_beyond_a_limit_is_judged_by_its_side_even_at_the_start_of_a_rising_trend():
    # STEADY held: lower limit 4.68, lower near line 6.4533. Then 4, 5, 6, 7, 8, 9, 10: a rising
    # trend of 7. 4 is beyond the lower limit; 4, 5, 6 are below the near line, all below the
    # mean: two of three (low). 4..9 is only 6 points below the mean before 10: no shift.
    # Precedence: beyond a limit, then trend, then two of three, then shift.
    result = chart([*STEADY, 4, 5, 6, 7, 8, 9, 10], fix_after=12)

    assert rules(result)[12] == {Rule.OUTSIDE_LIMITS, Rule.TREND, Rule.TWO_OF_THREE}
    assert rules(result)[13:15] == [{Rule.TREND, Rule.TWO_OF_THREE}] * 2
    assert rules(result)[15:] == [{Rule.TREND}] * 4
    assert variations(result)[12:] == [CONCERN] + [IMPROVEMENT] * 6


def test_the_turning_point_between_a_rising_and_a_falling_trend_takes_the_later_trend():
    # STEADY held: mean 10, near lines 6.4533 and 13.5467. Then 7 up to 13 and back to 7:
    # two trends of 7 sharing the 13. Sides: 7, 8, 9 | 10 | 11, 12, 13, 12, 11 | 10 | ...
    rise_and_fall = [7, 8, 9, 10, 11, 12, 13, 12, 11, 10, 9, 8, 7]
    result = chart([*STEADY, *rise_and_fall], fix_after=12)

    assert rules(result)[12:] == [{Rule.TREND}] * 13
    assert variations(result)[12:] == [IMPROVEMENT] * 6 + [CONCERN] * 7


# Rebasing -----------------------------------------------------------------------------------

# Segment 0: sum 120, mean 10; MRs 4, 4, 4, 4, 4, 3, 4, 5, 1, 1, 1: 35 over 11, MRbar 3.1818;
#   limits 10 -+ 8.4636 = 1.5364 and 18.4636.
# Segment 1: sum 240, mean 20; MRs 1, 1, 3, 2, 2, 2, 2, 2, 2, 2, 4: 23 over 11, MRbar 2.0909;
#   limits 20 -+ 5.5618 = 14.4382 and 25.5618; near lines 16.2921 and 23.7079.
# The jump 11 -> 20 (MR 9) belongs to neither. 8, 9, 10, 11 | 20, 21, 22 would be a rising
# run of 7 if runs crossed the rebase.
BEFORE = [8, 12, 8, 12, 8, 12, 9, 13, 8, 9, 10, 11]
AFTER = [20, 21, 22, 19, 21, 19, 21, 19, 21, 19, 21, 17]
CHANGE = date(2024, 1, 1)  # the 13th month


def test_a_rebase_starts_a_new_mean_and_limits_without_the_moving_range_across_it():
    result = chart(BEFORE + AFTER, rebase_at=[CHANGE])

    first, second = result.points[0], result.points[12]
    assert [p.segment for p in result.points] == [0] * 12 + [1] * 12
    assert second.period == CHANGE
    assert (first.mean, first.upper_limit) == (pytest.approx(10), pytest.approx(18.4636, abs=1e-4))
    assert second.mean == pytest.approx(20)
    assert second.lower_limit == pytest.approx(14.4382, abs=1e-4)
    assert second.upper_limit == pytest.approx(25.5618, abs=1e-4)


def test_runs_do_not_continue_across_a_rebase():
    rebased = chart(BEFORE + AFTER, rebase_at=[CHANGE])
    not_rebased = chart(BEFORE + AFTER)

    assert all(Rule.TREND not in marks for marks in rules(rebased))
    assert all(Rule.TREND in marks for marks in rules(not_rebased)[8:15])


def test_a_rebase_between_periods_starts_at_the_next_period_and_one_before_the_data_is_ignored():
    later = chart(BEFORE + AFTER, rebase_at=[date(2023, 12, 15), date(2020, 4, 1)])

    assert [p.segment for p in later.points] == [0] * 12 + [1] * 12


def test_a_rebase_that_would_leave_a_single_point_is_ignored():
    # A rebase at the 13th and last month would give that month no moving range of its own:
    # it stays in segment 0. STEADY + 16: sum 136, mean 10.4615; MRs eleven of 2 and 5: 27 over
    # 12, MRbar 2.25; upper limit 10.4615 + 5.985 = 16.4465.
    result = chart([*STEADY, 16], rebase_at=[CHANGE])

    assert [p.segment for p in result.points] == [0] * 13
    assert result.points[-1].upper_limit == pytest.approx(16.4465, abs=1e-4)


# Fixing the limits ---------------------------------------------------------------------------


def test_with_fix_after_later_points_are_judged_against_the_held_limits():
    # Held from STEADY: mean 10, upper limit 15.32, so 16 is beyond it. Not held (see the test
    # above), the 16 pulls the upper limit up to 16.4465 and is common cause.
    held = chart([*STEADY, 16], fix_after=12)
    not_held = chart([*STEADY, 16])

    assert held.points[-1].mean == 10
    assert held.points[-1].upper_limit == pytest.approx(15.32)
    assert held.points[-1].rules == {Rule.OUTSIDE_LIMITS}
    assert held.points[-1].variation == IMPROVEMENT
    assert not_held.points[-1].variation == COMMON


def test_fix_after_longer_than_the_series_uses_every_point():
    assert chart(STEADY, fix_after=20).points == chart(STEADY).points


# Screening moving ranges -----------------------------------------------------------------------


def test_screening_drops_a_moving_range_of_3267_times_the_mean_or_more_before_the_limits():
    # STEADY + 30: sum 150, mean 11.5385. MRs eleven of 2 and 19: 41 over 12, MRbar 3.4167,
    # upper limit 11.5385 + 9.0883 = 20.6268. Screen: 19 >= 3.267 x 3.4167 = 11.162, dropped;
    # MRbar 22 / 11 = 2; limits 11.5385 -+ 5.32 = 6.2185 and 16.8585. The mean stays.
    values = [*STEADY, 30]
    plain = chart(values)
    screened = chart(values, screen_moving_ranges=True)

    assert plain.points[0].upper_limit == pytest.approx(20.6268, abs=1e-4)
    assert screened.points[0].mean == pytest.approx(11.5385, abs=1e-4)
    assert screened.points[0].lower_limit == pytest.approx(6.2185, abs=1e-4)
    assert screened.points[0].upper_limit == pytest.approx(16.8585, abs=1e-4)


def test_screening_drops_a_moving_range_of_exactly_3267_times_the_mean():
    # 0, 794 five times, 0, 793, 4060: MRs ten of 794, 793, 3267: 12000 over 12, MRbar 1000,
    # and 3267 is exactly 3.267 x 1000, so it goes: MRbar 8733 / 11 = 793.909.
    # Mean 8823 / 13 = 678.6923; upper limit 678.6923 + 2.66 x 793.909 = 2790.4905
    # (unscreened it would be 678.6923 + 2660 = 3338.6923).
    values = [0, 794] * 5 + [0, 793, 4060]

    assert chart(values).points[0].upper_limit == pytest.approx(3338.6923, abs=1e-4)
    screened = chart(values, screen_moving_ranges=True).points[0]
    assert screened.upper_limit == pytest.approx(2790.4905, abs=1e-4)


# Not enough to judge ---------------------------------------------------------------------------


def test_too_few_points_give_a_reason_and_no_points():
    result = chart([9, 11] * 4, target=5)

    assert result.points == ()
    assert result.latest is None and result.assurance is None
    assert result.reason == (
        "Only 8 months of data: 12 are needed before special causes can be judged."
    )


def test_the_reason_for_too_few_points_reads_well_for_one_or_none_and_for_weeks():
    assert chart([5]).reason == (
        "Only 1 month of data: 12 are needed before special causes can be judged."
    )
    assert chart([]).reason == (
        "No data yet: 12 months are needed before special causes can be judged."
    )
    assert chart([5] * 3, period_name="week").reason == (
        "Only 3 weeks of data: 12 are needed before special causes can be judged."
    )


def test_twelve_points_are_enough():
    assert chart(STEADY).reason is None and len(chart(STEADY).points) == 12


def test_tiny_denominators_give_a_reason_and_no_points():
    result = chart(STEADY, denominators=[4] * 12)

    assert result.points == ()
    assert result.reason == "On average only 4 responses a month: too few to judge changes."


def test_the_average_denominator_is_rounded_down_so_it_never_seems_to_meet_the_minimum():
    # 9 and 10 alternating: mean 9.5; 10 x 11 and 9: 119 / 12 = 9.9167, shown 9.9 not 10.
    assert chart(STEADY, denominators=[9, 10] * 6).reason == (
        "On average only 9.5 responses a month: too few to judge changes."
    )
    assert chart(STEADY, denominators=[10] * 11 + [9]).reason == (
        "On average only 9.9 responses a month: too few to judge changes."
    )


def test_an_average_denominator_at_the_minimum_is_enough():
    assert chart(STEADY, denominators=[5, 15] * 6).reason is None


# Assurance ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "target", "expected"),
    [
        # STEADY: limits 4.68 and 15.32.
        (HIGHER, 4, Assurance.PASSING),  # lower limit 4.68 above the target
        (HIGHER, 16, Assurance.FAILING),  # upper limit 15.32 below the target
        (HIGHER, 10, Assurance.HIT_AND_MISS),
        (LOWER, 16, Assurance.PASSING),  # upper limit below the target
        (LOWER, 4, Assurance.FAILING),  # lower limit above the target
        (LOWER, 10, Assurance.HIT_AND_MISS),
    ],
)
def test_a_target_compared_with_the_limits_gives_assurance(direction, target, expected):  # type: ignore[no-untyped-def]
    assert chart(STEADY, direction, target=target).assurance == expected


@pytest.mark.parametrize("direction", [HIGHER, LOWER])
@pytest.mark.parametrize("target", [67, 333])
def test_a_target_exactly_on_a_limit_is_hit_and_miss(direction, target):  # type: ignore[no-untyped-def]
    assert chart(ON_THE_LIMITS, direction, target=target).assurance == Assurance.HIT_AND_MISS


def test_assurance_comes_from_the_latest_segment():
    # Target 14: segment 0 (limits 1.54 to 18.46) would be hit and miss; segment 1's lower
    # limit 14.4382 is above it.
    result = chart(BEFORE + AFTER, rebase_at=[CHANGE], target=14)

    assert chart(BEFORE, target=14).assurance == Assurance.HIT_AND_MISS
    assert result.assurance == Assurance.PASSING


def test_without_a_target_there_is_no_assurance():
    assert chart(STEADY).assurance is None


# Bounds -------------------------------------------------------------------------------------


def test_limits_beyond_100_percent_are_clamped_and_a_point_at_100_is_not_beyond_them():
    # 96, 100 six times: sum 1176, mean 98; MRs all 4, MRbar 4. Limits 98 -+ 10.64 = 87.36 and
    # 108.64 -> 100; near lines 98 -+ 7.0933 = 90.9067 and 105.0933 -> 100.
    result = chart([96, 100] * 6, bounds=(0, 100), target=100)

    point = result.points[0]
    assert (point.upper_limit, point.upper_near) == (100, 100)
    assert point.lower_limit == pytest.approx(87.36)
    assert point.lower_near == pytest.approx(90.9067, abs=1e-4)
    assert point.mean == 98
    assert rules(result) == [NONE] * 12
    assert result.assurance == Assurance.HIT_AND_MISS  # upper limit 100 is not below 100


def test_limits_below_0_percent_are_clamped():
    # 0, 4 six times: mean 2, MRbar 4. Limits 2 -+ 10.64 = -8.64 -> 0 and 12.64; near lines
    # -5.0933 -> 0 and 9.0933. A point at 0 is not beyond a lower limit of 0.
    point = chart([0, 4] * 6, LOWER, bounds=(0, 100)).points[0]

    assert (point.lower_limit, point.lower_near) == (0, 0)
    assert point.upper_limit == pytest.approx(12.64)
    assert point.variation == COMMON


def test_a_value_or_target_outside_the_bounds_is_an_error():
    with pytest.raises(ValueError, match="bounds"):
        chart([*STEADY[:-1], 101], bounds=(0, 100))
    with pytest.raises(ValueError, match="bounds"):
        chart(STEADY, bounds=(0, 100), target=105)


# Input checks -------------------------------------------------------------------------------


def test_periods_out_of_order_or_repeated_are_an_error():
    periods = months(12)
    with pytest.raises(ValueError, match="order"):
        xmr_chart([periods[1], periods[0], *periods[2:]], STEADY, HIGHER)
    with pytest.raises(ValueError, match="order"):
        xmr_chart([periods[0], *periods[:-1]], STEADY, HIGHER)


@pytest.mark.parametrize("bad", [float("nan"), None, float("inf")])
def test_a_missing_value_is_an_error(bad):  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="number"):
        chart([*STEADY[:-1], bad])


def test_mismatched_lengths_are_an_error():
    with pytest.raises(ValueError, match="values"):
        xmr_chart(months(11), STEADY, HIGHER)
    with pytest.raises(ValueError, match="denominators"):
        chart(STEADY, denominators=[20] * 11)


def test_fix_after_needs_at_least_two_points():
    with pytest.raises(ValueError, match="fix_after"):
        chart(STEADY, fix_after=1)
