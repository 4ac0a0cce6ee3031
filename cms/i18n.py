"""A string missing from a language's catalogue shows in English, never in Swedish.

Django falls back to the default language (LANGUAGE_CODE, here Swedish) for any msgid that a
catalogue lacks (`DjangoTranslation._add_fallback`). Wagtail's Danish catalogue has gaps, so the
Danish admin showed "Expandera alla", "Visa historik" or "Sätt schema". Without that fallback a
missing string shows as its msgid, which is English: the language every Dane on staff reads,
and what Wagtail itself shows where it has no translation. Our own catalogues are complete
(tests/cms/test_i18n.py), so participants never meet the fallback either way.
"""

from django.utils.translation import trans_real


def _no_default_language_fallback(self, localedirs=None):
    """Instead of DjangoTranslation._add_fallback: add no fallback catalogue at all."""


def use_english_fallback():
    trans_real.DjangoTranslation._add_fallback = _no_default_language_fallback
    trans_real._translations = {}  # catalogues loaded before this (none, normally) are rebuilt
