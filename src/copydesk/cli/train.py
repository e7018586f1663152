"""``copydesk train``: fit models on the user's own labelled data.

    copydesk train claims DATA [--dev DEV] --out MODEL [--c C] [--min-df N] [--model SPACY]

``train claims`` fits a check-worthiness model (``copydesk.analyse.claim_model``) on labelled
sentences — a TSV like CheckThat!'s ``Sentence_id<TAB>Text<TAB>class_label`` (Yes/No), or any
TSV/CSV with ``text`` and ``label`` columns, or JSONL with ``text`` and ``label`` keys — and
writes it as JSON for ``copydesk check --claims-model MODEL`` and ``Desk(claims_model=...)``.
With ``--dev``, the regularisation strength and the decision threshold are the ones with the
best F1 of the check-worthy class on the dev file (the model is still fitted on DATA only);
without it, C = 1 and the threshold is 0 (even odds). Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from copydesk.errors import UsageError

EXIT_OK = 0


def add_train(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "train", help="train a model on your own labelled data (claims)",
        description="Train a model on your own labelled data.",
    )
    sub = parser.add_subparsers(dest="train_command", metavar="WHAT", required=True)
    claims = sub.add_parser(
        "claims", help="a check-worthiness model from labelled sentences",
        description="Fit a check-worthiness model (logistic regression over word and character "
        "n-grams and copydesk's claim cues) on labelled sentences and write it as JSON for "
        "`copydesk check --claims-model`. DATA: a TSV with a header naming a text column "
        "(Text/text) and a label column (class_label/label; Yes/No, true/false, 1/0), as "
        "CheckThat!'s files, or a CSV with that header, or JSONL with text and label keys.",
    )
    claims.add_argument("data", metavar="DATA", help="labelled sentences to fit the model on")
    claims.add_argument(
        "--dev", metavar="DEV",
        help="labelled sentences to choose C (from " + ", ".join(f"{c:g}" for c in _grid())
        + ") and the threshold on, by F1 of the check-worthy class; never fitted on",
    )
    claims.add_argument("--out", "-o", metavar="MODEL", required=True,
                        help="where to write the model (JSON)")
    claims.add_argument("--c", type=_positive, metavar="C", default=None,
                        help="inverse regularisation strength, instead of choosing it on --dev "
                        "(default: chosen on --dev, else 1)")
    claims.add_argument("--min-df", type=int, default=None, metavar="N",
                        help="keep n-grams seen in at least N training sentences (default 2)")
    claims.add_argument("--model", metavar="NAME",
                        help="the spaCy pipeline that reads the cues (default en_core_web_md); "
                        "use the same one when checking")
    claims.add_argument("--quiet", "-q", action="store_true", help="print only the summary")
    claims.set_defaults(handler=cmd_train_claims)


def _grid() -> tuple[float, ...]:
    from copydesk.analyse.claim_model import C_GRID

    return C_GRID


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number")
    return number


def cmd_train_claims(args: argparse.Namespace, context=None) -> int:
    from copydesk.analyse import claim_model as cm

    say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    train = cm.read_labelled(args.data)
    dev = cm.read_labelled(args.dev) if args.dev else None
    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"--out {str(out)!r} is a directory; give a file name such as "
                         f"{str(out / 'claims-model.json')!r}")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise UsageError("training needs scikit-learn (a copydesk dependency); run "
                         "`make install`") from None
    labels = [g for _, g in train]
    if len(set(labels)) < 2:
        raise UsageError(f"training file {args.data!r}: all {len(labels)} rows are "
                         f"{'check-worthy' if labels[0] else 'not check-worthy'}; training "
                         "needs both")
    from copydesk.analyse.pipeline import Analyser

    started = time.perf_counter()
    analyser = Analyser.load(args.model)
    say(f"reading the cues of {len(train):,} training sentences"
        + (f" and {len(dev):,} dev sentences" if dev else "") + " ...")
    train_sentences = cm.parse_cues(analyser, [t for t, _ in train])
    dev_sentences = cm.parse_cues(analyser, [t for t, _ in dev]) if dev else None
    say(f"  {time.perf_counter() - started:.0f} s")
    cs = [args.c] if args.c else (list(cm.C_GRID) if dev else [cm.DEFAULT_C])
    about = {
        "trained_on": {"file": Path(args.data).name, "rows": len(train), "yes": sum(labels)},
        "settings_chosen_on": ({"file": Path(args.dev).name, "rows": len(dev),
                                "yes": sum(g for _, g in dev)} if dev else None),
        "spacy_model": args.model or "en_core_web_md",
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    models = cm.fit([t for t, _ in train], [cm.row_cues(s) for s in train_sentences], labels,
                    c=cs, min_df=args.min_df or cm.MIN_DF, about=about)
    chosen = models[0]
    if dev:
        gold = [g for _, g in dev]
        chosen, table = cm.choose_on_dev(models, dev_sentences, gold)
        for c, threshold, f1 in table:
            say(f"  C = {c:g}: dev F1 {f1:.3f} at threshold {threshold:+.3f}")
        precision, recall, f1 = cm.f1([cm.best_score(chosen, s) >= chosen.threshold
                                       for s in dev_sentences], gold)
        chosen.about["dev"] = {"precision": round(precision, 4), "recall": round(recall, 4),
                               "f1": round(f1, 4)}
    precision, recall, f1 = cm.f1([cm.best_score(chosen, s) >= chosen.threshold
                                   for s in train_sentences], labels)
    chosen.about["train_in_sample"] = {"precision": round(precision, 4),
                                       "recall": round(recall, 4), "f1": round(f1, 4)}
    chosen.save(out)
    terms = sum(len(b.terms) for b in chosen.blocks.values())
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): C = {chosen.settings['C']:g}, "
          f"threshold {chosen.threshold:+.3f}, {terms:,} n-grams and {len(chosen.cue_weights)} "
          f"cues; F1 train {f1:.3f} (in-sample)"
          + (f", dev {chosen.about['dev']['f1']:.3f} (settings chosen on it)" if dev else "")
          + f"; {time.perf_counter() - started:.0f} s")
    return EXIT_OK
