"""Program TOML fuzzing: random mutations of the example program (lines dropped,
duplicated or swapped, values replaced, bytes inserted). Loading either works or raises
ProgramError with a message; never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.core.program import ProgramError, parse_program
from pos_app.demo import PROGRAM
from tests.fuzz import SCALE

EXAMPLE = PROGRAM.read_text("utf-8").splitlines()
VALUES = st.sampled_from([
    '""', '"x"', "0", "-1", "1e400", "nan", "inf", "true", "[]", "{}", "[1, 2]",
    '"-5.00"', '"abc"', '"99999999999999999999"', "1979-05-27", '"2026-13-40"', '"\\u0000"',
    "{ a = 1 }", '"00:00"', '"25:61"',
]) | st.text(max_size=12).map(repr)

MUTATION = st.one_of(
    st.tuples(st.just("drop"), st.integers(0, len(EXAMPLE) - 1)),
    st.tuples(st.just("dup"), st.integers(0, len(EXAMPLE) - 1)),
    st.tuples(st.just("swap"), st.integers(0, len(EXAMPLE) - 1), st.integers(0, len(EXAMPLE) - 1)),
    st.tuples(st.just("value"), st.integers(0, len(EXAMPLE) - 1), VALUES),
    st.tuples(st.just("insert"), st.integers(0, len(EXAMPLE) - 1), st.text(max_size=30)),
)


def mutate(lines: list[str], muts: list[tuple]) -> str:  # type: ignore[type-arg]
    out = list(lines)
    for m in muts:
        i = min(m[1], len(out) - 1) if out else 0
        if not out:
            break
        if m[0] == "drop":
            del out[i]
        elif m[0] == "dup":
            out.insert(i, out[i])
        elif m[0] == "swap":
            j = min(m[2], len(out) - 1)
            out[i], out[j] = out[j], out[i]
        elif m[0] == "value" and "=" in out[i]:
            out[i] = out[i].split("=", 1)[0] + "= " + m[2]
        elif m[0] == "insert":
            out[i] = out[i][: len(out[i]) // 2] + m[2] + out[i][len(out[i]) // 2:]
    return "\n".join(out)


@given(muts=st.lists(MUTATION, min_size=1, max_size=4))
@settings(max_examples=300 * SCALE, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
def test_mutated_program_loads_or_raises_program_error(muts: list[tuple]) -> None:  # type: ignore[type-arg]
    text = mutate(EXAMPLE, muts)
    try:
        parse_program(text)
    except ProgramError as e:
        assert str(e)


def test_the_example_loads_and_a_broken_value_is_a_program_error() -> None:
    parse_program("\n".join(EXAMPLE))
    i = next(n for n, ln in enumerate(EXAMPLE) if ln.startswith("offline_spend_cap_per_card"))
    try:
        parse_program(mutate(EXAMPLE, [("value", i, '"abc"')]))
    except ProgramError:
        return
    raise AssertionError("a bad money value was accepted")
