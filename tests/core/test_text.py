import pytest

from manchette.core.text import (
    ascii_slug,
    excerpt,
    plain_text,
    reading_minutes,
    sentences,
    word_count,
)


def test_word_count_ignores_standalone_punctuation():
    assert word_count("« Maroc Digital 2030 » – une stratégie") == 5


def test_reading_minutes_of_335_words_is_three():
    text = " ".join(["mot"] * 335)
    assert reading_minutes(text, words_per_minute=150) == 3


def test_reading_minutes_rounds_up():
    assert reading_minutes(" ".join(["mot"] * 151), words_per_minute=150) == 2
    assert reading_minutes(" ".join(["mot"] * 150), words_per_minute=150) == 1


def test_reading_minutes_is_never_zero():
    assert reading_minutes("", words_per_minute=150) == 1
    assert reading_minutes("Bref.", words_per_minute=150) == 1


def test_reading_minutes_follows_the_configured_rate():
    text = " ".join(["mot"] * 600)
    assert reading_minutes(text, words_per_minute=200) == 3
    assert reading_minutes(text, words_per_minute=100) == 6


def test_reading_minutes_rejects_a_zero_rate():
    with pytest.raises(ValueError, match="positive"):
        reading_minutes("texte", words_per_minute=0)


def test_reading_minutes_of_the_reference_body_is_three(reference_text):
    lines = reference_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("La ministre"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Laissez-nous"))
    body = " ".join(
        line for line in lines[start:end] if not line.startswith("Lire aussi")
    )
    assert 320 <= word_count(body) <= 340
    assert reading_minutes(body, words_per_minute=150) == 3


def test_excerpt_cuts_at_a_word_boundary_with_an_ellipsis():
    text = "Le président de la Chambre a reçu une délégation venue discuter des échanges économiques et culturels entre les deux pays pendant toute une semaine."
    cut = excerpt(text, length=140)
    assert cut.endswith("…")
    assert len(cut) <= 141
    assert text.startswith(cut[:-1])
    assert not cut[:-1].endswith(" ")
    assert cut[:-1].split()[-1] in text.split()


def test_excerpt_keeps_short_text_whole():
    assert excerpt("Court et net.", length=140) == "Court et net."


def test_excerpt_cuts_a_single_long_word():
    cut = excerpt("a" * 300, length=140)
    assert cut == "a" * 140 + "…"


def test_sentences_splits_on_final_punctuation_before_a_capital():
    assert sentences("Première phrase. Deuxième ? Oui ! Fin…") == [
        "Première phrase.",
        "Deuxième ?",
        "Oui !",
        "Fin…",
    ]


def test_sentences_keeps_abbreviated_numbers_together():
    assert sentences("Le taux est de 3.5 pour cent. Il baisse.") == [
        "Le taux est de 3.5 pour cent.",
        "Il baisse.",
    ]


def test_plain_text_strips_tags_and_entities():
    assert plain_text("<p>Un&nbsp;<b>mot</b> &amp; l’autre</p>") == "Un mot & l’autre"


def test_ascii_slug_drops_accents():
    assert ascii_slug("Économie : l’été à Fès") == "economie-l-ete-a-fes"


def test_unique_slug_takes_the_first_free_number():
    from manchette.core.text import unique_slug

    assert unique_slug("eau", set()) == "eau"
    assert unique_slug("eau", {"eau", "eau-2", "eau-4"}) == "eau-3"


def test_normalize_arabic_folds_marks_and_letter_variants():
    from manchette.core.text import normalize_arabic

    assert normalize_arabic("الرقميّة") == normalize_arabic("الرقمية")
    assert normalize_arabic("إقتصاد") == normalize_arabic("اقتصاد") == "اقتصاد"
    assert normalize_arabic("أآإٱ") == "اااا"
    assert normalize_arabic("مـــدرسة") == normalize_arabic("مدرسه") == "مدرسة"
    assert normalize_arabic("على") == "علي"
    assert normalize_arabic("Économie") == "Économie"


def test_slug_for_keeps_arabic_and_makes_other_titles_ascii():
    from manchette.core.text import slug_for

    assert slug_for("سِياسة المغرب") == "سياسة-المغرب"
    assert slug_for("L’économie à Fès") == "l-economie-a-fes"
    assert slug_for("Rabat’s tram") == "rabat-s-tram"
