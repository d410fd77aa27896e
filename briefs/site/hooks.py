"""MkDocs hooks, listed in mkdocs.yml: the build-time behaviour of the site.

- ``on_files``: briefs with ``draft: true`` are MkDocs drafts (left out of ``build``,
  shown marked as DRAFT by ``serve``).
- ``on_page_markdown``: a brief page opens with its date, categories, regions and
  summary, every value escaped; titles are escaped for the theme's templates.
- ``on_env``: once every page is read, the briefs are collected, newest first.
- ``on_page_context``: the home page lists the latest briefs.
"""

from __future__ import annotations

from typing import Any

from briefs.site import pages

_BRIEFS: list[pages.Entry] = []


def on_files(files: Any, config: Any) -> Any:
    pages.mark_drafts(files)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if pages.is_brief(page):
        page.title = pages.escape(str(page.meta.get("title") or page.title or ""))
        return pages.brief_header(page.meta) + markdown
    return markdown


def on_env(env: Any, config: Any, files: Any) -> Any:
    _BRIEFS[:] = pages.collect(files)
    return env


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if page.file.src_uri == "index.md":
        page.content = (page.content or "") + pages.latest_list(_BRIEFS, page)
    return context
