"""MkDocs hooks, listed in mkdocs.yml: the build-time behaviour of the site.

- ``on_files``: briefs with ``draft: true`` are MkDocs drafts (left out of ``build``,
  shown marked as DRAFT by ``serve``).
- ``on_page_markdown``: a brief page opens with its date, categories, regions and
  summary, every value escaped.
- ``on_page_content``: every rendered page body is sanitised (``sanitize.clean_html``).
- ``on_env``: once every page is read, the briefs are collected, newest first; then the
  front-matter values the theme prints raw (title, description, tags) are escaped
  (``sanitize.escape_meta``); ``page.title`` reads the escaped title.
- ``on_page_context``: the home page lists the latest briefs.
"""

from __future__ import annotations

from typing import Any

from briefs.site import pages, sanitize

_BRIEFS: list[pages.Entry] = []


def on_files(files: Any, config: Any) -> Any:
    pages.mark_drafts(files)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if pages.is_brief(page):
        return pages.brief_header(page.meta) + markdown
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return sanitize.clean_html(html)


def on_env(env: Any, config: Any, files: Any) -> Any:
    _BRIEFS[:] = pages.collect(files)
    for file in files.documentation_pages():
        if file.page is not None:
            sanitize.escape_meta(file.page)
    return env


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if page.file.src_uri == "index.md":
        page.content = (page.content or "") + pages.latest_list(_BRIEFS, page)
    return context
