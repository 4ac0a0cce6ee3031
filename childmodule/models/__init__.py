from childmodule.models.counters import ChapterView
from childmodule.models.pages import (
    BANDS,
    LIX_TARGETS,
    AgeBandPage,
    ChapterPage,
    ChildHomePage,
    ParentsGuidePage,
)
from childmodule.models.snippets import Character

__all__ = [
    "BANDS",
    "LIX_TARGETS",
    "AgeBandPage",
    "ChapterPage",
    "ChapterView",
    "Character",
    "ChildHomePage",
    "ParentsGuidePage",
]
