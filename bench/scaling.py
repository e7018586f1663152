"""Time per byte on pathological inputs: does checking one input cost time linear in its size?

    .venv/bin/python bench/scaling.py [--sizes 10k,30k,100k,300k,1m] [--families news,apostrophes,...]
                                      [--timeout 120] [--json out.json] [--profile DIR]

For each input family and size the input is generated here (no data files), written to a
temporary file and checked the way ``copydesk check FILE --format json`` checks it: read_inputs
(decoding, HTML extraction) -> ``Desk.check_many`` (analysis and every check) -> the JSON report.
Every case runs in a fresh child process, so one slow case cannot stall the others, the per-case
timeout kills it (reported as "> N s"), and its peak RSS is its own (``os.wait4``'s rusage, model
included). The child loads the desk and checks a short article first, so the time measured is
the check alone, not the model load or lazily loaded knowledge.

Reported per family and size: seconds, microseconds per byte, the ratio of per-byte time to the
``news`` baseline's per-byte time at the same size (ratios, because the machine is shared and
noisy), peak RSS and the JSON report's size. ``--profile DIR`` writes a cProfile file per case.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = "10k,30k,100k,300k,1m"

# News-like paragraphs written for this benchmark (fictional people, places and figures).
NEWS = [
    ("The city council of Northbridge voted on Tuesday to close two branch libraries next spring, "
    "a decision that councillor Maria Okonkwo called “a slow retreat from the neighbourhoods that "
    "need us most.” The closures are expected to save about 1.2 million dollars a year."),
    ("Harbour officials said 340 of the port's 1,150 workers had joined the strike by Wednesday "
    "morning, and that container traffic had fallen by 38% compared with the same week last year."),
    ("“We are not asking for anything unreasonable,” said Tomas Lindqvist, who has driven a crane "
    "at the eastern terminal for 19 years. “We want the shift pattern we were promised in 2021.”"),
    ("The Ministry of Health reported 2,431 new admissions in the week to March 12, up from 2,118 "
    "the week before. Officials said the rise was concentrated in the northern districts."),
    ("Shares in Calloway Foods fell 7.5% in early trading after the company cut its profit forecast "
    "for the second time this year, blaming higher energy costs and a weak pound."),
    ("Police in Eastmere said a 42-year-old man had been arrested on suspicion of fraud after an "
    "investigation into a pension scheme that collected savings from more than 600 retirees."),
    ("The European Central Bank (ECB) left interest rates unchanged on Thursday, but its president "
    "said the bank stood ready to act if inflation, now at 3.1%, did not ease by the summer."),
    ("Rescue teams worked through the night after heavy rain caused a landslide near the village "
    "of Pellworth. Three people were taken to hospital; no one was reported missing."),
    ("In a statement, the World Health Organization (WHO) said the vaccine had been approved for "
    "emergency use in 14 countries, and that a further 9 applications were under review."),
    ("Analysts at Brightwater Capital said the merger would create the country's third-largest "
    "grocer, with about 18% of the market, and warned that regulators were likely to examine it."),
    ("The minister, Daniel Achterberg, told reporters that the government would publish its plan "
    "for rural bus services before the end of the month. He declined to say how much it would cost."),
    ("Of the 250 schools inspected last year, 41 were rated inadequate, according to figures "
    "released by the education watchdog on Monday. Most of them were in coastal towns."),
]

FIRST = ["Al", "Be", "Ca", "Do", "El", "Fa", "Go", "Ha", "Is", "Jo", "Ka", "Lu", "Mi", "No", "Or"]
MIDDLE = ["ber", "dan", "gor", "kel", "mar", "nov", "ran", "sel", "tin", "vok", "wen", "zar"]
LAST = ["ski", "son", "ova", "elli", "ard", "ez", "ani", "berg", "ton", "quist", "ado", "ic"]
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _fill(size: int, piece: Callable[[int], str], sep: str = " ", *, cut: bool = True) -> str:
    """Pieces ``piece(0), piece(1), ...`` joined by ``sep`` until the text is ``size`` long
    (cut to ``size``, or with ``cut=False`` ending after the last whole piece within it)."""
    parts: list[str] = []
    total = 0
    k = 0
    while total < size:
        part = piece(k)
        parts.append(part)
        total += len(part) + len(sep)
        k += 1
    if not cut and len(parts) > 1:
        parts.pop()
    return sep.join(parts)[:size]


def _name(k: int) -> str:
    """The k-th distinct made-up surname (about 2,000 before they repeat with a suffix)."""
    a, b, c = k % len(FIRST), (k // len(FIRST)) % len(MIDDLE), (k // 7) % len(LAST)
    suffix = "" if k < 2000 else UPPER[(k // 2000) % 26].lower() + "a"
    return FIRST[a] + MIDDLE[b] + LAST[c] + suffix


def _acronym(k: int) -> str:
    letters = []
    k += 26 * 26  # three letters at least
    while k:
        k, r = divmod(k, 26)
        letters.append(UPPER[r])
    return "".join(reversed(letters))


def news(size: int) -> str:
    """The baseline: varied news paragraphs, one per line pair, repeated."""
    return _fill(size, lambda k: NEWS[k % len(NEWS)], sep="\n\n")


def one_paragraph(size: int) -> str:
    """The same news text as a single paragraph with no newline."""
    return _fill(size, lambda k: NEWS[k % len(NEWS)], sep=" ")


def apostrophes(size: int) -> str:
    """One run of ’s’s’s… with no space."""
    return ("’s" * (size // 2 + 1))[:size]


def possessives(size: int) -> str:
    """word’s word’s … ("the minister’s aide’s …")."""
    words = ["minister", "council", "union", "port", "city", "bank", "court", "party"]
    return _fill(size, lambda k: words[k % len(words)] + "’s")


def percentages(size: int) -> str:
    """One very long sentence of percentages joined with commas."""
    body = _fill(size - 30, lambda k: f"{(k * 37) % 97}.{k % 10}%", sep=", ")
    return "The shares were " + body + " and 1%."


def punctuation(size: int) -> str:
    """A paragraph of dashes and punctuation, in runs of varied length with spaces between."""
    marks = ["—", "–", "-", "--", "...", "!?", ";", ":", "—————", "- - -", "(", ")", "*"]
    return _fill(size, lambda k: marks[k % len(marks)] * (1 + k % 5))


def quotation_marks(size: int) -> str:
    """Words between quotation marks of every kind, alternating and never quite balanced."""
    marks = ["“", "”", '"', "‘", "’", "«", "»"]
    words = ["yes", "no", "he said", "later", "the plan", "never"]
    return _fill(size, lambda k: marks[k % len(marks)] + words[k % len(words)] + marks[(k * 3) % 7])


def names(size: int) -> str:
    """Many distinct capitalised names, each written twice, one of them with one letter dropped
    (pairwise work in names.inconsistent and name clustering)."""

    def sentence(k: int) -> str:
        name = _name(k)
        slip = name[:-2] + name[-1]
        return f"{name} met {_name(k + 1)} in Port {_name(k + 7)}. Later {slip} said {name} agreed."

    return _fill(size, sentence)


def acronyms(size: int) -> str:
    """Many distinct acronyms, some spelt out, some one letter from another (acronyms.*)."""

    def sentence(k: int) -> str:
        a = _acronym(k)
        words = " ".join(_name(k * 3 + j) for j in range(len(a)))
        other = a[:-1] + UPPER[(UPPER.index(a[-1]) + 1) % 26]
        return f"The {a}, the {words} Agency, said the {other} and the {_acronym(k + 500)} agreed."

    return _fill(size, sentence)


def numbers(size: int) -> str:
    """Many numbers in part-whole shapes (numbers.part-whole, quantities)."""

    def sentence(k: int) -> str:
        whole = 100 + (k * 53) % 9000
        part = (k * 31) % (whole + 50)
        return (
            f"Of the {whole:,} workers, {part:,} voted to strike and {k % 60}% stayed home, "
            f"while {(k * 7) % 55}% of {whole + 10:,} members backed the offer."
        )

    return _fill(size, sentence)


def unknown_words(size: int) -> str:
    """Lower-case words that are not English, each new (spelling suggestions for each)."""
    rng = random.Random(8)
    consonants, vowels = "bcdfghjklmnprstvz", "aeiou"

    def word(_k: int) -> str:
        return "".join(
            rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4))
        )

    return _fill(size, lambda k: word(k) + ("." if k % 12 == 11 else ""))


def html_attributes(size: int) -> str:
    """An article page whose one element carries very many attributes (40,000 at 1 MB)."""
    article = "".join(f"<p>{p}</p>\n" for p in NEWS[:6])
    head = "<html><head><title>Port strike</title></head><body><div "
    tail = f">\n<article><h1>Port strike</h1>\n{article}</article></div></body></html>"
    attrs = _fill(size - len(head) - len(tail), lambda k: f'data-a{k}="v{k % 10}"', cut=False)
    return head + attrs + tail


def html_elements(size: int) -> str:
    """An article page of very many small elements, each with a few attributes."""
    head = "<html><head><title>Port strike</title></head><body><article><h1>Port strike</h1>\n"
    tail = "</article></body></html>"

    def element(k: int) -> str:
        paragraph = NEWS[k % len(NEWS)]
        spans = "".join(
            f'<span class="w{j}" id="s{k}-{j}" data-k="{j}">{word}</span> '
            for j, word in enumerate(paragraph.split()[:8])
        )
        return f'<p class="para" data-n="{k}">{spans}{" ".join(paragraph.split()[8:])}</p>'

    return head + _fill(size - len(head) - len(tail), element, sep="\n", cut=False) + tail


FAMILIES: dict[str, tuple[Callable[[int], str], str]] = {
    "news": (news, ".txt"),
    "one-paragraph": (one_paragraph, ".txt"),
    "apostrophes": (apostrophes, ".txt"),
    "possessives": (possessives, ".txt"),
    "percentages": (percentages, ".txt"),
    "punctuation": (punctuation, ".txt"),
    "quotation-marks": (quotation_marks, ".txt"),
    "names": (names, ".txt"),
    "acronyms": (acronyms, ".txt"),
    "numbers": (numbers, ".txt"),
    "unknown-words": (unknown_words, ".txt"),
    "html-attributes": (html_attributes, ".html"),
    "html-elements": (html_elements, ".html"),
}


def make_input(family: str, size: int) -> tuple[bytes, str]:
    """The input of ``family`` at about ``size`` bytes (UTF-8), and its file suffix."""
    build, suffix = FAMILIES[family]
    text = build(size)
    data = text.encode("utf-8")
    while len(data) > size * 1.02 and len(text) > 1:  # multi-byte characters: trim to size
        text = text[: int(len(text) * size / len(data))]
        data = text.encode("utf-8")
    return data, suffix


def parse_size(value: str) -> int:
    value = value.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    return int(float(value.rstrip("km")) * scale)


def human_size(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1_000} KB"


# ---------------------------------------------------------------------------- the child process


def child(family: str, size: int, profile: str | None) -> int:
    """Check one generated input; print one JSON line with the figures."""
    from copydesk.desk import Desk
    from copydesk.ingest.sources import read_inputs

    data, suffix = make_input(family, size)
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        warm = Path(tmp, "warm.txt")
        warm.write_text("\n\n".join(NEWS), encoding="utf-8")
        path = Path(tmp, f"{family}{suffix}")
        path.write_bytes(data)
        desk = Desk()
        for report in desk.check_many(read_inputs([str(warm)])):
            json.dumps(report.to_dict())
        stages = {"checks": 0.0}
        run = desk.registry.run

        def timed_run(*args, **kwargs):
            started = time.perf_counter()
            try:
                return run(*args, **kwargs)
            finally:
                stages["checks"] += time.perf_counter() - started

        desk.registry.run = timed_run  # type: ignore[method-assign]
        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        started = time.perf_counter()
        items = list(read_inputs([str(path)]))
        read = time.perf_counter()
        reports = list(desk.check_many(items))
        checked = time.perf_counter()
        out = json.dumps([r.to_dict() for r in reports], ensure_ascii=False).encode("utf-8")
        done = time.perf_counter()
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
    report = reports[0]
    print(
        json.dumps(
            {
                "family": family,
                "size": size,
                "bytes": len(data),
                "seconds": done - started,
                "read_s": read - started,
                "analyse_s": checked - read - stages["checks"],
                "checks_s": stages["checks"],
                "json_s": done - checked,
                "report_bytes": len(out),
                "findings": len(report.findings),
                "error": report.error.to_dict() if report.error else None,
            }
        )
    )
    return 0


# --------------------------------------------------------------------------- the parent process


def run_case(family: str, size: int, timeout: float, profile_dir: Path | None) -> dict:
    """Run one case in a child process; its figures, with peak RSS from ``os.wait4``."""
    command = [sys.executable, __file__, "--child", family, str(size)]
    if profile_dir is not None:
        command += ["--profile", str(profile_dir / f"{family}-{size}.prof")]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        started = time.monotonic()
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout + 30:  # model load and warm-up included
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped
        out.seek(0)
        err.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
        stderr = err.read().decode("utf-8", "replace")
    result: dict = {"family": family, "size": size, "peak_rss_mb": round(usage.ru_maxrss / 1024)}
    if timed_out:
        result.update(seconds=None, timed_out=True)
    elif proc.returncode != 0 or not lines:
        result.update(seconds=None, failed=stderr.strip().splitlines()[-1:] or ["no output"])
    else:
        result.update(json.loads(lines[-1]))
        if result["seconds"] > timeout:
            result["timed_out"] = True
    return result


def add_ratios(results: list[dict]) -> None:
    baseline = {
        r["size"]: r["seconds"] / r["bytes"]
        for r in results
        if r["family"] == "news" and r.get("seconds")
    }
    for r in results:
        if r.get("seconds"):
            r["us_per_byte"] = r["seconds"] / r["bytes"] * 1e6
            base = baseline.get(r["size"])
            r["ratio"] = r["seconds"] / r["bytes"] / base if base else None


def table(results: list[dict], timeout: float) -> str:
    rows = [
        "| family | size | seconds | µs/byte | per-byte ratio to news | peak RSS MB | report bytes |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        if r.get("timed_out") or r.get("seconds") is None:
            seconds = f"> {timeout:g} s" if r.get("timed_out") else "failed"
            cells = [seconds, "", "", str(r["peak_rss_mb"]), ""]
        else:
            ratio = r.get("ratio")
            cells = [
                f"{r['seconds']:.2f}",
                f"{r['us_per_byte']:.1f}",
                f"{ratio:.2f}" if ratio else "",
                str(r["peak_rss_mb"]),
                f"{r['report_bytes']:,}",
            ]
        rows.append("| " + " | ".join([r["family"], human_size(r["size"]), *cells]) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated, e.g. 10k,1m")
    parser.add_argument("--families", default=",".join(FAMILIES), help="comma-separated")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per case")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--profile", type=Path, help="a directory for one cProfile file a case")
    parser.add_argument("--child", nargs=2, metavar=("FAMILY", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child[0], int(args.child[1]), str(args.profile) if args.profile else None)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    families = [f.strip() for f in args.families.split(",") if f.strip()]
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        parser.error(f"unknown families {unknown}; known: {', '.join(FAMILIES)}")
    if "news" not in families:
        families.insert(0, "news")  # the baseline of the ratios
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    results = []
    for family in families:
        for size in sizes:
            result = run_case(family, size, args.timeout, args.profile)
            results.append(result)
            shown = "timed out" if result.get("timed_out") else f"{result.get('seconds') or 0:.2f} s"
            print(f"{family:16} {human_size(size):>7}  {shown}  {result['peak_rss_mb']} MB",
                  file=sys.stderr, flush=True)
    add_ratios(results)
    print(table(results, args.timeout))
    if args.json:
        meta = {"date": date.today().isoformat(), "cpus": os.cpu_count(), "timeout": args.timeout}
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
