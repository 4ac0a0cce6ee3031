from modules.models.pages import CourseHomePage, LessonPage, ModulePage, ThemePage, safety_module
from modules.models.review_task import FourEyesApprovalTask
from modules.models.snippets import Dilemma, DilemmaOption, Source, Story

__all__ = [
    "CourseHomePage",
    "Dilemma",
    "DilemmaOption",
    "FourEyesApprovalTask",
    "LessonPage",
    "ModulePage",
    "Source",
    "Story",
    "ThemePage",
    "safety_module",
]
