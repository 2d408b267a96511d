"""
Model invariants and lookups, for objects built by hand.
"""

from __future__ import annotations

import pickle

import attrs
import pytest

import goudenoor as go


def requirement(rid: str = "1.1", **kwargs: object) -> go.Requirement:
    """
    A valid requirement with overridable fields.
    """
    fields: dict[str, object] = {"id": rid, "text": "Eis.", "source": "src"}
    fields.update(kwargs)
    return go.Requirement(**fields)  # type: ignore[arg-type]


class TestRequirement:
    def test_ids(self) -> None:
        """
        Area and namespace are derived from the id.
        """
        own = requirement("5.3")
        pack = requirement("zorg:5.8")

        assert ("5", None, "5", "zorg") == (
            own.area_id,
            own.namespace,
            pack.area_id,
            pack.namespace,
        )

    def test_full_text(self) -> None:
        """
        The lead completes a bullet's text.
        """
        assert (
            "De organisatie meet."
            == requirement(lead="De organisatie", text="meet.").full_text
        )

    @pytest.mark.parametrize("rid", ["5", "5.0", "a.1", "5.1.a", "Zorg:5.1", ""])
    def test_bad_id(self, rid: str) -> None:
        """
        Ids must be <area>.<n>, optionally namespaced.
        """
        with pytest.raises(go.ModelError) as info:
            requirement(rid)

        assert f"id: {rid!r} is not a well-formed requirement id" == str(info.value)

    def test_checkpoint_prefix(self) -> None:
        """
        A checkpoint id starts with its requirement's id.
        """
        with pytest.raises(go.ModelError) as info:
            requirement(checkpoints=(go.Checkpoint(id="1.2.a", text="x"),))

        assert (
            "checkpoints[0].id: checkpoint id '1.2.a' does not start with its "
            "requirement id '1.1'"
        ) == str(info.value)

    def test_frozen(self) -> None:
        """
        Model objects cannot be changed, only evolved.
        """
        r = requirement()

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            r.text = "Anders."  # type: ignore[misc]
        assert "Anders." == attrs.evolve(r, text="Anders.").text

    def test_is_a_value_error(self) -> None:
        """
        ModelError is a GoudenoorError and a ValueError.
        """
        with pytest.raises(ValueError, match="must not be empty"):
            requirement(text="  ")


class TestArea:
    def test_requirement_numbered_for_other_area(self) -> None:
        """
        A requirement sits in the area its id names.
        """
        with pytest.raises(go.ModelError) as info:
            go.Area(
                number=2,
                kind="organisation",
                name="Twee",
                points=1,
                requirements=(requirement("1.1"),),
            )

        assert (
            "requirements[0].id: requirement '1.1' is numbered for area '1', "
            "not for area '2'"
        ) == str(info.value)

    def test_negative_points(self) -> None:
        """
        Points are never negative.
        """
        with pytest.raises(go.ModelError) as info:
            go.Area(number=1, kind="result", name="Een", points=-5)

        assert "points: must be a finite number >= 0 (got -5)" == str(info.value)

    def test_unknown_theme(self) -> None:
        """
        A requirement's theme is one of its area's themes.
        """
        with pytest.raises(go.ModelError) as info:
            go.Area(
                number=1,
                kind="organisation",
                name="Een",
                points=1,
                themes=(go.Theme(name="Leren"),),
                requirements=(requirement(theme="Lernen"),),
            )

        assert (
            "requirements[0].theme: unknown theme 'Lernen' (expected one of ['Leren'])"
        ) == str(info.value)


