"""LIX, the readability measure used in Sweden and Denmark.

LIX = words per sentence + percentage of long words (more than six letters).
A sentence ends at a full stop, question mark, exclamation mark or colon, or
at the end of a paragraph; a word is a run of letters (digits count too).
"""

import re

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+|\n\s*\n")
LONG_WORD = 6


def sentences(text):
    """The text's sentences, as LIX counts them."""
    return [part.strip() for part in SENTENCE_END.split(text) if WORD.search(part)]


def hard_sentences(text, target, limit=3):
    """The sentences that raise the score most: [(sentence, its own LIX)], hardest first, above `target` only."""
    scored = [(sentence, lix(sentence)) for sentence in sentences(text)]
    above = [(sentence, score) for sentence, score in scored if target is not None and score > target]
    return sorted(above, key=lambda pair: -pair[1])[:limit]


def lix(text):
    """The LIX score of a text, or None when there is no text."""
    words = WORD.findall(text)
    if not words:
        return None
    sentences = [part for part in SENTENCE_END.split(text) if WORD.search(part)]
    long_words = sum(1 for word in words if len(word.replace("-", "").replace("'", "").replace("’", "")) > LONG_WORD)
    return round(len(words) / max(len(sentences), 1) + 100 * long_words / len(words), 1)
