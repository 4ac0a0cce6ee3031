"""The live structure of one course, read in a fixed number of queries.

Pages in the parents' course always sit at fixed distances from their course
home (home → theme → module → lesson), so a page's home is found from its tree
path, and the whole outline is three queries whatever the course's size.
"""

from dataclasses import dataclass, field

from django.apps import apps
from wagtail.models import Page

from modules.page_cache import memo

LEVELS = {"coursehomepage": 0, "themepage": 1, "modulepage": 2, "lessonpage": 3}


@dataclass
class ModuleNode:
    page: object
    theme: object
    lessons: list = field(default_factory=list)

    @property
    def id(self):
        return self.page.id


@dataclass
class ThemeNode:
    page: object
    modules: list = field(default_factory=list)


class CourseOutline:
    def __init__(self, home_path, themes, modules, lessons):
        self.home_path = home_path
        self.themes = themes
        self.modules = modules
        self.lessons = lessons
        self._lesson_index = {lesson.id: i for i, lesson in enumerate(lessons)}
        self._module_of_lesson = {lesson.id: node for node in modules for lesson in node.lessons}
        self._module_by_id = {node.id: node for node in modules}

    @classmethod
    def for_page(cls, page):
        level = LEVELS[page.specific_class._meta.model_name]
        home_depth = page.depth - level
        return cls.for_home_path(page.path[: Page.steplen * home_depth], home_depth)

    @classmethod
    def for_home(cls, home):
        return cls.for_home_path(home.path, home.depth)

    @classmethod
    def for_home_path(cls, home_path, home_depth):
        """Read once per process until the next publish (see `modules.page_cache.memo`)."""
        return memo(("outline", home_path), lambda: cls.read(home_path, home_depth))

    @classmethod
    def read(cls, home_path, home_depth):
        def live(model_name, depth, *fields):
            model = apps.get_model("modules", model_name)
            return list(
                model.objects.live()
                .filter(path__startswith=home_path, depth=depth)
                .only("id", "title", "slug", "path", "depth", "url_path", "locale_id", "translation_key", *fields)
                .order_by("path")
            )

        themes = [ThemeNode(page) for page in live("ThemePage", home_depth + 1, "intro")]
        theme_by_path = {node.page.path: node for node in themes}
        modules = []
        for page in live("ModulePage", home_depth + 2, "summary", "minutes", "icon"):
            theme = theme_by_path.get(page.path[: -Page.steplen])
            if theme:
                node = ModuleNode(page, theme.page)
                theme.modules.append(node)
                modules.append(node)
        module_by_path = {node.page.path: node for node in modules}
        lessons = []
        for page in live("LessonPage", home_depth + 3, "intro"):
            module = module_by_path.get(page.path[: -Page.steplen])
            if module:
                module.lessons.append(page)
                lessons.append(page)
        return cls(home_path, themes, modules, lessons)

    def within(self, path):
        """The part of the course under one theme or module (given by its tree path)."""
        modules = [node for node in self.modules if node.page.path.startswith(path)]
        themes = [node for node in self.themes if any(m.theme.id == node.page.id for m in modules)]
        return CourseOutline(self.home_path, themes, modules, [lesson for node in modules for lesson in node.lessons])

    def module_of(self, lesson_id):
        return self._module_of_lesson.get(lesson_id)

    def module(self, module_id):
        return self._module_by_id.get(module_id)

    def next_lesson(self, lesson_id):
        index = self._lesson_index.get(lesson_id)
        if index is None or index + 1 >= len(self.lessons):
            return None
        return self.lessons[index + 1]

    def previous_lesson(self, lesson_id):
        index = self._lesson_index.get(lesson_id)
        if not index:
            return None
        return self.lessons[index - 1]
