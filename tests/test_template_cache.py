"""The compiled-template cache is never read across an edit of the package: a compiled template
depends on the filters' signatures and on words folded in from other files, so the cache's
namespace follows every template file and render.py, not only the template's own source."""

import os

from deadlift_advisor import render

TEMPLATES = os.path.join(os.path.dirname(render.__file__), "templates")


def test_the_cache_namespace_changes_when_any_template_or_render_changes():
    before = render._code_stamp()
    assert render._code_stamp() == before  # stable while nothing changes
    for path in (os.path.join(TEMPLATES, "partials", "words.j2"), render.__file__):
        stat = os.stat(path)
        try:
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
            assert render._code_stamp() != before, path
        finally:
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert render._code_stamp() == before


def test_a_label_is_looked_up_when_the_sheet_is_rendered_not_when_it_is_compiled():
    """Jinja folds filters on constants into the compiled code; the label filter must not be
    folded, or a cached template would keep a label after words.j2 changed."""
    env = render.environment()
    code = env.compile('{{ "each_hand" | label }}', raw=True)
    assert "in each hand" not in code and "each_hand" in code