class TestStandardLookups:
    def test_area_by_everything(self, std2012: go.Standard) -> None:
        """
        An area is found by id, number, name and alias, in any case.
        """
        keys: list[str | int] = [
            "5",
            5,
            "Leren & ontwikkelen",
            "LEREN & ONTWIKKELEN",
            " 5 ",
        ]

        assert {"5"} == {std2012.area(k).id for k in keys}

    def test_unknown_area_suggests(self, std2012: go.Standard) -> None:
        """
        A misspelt area name gets suggestions.
        """
        with pytest.raises(go.UnknownAreaError) as info:
            std2012.area("Leren en ontwikkelen")

        assert (
            "unknown area 'Leren en ontwikkelen' in gos-2012; did you mean "
            "'Leren & ontwikkelen'?"
        ) == str(info.value)

    def test_unknown_requirement_is_key_error(self, std2012: go.Standard) -> None:
        """
        An unknown requirement id is a KeyError with suggestions.
        """
        with pytest.raises(KeyError) as info:
            std2012.requirement("5.8")

        assert isinstance(info.value, go.UnknownRequirementError)
        assert str(info.value).startswith("unknown requirement '5.8' in gos-2012")

    def test_requirement(self, std2012: go.Standard) -> None:
        """
        A requirement is found by id and knows its theme.
        """
        assert ("Evalueren", "5") == (
            std2012.requirement("5.3").theme,
            std2012.requirement("5.3").area_id,
        )

    def test_scale_and_scheme_defaults(
        self, std2012: go.Standard, std2016: go.Standard
    ) -> None:
        """
        gos-0-4 is the default scale; niveaus and sterren the default schemes.
        """
        assert ("gos-0-4", 4.0, "niveaus", "sterren") == (
            std2012.scale().id,
            std2012.scale().maximum,
            std2012.recognition_scheme().id,
            std2016.recognition_scheme().id,
        )

    def test_unknown_scale(self, std2012: go.Standard) -> None:
        """
        An unknown scale id is reported with the known ones.
        """
        with pytest.raises(go.UnknownItemError) as info:
            std2012.scale("gos-0-5")

        assert (
            "unknown scale 'gos-0-5' in gos-2012 (expected one of ['gos-0-4', "
            "'conformiteit']); did you mean 'gos-0-4'?"
        ) == str(info.value)

    def test_pickle(self, std2016: go.Standard) -> None:
        """
        A Standard survives pickling (for process pools).
        """
        assert std2016 == pickle.loads(pickle.dumps(std2016))  # noqa: S301

    def test_hashable(self, std2012: go.Standard) -> None:
        """
        Frozen model objects hash by value.
        """
        assert hash(std2012.area("1")) == hash(attrs.evolve(std2012.area("1")))


class TestScale:
    def test_increasing(self) -> None:
        """
        Scale values must strictly increase.
        """
        with pytest.raises(go.ModelError) as info:
            go.Scale(
                id="x",
                name="X",
                levels=(
                    go.ScaleLevel(value=1, label="a"),
                    go.ScaleLevel(value=0, label="b"),
                ),
            )

        assert "levels: values must be strictly increasing (got [1, 0])" == str(
            info.value
        )

    def test_label(self, std2012: go.Standard) -> None:
        """
        Each value has its label.
        """
        assert "grotendeels" == std2012.scale().label(3)


class TestCondition:
    def test_exactly_one_threshold(self) -> None:
        """
        A condition has one threshold.
        """
        with pytest.raises(go.ModelError) as info:
            go.Condition(scope="total", min_points=1, min_fraction=0.5)

        assert (
            "exactly one of min_points, min_fraction, min_fraction_parameter "
            "must be given (got ['min_points', 'min_fraction'])"
        ) == str(info.value)


class TestStandardYear:
    @pytest.mark.parametrize("year", [206, 1899, 3000])
    def test_a_year_outside_oscals_dates_is_refused(self, year: int) -> None:
        std = go.load_standard("gos-2012")
        with pytest.raises(go.ModelError) as info:
            attrs.evolve(std, year=year)
        assert f"year: expected a year from 1900 to 2999, got {year}" == str(info.value)

    def test_the_bounds_are_allowed(self) -> None:
        std = go.load_standard("gos-2012")
        assert [1900, 2999] == [attrs.evolve(std, year=y).year for y in (1900, 2999)]
