"""What supervision costs: ``Supervisor`` (a worker process, per-input budgets) against the
in-process ``Desk.check_many`` (batches of 16), on the same articles and the same loaded desk.

    .venv/bin/python bench/isolation.py [--articles 100] [--rounds 2]

The articles are written here (news-like prose of 500-1,100 words with names, quotes, figures and
dates; deterministic), to a temporary directory, and read back with ``read_inputs`` as
``copydesk check DIR`` reads them. One process: the desk is loaded and warmed once; then the
three ways alternate ``--rounds`` times and the best time of each is kept (the machine is shared):

- ``in-process``: ``Desk.check_many(read_inputs(...))``, batches of 16, as ``--no-isolation``;
- ``in-process, one at a time``: ``Desk.check_many`` of one article at a time (what the worker
  does), to separate the cost of giving up batches from the cost of the process boundary;
- ``supervised``: ``Supervisor(desk, Budget()).check_many(read_inputs(...))``, the CLI's default.

Each report is serialised to JSON in all three. Wall time and CPU time (this process plus its
reaped workers: the CPU figure is the one a busy machine disturbs least). Also measured: the time to start a worker
(fork) and have it check one short article, against the same article in-process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PEOPLE = ["Maria Okonkwo", "Tomasz Wierzbicki", "Helen Castellano", "Rajiv Menon",
          "Ingrid Halvorsen", "Samuel Adeyemi", "Claire Dubois", "Kenji Watanabe", "Fatima Haddad",
          "Oliver Brennan", "Lucia Ferreira", "Daniel Kowalski", "Amira Nasser",
          "Patrick O'Donnell", "Yuki Tanaka"]
ORGS = ["the Port Authority", "the Ministry of Transport", "Northfield Council",
        "the Dockworkers' Union", "Halden Energy", "the Regional Health Board", "the Treasury",
        "Brightwater Water Company", "the European Commission", "the Teachers' Federation",
        "Westhaven University", "the Central Bank"]
PLACES = ["Westhaven", "Northfield", "Carrow Bay", "Eastmoor", "Lindale", "Port Ellis",
          "Kingsbridge"]
TOPICS = ["strike", "budget", "flood defences", "hospital waiting lists", "rail timetable",
          "school funding", "housing plan", "interest rates", "wind farm", "bus fares",
          "water bills", "library closures"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
VERBS = ["said", "told reporters", "warned", "added", "insisted", "argued", "claimed"]


def sentence(r: random.Random) -> str:
    p, q = r.sample(PEOPLE, 2)
    o, o2 = r.sample(ORGS, 2)
    pl, t, v = r.choice(PLACES), r.choice(TOPICS), r.choice(VERBS)
    n, pct, d, m = r.randint(2, 950), r.randint(2, 80), r.choice(DAYS), r.choice(MONTHS)
    y = r.randint(2015, 2024)
    return r.choice([
        (f"{p}, a spokesperson for {o}, {v} that the {t} would cost about £{n} million over "
        f"{r.randint(2, 10)} years."),
        (f"“We cannot keep asking families in {pl} to wait,” {p} {v}. “The figures are clear "
        f"and the time for studies is over.”"),
        (f"According to {o}, {pct}% of residents in {pl} were affected by the {t} last year, up "
        f"from {max(1, pct - r.randint(1, 9))}% in {y}."),
        (f"The decision was announced on {d}, {m} {r.randint(1, 28)}, {y}, after weeks of talks "
        f"between {o} and {o2}."),
        f"{q} disputed that account, saying the plan had been drawn up without consulting {o2}.",
        (f"Officials said {n} people had signed a petition calling for the {t} to be reviewed "
        f"before the end of {m}."),
        (f"Critics of the {t} point out that {o} has missed its own targets in each of the past "
        f"{r.randint(2, 6)} years."),
        (f"In {pl}, where unemployment stands at {r.randint(3, 12)}.{r.randint(0, 9)} per cent, "
        f"the mood on the high street was cautious."),
        f"{p} told the BBC that the {t} was “a test of whether {o} means what it says”.",
        f"The last time {o} faced a vote of this kind, in {y}, it lost by {r.randint(2, 40)} votes.",
        (f"A report by {o2} published in {m} found that the {t} had cut costs by {pct}% but left "
        f"{n} households worse off."),
        (f"Asked whether the timetable could slip, {q} said: “Nothing is certain, but we expect "
        f"to finish by {m}.”"),
        (f"The opposition leader, {p}, called the {t} “a mess of the government's own making” "
        f"and demanded a statement in parliament."),
        (f"Figures released on {d} showed that {n} jobs had been created in {pl} since {y}, most "
        f"of them part-time."),
    ])


def article(r: random.Random) -> str:
    org = r.choice(ORGS).removeprefix("the ")
    headline = f"{r.choice(PLACES)} {r.choice(TOPICS)}: {org} under pressure as talks continue"
    words, paragraphs, count = r.randint(500, 1100), [], 0
    while count < words:
        paragraph = " ".join(sentence(r) for _ in range(r.randint(1, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    dateline = f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2018, 2024)}"
    return headline + "\n\n" + dateline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(directory: Path, count: int) -> tuple[list[str], int]:
    r = random.Random(8)
    paths, words = [], 0
    for k in range(count):
        text = article(r)
        words += len(text.split())
        path = directory / f"article-{k:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths, words


def cpu_seconds() -> float:
    """CPU time of this process and of its reaped children (the workers), user and system."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(reports) -> tuple[float, float]:
    """Wall and CPU seconds to exhaust ``reports`` (a supervisor's worker is reaped by then)."""
    started, cpu = time.perf_counter(), cpu_seconds()
    for report in reports:
        json.dumps(report.to_dict())
        assert report.error is None, report.error
    return time.perf_counter() - started, cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    from copydesk.desk import Desk
    from copydesk.desk.supervise import WARM_UP_TEXT, Budget, Supervisor
    from copydesk.ingest.sources import read_inputs

    with tempfile.TemporaryDirectory(prefix="copydesk-isolation-") as tmp:
        paths, words = write_articles(Path(tmp), args.articles)
        desk = Desk()
        desk.check_text(WARM_UP_TEXT)
        run(desk.check_many(read_inputs(paths[:10])))  # warm

        def one_at_a_time():
            for item in read_inputs(paths):
                yield from desk.check_many([item])

        def supervised():
            with Supervisor(desk, Budget()) as supervisor:
                yield from supervisor.check_many(read_inputs(paths))

        ways = {
            "in-process (batches of 16)": lambda: desk.check_many(read_inputs(paths)),
            "in-process, one at a time": one_at_a_time,
            "supervised (worker, default budget)": supervised,
        }
        times: dict[str, list[float]] = {name: [] for name in ways}
        cpus: dict[str, list[float]] = {name: [] for name in ways}
        for _ in range(args.rounds):
            for name, way in ways.items():
                wall, cpu = run(way())
                times[name].append(wall)
                cpus[name].append(cpu)
                print(f"  {name}: {wall:.1f} s, {cpu:.1f} s CPU", file=sys.stderr)

        short = "Council vote\n\nThe council met on Tuesday, Maria Okonkwo said.\n"
        started = time.perf_counter()
        for _ in range(5):
            desk.check_text(short)
        in_process = (time.perf_counter() - started) / 5
        started = time.perf_counter()
        for _ in range(5):
            with Supervisor(desk, Budget(), warm_up=False) as supervisor:
                from copydesk.ingest.text import parse_text

                supervisor.check_article(parse_text(short))
        fresh = (time.perf_counter() - started) / 5

    base = min(times["in-process (batches of 16)"])
    base_cpu = min(cpus["in-process (batches of 16)"])
    print(f"{args.articles} articles, {words} words; best of {args.rounds} rounds")
    print("| way | wall time (runs) | articles/s | wall / in-process | CPU time (runs) | "
          "CPU / in-process |")
    print("|---|---|---|---|---|---|")
    for name, values in times.items():
        best, best_cpu = min(values), min(cpus[name])
        runs = ", ".join(f"{v:.1f}" for v in values)
        cpu_runs = ", ".join(f"{v:.1f}" for v in cpus[name])
        print(f"| {name} | {best:.1f} s ({runs}) | {args.articles / best:.1f} | "
              f"{best / base:.2f} | {best_cpu:.1f} s ({cpu_runs}) | {best_cpu / base_cpu:.2f} |")
    print(f"one short article: {in_process * 1000:.0f} ms in-process, {fresh * 1000:.0f} ms in a "
          f"freshly started worker (start-up {(fresh - in_process) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
