"""LIX against sentences counted by hand."""

import pytest

from childmodule.readability import lix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 16 words, 3 sentences, no word longer than six letters ("längre", "ledsen" have six): 16/3 = 5.3
        ("Mamma och pappa bor inte ihop längre. Det är inte ditt fel! Du får vara ledsen.", 5.3),
        # 10 words, 2 sentences; long: Föräldrarnas, separation, påverkar, barnens, behöver, trygghet,
        # förutsägbarhet = 7: 10/2 + 100*7/10 = 75.0
        ("Föräldrarnas separation påverkar barnens vardag. Barn behöver trygghet och förutsägbarhet!", 75.0),
        # Danish: 11 words, 2 sentences, one long word (forældre): 5.5 + 9.09 = 14.6
        ("Det er ikke din skyld. Begge dine forældre elsker dig stadig.", 14.6),
        # Danish, where a colon ends a sentence too: 6 + 3 + 2 + 5 = 16 words in 4 sentences;
        # long: "Hvornår" (7 letters) and "weekenden" (9): 16/4 + 100*2/16 = 4 + 12.5 = 16.5
        ("Hvornår skal jeg være hos far? Det ved vi: i weekenden. Vi kan snakke om det.", 16.5),
        # A paragraph break ends a sentence: 6 words in 2 sentences, "viktig" has only six letters: 3.0
        ("Du är bra\n\nDu är viktig", 3.0),
    ],
)
def test_lix_matches_hand_counts(text, expected):
    assert lix(text) == pytest.approx(expected, abs=0.05)


def test_no_text_has_no_score():
    assert lix("") is None
    assert lix(" ... ") is None


def test_the_sentences_that_push_the_score_up_are_named():
    from childmodule.readability import hard_sentences

    bureaucratic = (
        "Vårdnadshavarnas gemensamma ansvar för barnets grundläggande behov kvarstår oförändrat oavsett "
        "eventuella förändringar beträffande boendesituationen i samband med separationsprocessen och "
        "därmed sammanhängande administrativa åtgärder"
    )
    text = f"Mamma och pappa bor inte ihop. Det är inte ditt fel. {bureaucratic}. Du får vara ledsen."
    hard = hard_sentences(text, target=25)
    assert [sentence for sentence, _score in hard] == [bureaucratic]
    assert hard_sentences("Du är bra. Du är viktig.", target=25) == []
