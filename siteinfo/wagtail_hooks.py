"""A rich text mark for English words in Swedish or Danish text (WCAG 3.1.2: screen readers
then read them in English)."""

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler

ENGLISH = "LANG_EN"


@hooks.register("register_rich_text_features")
def register_english_mark(features):
    control = {"type": ENGLISH, "label": "EN", "description": _("In English (read aloud in English)")}
    features.register_editor_plugin("draftail", "lang-en", draftail_features.InlineStyleFeature(control))
    features.register_converter_rule(
        "contentstate",
        "lang-en",
        {
            "from_database_format": {'span[lang="en"]': InlineStyleElementHandler(ENGLISH)},
            "to_database_format": {"style_map": {ENGLISH: {"element": "span", "props": {"lang": "en"}}}},
        },
    )
