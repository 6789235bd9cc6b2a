"""Pseudo-localisation (desktop/i18n.py): longer, accented, bracketed texts that keep
everything a program reads in them (placeholders, tags, mnemonics, edges)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop import identifiers
from desktop.i18n import (
    LANGUAGES,
    PSEUDO_LANGUAGE,
    Plural,
    is_pseudo,
    normalize_language,
    pseudo_localize,
    supported_language,
    translator,
)
from desktop.sample import sample_case

ASCII_LETTER = re.compile(r"[A-Za-z]")


def test_a_text_is_accented_padded_and_marked() -> None:
    text = pseudo_localize("Save case")
    assert text.startswith("[") and text.endswith("]")
    assert "·" in text
    assert not ASCII_LETTER.search(text)  # every letter became a look-alike
    assert text[1:10] == "Śáṽé ċáśé"


@pytest.mark.parametrize(
    "source",
    [
        "Save case",
        "What is the problem about?",
        "Apple asks for the serial number first: it tells them the model and the warranty "
        "dates, and whether the device is still covered.",
    ],
)
def test_about_forty_percent_longer(source: str) -> None:
    growth = len(pseudo_localize(source)) / len(source)
    assert 1.35 <= growth <= 1.6, growth


def test_placeholders_survive_and_still_format() -> None:
    text = pseudo_localize("Ended {days} ago on {date:%d %b}; {{not a field}}")
    assert "{days}" in text and "{date:%d %b}" in text and "{{" in text and "}}" in text
    assert "{days}" in text
    assert "3" in pseudo_localize("{count} days left").format(count=3)
    assert re.findall(r"\{\w+\}", pseudo_localize("{a} and {b}")) == ["{a}", "{b}"]


def test_html_tags_and_entities_survive() -> None:
    source = '<p>See <a href="https://example.com/page">the rules</a> &amp; more&nbsp;here</p>'
    text = pseudo_localize(source)
    assert re.findall(r"<[^>]+>", text) == re.findall(r"<[^>]+>", source)
    assert "&amp;" in text and "&nbsp;" in text
    assert text.startswith("<p>[") and text.endswith("]</p>")  # the markers inside the tags


def test_mnemonics_keep_their_key_and_double_ampersands_stay_literal() -> None:
    text = pseudo_localize("&Save && quit")
    assert text.startswith("[&S")  # Alt+S still works
    assert "&&" in text
    assert text.count("&") == 3


def test_edges_whitespace_and_newlines_stay_outside_the_markers() -> None:
    assert pseudo_localize("  Lead in\n").startswith("  [")
    assert pseudo_localize("  Lead in\n").endswith("]\n")
    text = pseudo_localize("First line\nsecond line")
    assert "\n" in text and text.count("[") == 1
    assert pseudo_localize("") == ""
    assert pseudo_localize(" \n") == " \n"
    assert pseudo_localize("<br>") == "<br>"
    assert pseudo_localize("; ") == "; "  # glue between texts: nothing to read
    assert pseudo_localize("{a} · {b}") == "{a} · {b}"


def test_file_patterns_and_printf_placeholders_survive() -> None:
    text = pseudo_localize("Images (*.png *.jpg) and %1 of %n")
    assert "*.png" in text and "*.jpg" in text and "%1" in text and "%n" in text


def test_the_pseudo_translator_handles_every_gettext_call() -> None:
    words = translator(PSEUDO_LANGUAGE)
    assert words("Back").startswith("[")
    assert words.gettext("") == ""
    assert words.ngettext("{count} day", "{count} days", 1).startswith("[{count} ďáý ")
    assert "ďáýś" in words.ngettext("{count} day", "{count} days", 5)
    assert words.pgettext("menu", "File").startswith("[Ƒíļé")
    assert "ďáýś" in words.npgettext("left", "{count} day", "{count} days", 2)
    assert words.number(1234) == "1,234"  # numbers stay English: data, not text
    assert translator("x_pseudo") is words and translator("X-Pseudo") is words
    days = Plural("{count} day", "{count} days")
    assert days.in_language(PSEUDO_LANGUAGE)(2).startswith("[2 ďáýś")


def test_pseudo_is_no_language_a_user_can_choose() -> None:
    assert PSEUDO_LANGUAGE not in LANGUAGES
    assert supported_language(PSEUDO_LANGUAGE) is None
    assert normalize_language(PSEUDO_LANGUAGE) == "en"  # dates and numbers: English
    assert is_pseudo("x-pseudo") and not is_pseudo("en") and not is_pseudo(None)
    assert translator("en")("Back") == "Back"


def test_core_texts_come_out_pseudo_localised() -> None:
    """The identifier checks and the coverage texts take the UI language: pseudo too."""
    from desktop.coverage import coverage_layers, strongest_argument
    from desktop.escalation import recommend

    check = identifiers.check_serial("H7XQ2LM9V", PSEUDO_LANGUAGE)
    assert check.message.startswith("[")
    case = sample_case()
    today = date(2026, 11, 15)
    assert strongest_argument(case, today, PSEUDO_LANGUAGE).startswith("[")
    layers = coverage_layers(case, PSEUDO_LANGUAGE)
    assert layers and all(layer.title.startswith("[") for layer in layers)
    assert all(layer.status_text(today, PSEUDO_LANGUAGE).startswith("[") for layer in layers)
    assert recommend(case, today, PSEUDO_LANGUAGE).headline.startswith("[")
