"""The demo help lines: Sweden's in Swedish and English, Denmark's in Danish and English."""

from pathlib import Path

from modules.demo_loader import DemoLoader, load_toml
from safety.models import HelpLine

DEMO_DIR = Path(__file__).resolve().parent / "demo"
COUNTRY_LANGUAGES = {"SE": ("sv", "en"), "DK": ("da", "en")}


class HelpLineLoader(DemoLoader):
    def load(self):
        for item in load_toml("help_lines.toml", DEMO_DIR)["line"]:
            self.languages = COUNTRY_LANGUAGES[item["country"]]
            self.use_locales()
            self.snippet(HelpLine, "helpline", item["key"], lambda code, item=item: self.line(item, code))
        self.log(f"Help lines: {self.created} created.")

    @staticmethod
    def line(item, code):
        return HelpLine(
            title=item["title"][code],
            country=item["country"],
            audience=item["audience"],
            sort_order=item["order"],
            phone=item["phone"],
            web_address=item["web"],
            description=item["description"][code],
            child_text=item.get("child_text", {}).get(code, ""),
            hours=item.get("hours", {}).get(code, ""),
            last_verified=item.get("verified"),
            verified_at=item["source"],
        )
