"""Editors open the page explorer at the course home of their own admin language.

Wagtail starts the explorer at the closest common ancestor of the pages a user may edit: for our
editors, who work in every language, that is the tree's root, under Wagtail's banner "pages created
here will not be accessible". The "Pages" menu item opens the course home of the editor's language
instead (or of the site's language), when the editor may explore it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from modules.models import CourseHomePage


def course_home_for(user):
    """The course home in the active (admin) language, else the site's language, that `user` may explore."""
    explorable = PagePermissionPolicy().explorable_instances(user)
    homes = CourseHomePage.objects.filter(pk__in=explorable.values("pk")).select_related("locale")
    by_language = {home.locale.language_code: home for home in homes}
    return by_language.get(translation.get_language()) or by_language.get(settings.LANGUAGE_CODE)


class CourseHomeExplorerMenuItem(ExplorerMenuItem):
    def render_component(self, request):
        home = course_home_for(request.user)
        if home is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=[home.id]),
            home.id,
            icon_name=self.icon_name,
            classname=self.classname,
        )


def start_at_course_home(request, menu_items):
    """`construct_main_menu` hook: the "Pages" item opens the editor's course home."""
    for index, item in enumerate(menu_items):
        if item.name == "explorer" and type(item) is ExplorerMenuItem:
            menu_items[index] = CourseHomeExplorerMenuItem(
                item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
            )
