"""The keyword texts (package data) cover the grammar, and docs/language.md shows them as they are.

Run this file (``python tests/test_keywords.py``) to rewrite the keyword reference in docs/language.md.
"""

from __future__ import annotations

from pathlib import Path

from planlint.language.keywords import grammar_words, keywords, with_reference

ROOT = Path(__file__).resolve().parent.parent


def test_every_word_of_the_grammar_has_a_text_and_no_text_is_for_a_word_it_lacks() -> None:
    documented = set(keywords())
    assert grammar_words() - documented == set(), "add these keywords to linter/language/keywords.toml"
    assert documented - grammar_words() == set(), "these keywords are no longer in the grammar"
    assert all(entry.text.strip() for entry in keywords().values())


def test_the_keyword_reference_in_the_language_guide_is_up_to_date() -> None:
    document = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    assert with_reference(document) == document, "run: python tests/test_keywords.py"


if __name__ == "__main__":
    from planlint.engine.atomic import write_text_atomic

    LANGUAGE = ROOT / "docs" / "language.md"
    write_text_atomic(LANGUAGE, with_reference(LANGUAGE.read_text(encoding="utf-8")))
    print(f"rewrote the keyword reference in {LANGUAGE.relative_to(ROOT)}")
