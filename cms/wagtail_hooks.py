"""Our Wagtail hooks: a workaround for a Wagtail 8.0.1 bug (searching images or documents while filtering
by usage count is a 500), and the account page's link to two-factor settings.

The image and document listings (/admin/images/, /admin/documents/) have a "Usage count"
range filter, `BaseMediaFilterSet.usage_count` (wagtail/admin/filters.py, line 272). It filters
on an annotation, `ReferenceIndex.usage_count_subquery()`, which is a
`Coalesce(Subquery(...), 0)` (wagtail/models/reference_index.py, line 703). The generic
`IndexView.get_queryset()` filters first and searches after (wagtail/admin/views/generic/base.py,
lines 403-404). So with `?q=...&usage_count_min=...` (or `usage_count_max`) the search backend
gets a queryset whose WHERE clause has `Coalesce(...) >= n`. django-modelsearch checks every
filter of that queryset and assumes the left side is a model column
(`column.target.attname`, modelsearch/backends/base.py, line 320, modelsearch 1.3.2), so it
raises `AttributeError: 'Coalesce' object has no attribute 'target'`. That happens with every
search backend (database on SQLite or PostgreSQL, Elasticsearch), whether or not
`update_index` has run. The choosers, the page search and the snippet search have no usage count
filter and are not affected.

Wagtail already works around the same limitation for the tag filter (issue #9160, limitation
#6616): `RelatedFilterMixin(use_subquery=is_searching)` turns the filter into a filter on the
primary keys of the matching objects, which the search backend accepts (`id` is a FilterField
of both models). We give the usage count filter the same treatment. The patch is skipped
once Wagtail's own filter is no longer a plain `RangeFilter`, i.e. once Wagtail fixes it.
Loaded by Wagtail with every app's `wagtail_hooks` module, before any admin view runs.
"""

import django_filters
from wagtail import hooks
from wagtail.admin.filters import BaseMediaFilterSet, RelatedFilterMixin

from cms.accounts import two_factor_menu_item


class UsageCountFilter(RelatedFilterMixin, django_filters.RangeFilter):
    """The usage count range filter; while searching, it filters on the matching primary keys."""


def _search_safe_usage_count(init):
    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, is_searching=None):
        init(self, data, queryset, request=request, prefix=prefix, is_searching=is_searching)
        original = self.filters.get("usage_count")
        if type(original) is not django_filters.RangeFilter:
            return  # no usage count filter, or no longer Wagtail's plain one
        replacement = UsageCountFilter(
            field_name=original.field_name,
            label=original._label,
            use_subquery=bool(is_searching),
            **original.extra,
        )
        replacement.model = original.model
        replacement.parent = self
        self.filters["usage_count"] = replacement

    __init__.samspel_usage_count_workaround = True
    return __init__


if not getattr(BaseMediaFilterSet.__init__, "samspel_usage_count_workaround", False):
    BaseMediaFilterSet.__init__ = _search_safe_usage_count(BaseMediaFilterSet.__init__)


# The account page (/admin/account/) links to the staff member's two-factor settings.
hooks.register("register_account_menu_item", two_factor_menu_item)
