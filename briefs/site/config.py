"""The site's MkDocs config, checked before anything is converted or built.

MkDocs validates mkdocs.yml only when it builds, and ``briefs build`` builds after
convert has written the briefs: ``docs_dir: 5`` had the briefs written into ``5/briefs/``
before the build failed. ``site_config`` loads mkdocs.yml as the build does (theme,
plugins, hooks, ``site_url``...), so a config the build would refuse stops ``convert``,
``build``, ``serve``, ``remove`` and ``keep`` before they write anything, and ``check``
reports it the same way (exit 2). It also refuses
what MkDocs accepts but this tool must not do: a ``docs_dir`` outside the project folder
(convert would write briefs and its lock there), and ``hooks`` that leave out this
package's ``hooks.py``: the hooks keep drafts off the site and sanitise every page, so a
site built without them published drafts and raw ``<script>`` with exit 0.

``check_docs_dir`` refuses a docs folder that briefs must not be written into, from
``--docs`` or ``docs_dir``: outside the project or the project folder itself (``--docs .``
wrote ``briefs/`` and the lock into the project's top), the seeds folder (``--docs seeds``
wrote a brief into ``seeds/briefs/``, which every later run rejected as a seed),
``.git``, ``.briefs``, the site folder (the next build deleted what was written there),
a folder inside one of them or one that holds one.

``check_site_dir`` refuses a site folder a build must not replace (the site is built
aside and swapped in, and what was there is deleted): the project folder or a folder
that holds it, the docs, seeds, ``.git`` or ``.briefs`` folders, a folder inside one of
them, and any folder that is not empty and is no site a build made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from briefs.errors import ConfigError
from briefs.site.build import load, refuse_unless_replaceable

HOOKS = Path(__file__).resolve().with_name("hooks.py")

def site_config(config_file: Path, root: Path, **overrides: Any) -> Any:
    """The validated MkDocs config of the project at ``root``."""
    config = load(config_file, **overrides)
    inside_project(Path(config.docs_dir), root, config_file.name, "docs_dir")
    _with_site_hooks(config_file, config)
    return config


def _with_site_hooks(config_file: Path, config: Any) -> None:
    """Refuse a config whose ``hooks`` do not include this package's ``hooks.py``, by
    resolved path (a copy elsewhere would not be the code this package runs and tests)."""
    listed = {Path(module.__file__).resolve() for module in config.hooks.values()
              if getattr(module, "__file__", None)}
    if HOOKS not in listed:
        raise ConfigError(config_file.name, f"must list {HOOKS}, which keeps drafts off the "
                          "site and sanitises every page; nothing written", field="hooks")


def inside_project(folder: Path, root: Path, shown: str, field: str | None = None) -> None:
    """Refuse ``folder`` (named in the message as ``shown``, and ``field``) unless it is
    inside ``root`` (links followed): what is written there is the project's, seeds and
    briefs are named from it, and ``..`` or an absolute path leads elsewhere."""
    inside = folder.resolve()
    if inside == root.resolve() or not inside.is_relative_to(root.resolve()):
        raise ConfigError(shown, f"must be a folder inside the project folder, "
                          f"got {folder.as_posix()!r}; nothing written", field=field)


def check_docs_dir(docs: Path, root: Path, kept: Mapping[str, Path], shown: str,
                   field: str | None = None) -> None:
    """Refuse ``docs`` (named in the message as ``shown``, and ``field``) unless it is a
    folder inside the project folder that neither is, holds nor lies inside one of the
    ``kept`` folders (by what each is: "the seed folder", ".git"...)."""
    inside_project(docs, root, shown, field)
    target = docs.resolve()  # a link to seeds/ is seeds/
    given = _show(docs, root)
    for what, folder in kept.items():
        keep = folder.resolve()
        if keep.is_relative_to(target) or target.is_relative_to(keep):
            where = "is" if keep == target else "holds" if keep.is_relative_to(target) \
                else "is inside"
            raise ConfigError(shown, f"{given!r} {where} {what} ({_show(folder, root)}/), "
                              "where no brief may be written; choose another docs folder; "
                              "nothing written", field=field)


def check_site_dir(site_dir: Path, root: Path, kept: Iterable[Path], shown: str) -> None:
    """Refuse ``site_dir`` (shown to the user as ``shown``) when building there would
    delete the project or any of the ``kept`` folders, or a folder that is no site."""
    target = site_dir.resolve()  # a link to docs/ is docs/
    home = root.resolve()
    if target == home or home.is_relative_to(target):
        raise ConfigError(shown, "would replace the project folder with the site; choose "
                          "another site folder; nothing written")
    for folder in kept:
        keep = folder.resolve()
        if keep.is_relative_to(target) or target.is_relative_to(keep):
            where = "is or holds" if keep.is_relative_to(target) else "is inside"
            raise ConfigError(shown, f"{where} {_show(folder, root)}/, which the site must "
                              "not replace; choose another site folder; nothing written")
    refuse_unless_replaceable(target, shown)


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
