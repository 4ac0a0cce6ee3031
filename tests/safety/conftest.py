from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def lines(db):
    """The demo help lines of Sweden and Denmark."""
    call_command("load_demo_help_lines", stdout=StringIO())
