"""Train, compare and export the models of medsos_cli.understanding (needs the ``train`` extra).

Usage::

    python tools/understanding/train.py            # compare on dev, export, write metrics
    python tools/understanding/train.py --score-test  # also score the test split, once

Approaches compared on the dev split (the test split is only scored with ``--score-test``):

- ``rules``: the hand-written lexicon rules (class and sentiment) or the rulebook's phrase
  lists (reply tone, campaign content), as they were before the models;
- ``nb``: multinomial naive Bayes over the same features;
- ``lr``: multinomial logistic regression over the same features (L2, C picked on dev).

The shipped model per task is the better of ``nb`` and ``lr`` on dev: by macro-F1 for the
weekly report's tasks; for the tasks behind lint rules (reply tone, campaign content) by
recall minus false-alarm share of those rules at their threshold, macro-F1 breaking ties.
The exported model is trained on the train split only. Its temperature (calibration) is
fitted on dev by minimising the log loss; the "tidak yakin" threshold is the lowest top
probability at which the confident dev decisions reach 90 % accuracy.
Everything is seeded and deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, f1_score
from sklearn.naive_bayes import MultinomialNB

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from medsos_cli.understanding.model import MODEL_FILES, training_features  # noqa: E402
from medsos_cli.understanding.rules import classify  # noqa: E402

CORPUS = ROOT / "data" / "understanding" / "corpus.csv"
OUT = ROOT / "src" / "medsos_cli" / "understanding"
METRICS = ROOT / "data" / "understanding" / "metrics.json"
SCALE = 1000
C_GRID = (0.3, 1.0, 3.0, 10.0)
ALPHA_GRID = (0.1, 0.3, 1.0)
TARGET_CONFIDENT_ACCURACY = 0.90

# model file -> tasks: (task name, corpus task, column with the label)
GROUPS = {
    "komentar": (("kelas", "kelas", "label"), ("sentimen", "kelas", "sentiment")),
    "balasan": (("nada", "nada", "label"),),
    "kampanye": (("kampanye", "kampanye", "label"),),
}


def load() -> list[dict[str, str]]:
    """The labelled corpus, one dict per row."""
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rules_baseline(task: str, texts: list[str]) -> list[str]:
    """The project's pre-model decision for each text."""
    if task == "kelas":
        return [classify(t).cls for t in texts]
    if task == "sentimen":
        return [classify(t).sentiment for t in texts]
    from medsos_cli.lint.engine import Linter
    from medsos_cli.lint.rulebooks import load_rulebook

    if task == "nada":
        wanted = {"nada.merendahkan": "merendahkan", "nada.menyalahkan": "menyalahkan",
                  "nada.tawa-sindiran": "menyindir"}
    else:
        wanted = {"netralitas.kampanye": "kampanye", "netralitas.istilah-kampanye": "kampanye",
                  "netralitas.nomor-urut": "kampanye"}
    book = load_rulebook(check_examples=False, use_cache=False)
    linter = Linter([r for r in book if r.id in wanted and r.kind != "classifier"])
    kind = "reply" if task == "nada" else "caption"
    found = [[f.rule for f in linter.lint_text(t, kind=kind).findings] for t in texts]
    default = "baik" if task == "nada" else "netral"
    out = []
    for ids in found:
        labels = [wanted[i] for i in ids if i in wanted]
        out.append(labels[0] if labels else default)
    return out


def linear(model, x) -> np.ndarray:
    """Raw per-class scores of a fitted LR or NB, as the exported weights give them."""
    coef, intercept = coefficients(model)
    return np.asarray(x @ coef.T) + intercept


def coefficients(model) -> tuple[np.ndarray, np.ndarray]:
    """(per-class weights, biases) of a fitted model; a binary LR gets two symmetric rows."""
    if isinstance(model, MultinomialNB):
        return model.feature_log_prob_, model.class_log_prior_
    coef, intercept = model.coef_, model.intercept_
    if coef.shape[0] == 1:
        return np.vstack([-coef[0] / 2, coef[0] / 2]), np.array([-intercept[0] / 2,
                                                                 intercept[0] / 2])
    return coef, intercept


def macro(y: list[str], p: list[str], labels: list[str]) -> float:
    """Macro-averaged F1."""
    return float(f1_score(y, p, labels=labels, average="macro", zero_division=0))


def per_class(y: list[str], p: list[str], labels: list[str]) -> dict[str, float]:
    """F1 of each label, rounded to three places."""
    scores = f1_score(y, p, labels=labels, average=None, zero_division=0)
    return {label: round(float(s), 3) for label, s in zip(labels, scores, strict=True)}


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the log loss of ``logits`` on ``y`` (grid search)."""
    best, best_t = math.inf, 1.0
    for t in np.exp(np.linspace(math.log(0.2), math.log(100.0), 101)):
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(y)), y].mean()
        if loss < best:
            best, best_t = loss, float(t)
    return round(best_t, 4)


def pick_threshold(probs: np.ndarray, y: np.ndarray) -> float:
    """The lowest top probability at which the confident decisions reach 90 % accuracy."""
    top = probs.max(axis=1)
    right = probs.argmax(axis=1) == y
    for t in np.arange(0.30, 0.951, 0.05):
        keep = top >= t
        if keep.sum() and right[keep].mean() >= TARGET_CONFIDENT_ACCURACY:
            return round(float(t), 2)
    return 0.95


# lint rule -> labels it flags (sop/nada.yaml, sop/netralitas.yaml); the rest must stay clean
LINT_FLAGS = {
    "nada": {"nada.terkesan-merendahkan": ("merendahkan", "menyindir", "ketus"),
             "nada.terkesan-menyalahkan": ("menyalahkan",)},
    "kampanye": {"netralitas.terkesan-kampanye": ("kampanye",)},
}
LINT_TARGETS = {"nada": ("merendahkan", "menyalahkan"), "kampanye": ("kampanye",)}
LINT_CLEAN = {"nada": "baik", "kampanye": "netral"}
LINT_THRESHOLD = 0.5  # the threshold of the classifier rules in sop/


def lint_flags(task: str, classes: list[str], probs: np.ndarray, threshold: float) -> np.ndarray:
    """Whether any of the task's lint rules fires on each text at ``threshold``."""
    fired = np.zeros(len(probs), dtype=bool)
    for labels in LINT_FLAGS[task].values():
        cols = [classes.index(label) for label in labels]
        fired |= probs[:, cols].sum(axis=1) >= threshold
    return fired


def lint_score(task: str, model, x, y: list[str]) -> float:
    """Recall minus false-alarm share of the task's lint rules at LINT_THRESHOLD on dev (the
    temperature is fitted first, as for the shipped model)."""
    classes = list(model.classes_)
    logits = linear(model, x)
    temp = fit_temperature(logits, np.array([classes.index(v) for v in y]))
    z = logits / temp
    probs = np.exp(z - z.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    fired = lint_flags(task, classes, probs, LINT_THRESHOLD)
    target = np.array([v in LINT_TARGETS[task] for v in y])
    clean = np.array([v == LINT_CLEAN[task] for v in y])
    return round(float(fired[target].mean() - fired[clean].mean()), 3)


def lint_curve(task: str, classes: list[str], probs: np.ndarray, y: list[str]) -> dict:
    """Recall on the texts a rule must find and false alarms on clean texts, per threshold."""
    target = np.array([v in LINT_TARGETS[task] for v in y])
    clean = np.array([v == LINT_CLEAN[task] for v in y])
    out = {}
    for t in (0.4, 0.5, 0.6, 0.7, 0.8):
        fired = lint_flags(task, classes, probs, t)
        out[f"{t:.1f}"] = {"recall": round(float(fired[target].mean()), 3),
                           "false_alarms": int(fired[clean].sum()), "clean": int(clean.sum())}
    return out


def main() -> None:
    """Compare the approaches on dev, export the shipped models, write the metrics."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--score-test", action="store_true")
    args = parser.parse_args()
    rows = load()
    feats = {row["id"]: training_features(row["text"]) for row in rows}
    metrics: dict[str, dict] = {}
    for group, tasks in GROUPS.items():
        corpus_task = tasks[0][1]
        part = {s: [r for r in rows if r["task"] == corpus_task and r["split"] == s]
                for s in ("train", "dev", "test")}
        if group == "kampanye":
            # citizens' comments and admins' replies are ordinary, non-campaign text too: their
            # seeds (not the variants) join the "netral" side, each in its own split
            for s in part:
                part[s] = part[s] + [dict(r, label="netral") for r in rows
                                     if r["task"] != "kampanye" and r["split"] == s
                                     and r["id"].endswith("-0")]
        vec = DictVectorizer()
        x_train = vec.fit_transform([feats[r["id"]] for r in part["train"]])
        # keep features seen in at least two training texts: smaller, and less memorised
        seen = np.asarray((x_train > 0).sum(axis=0)).ravel() >= 2
        names = [n for n, keep in zip(vec.get_feature_names_out(), seen, strict=True) if keep]
        vec = DictVectorizer().fit([{n: 1.0 for n in names}])
        x = {s: vec.transform([feats[r["id"]] for r in part[s]]) for s in part}
        exported = []
        biases: list[float] = []
        blocks: list[np.ndarray] = []
        for task, _, column in tasks:
            labels = sorted({r[column] for r in part["train"]})
            y = {s: [r[column] for r in part[s]] for s in part}
            report: dict[str, dict] = {}
            base = {s: rules_baseline(task, [r["text"] for r in part[s]]) for s in ("dev",)}
            report["rules"] = {"dev": macro(y["dev"], base["dev"], labels)}
            nb, nb_f1, nb_alpha = None, -1.0, None
            for alpha in ALPHA_GRID:
                model = MultinomialNB(alpha=alpha).fit(x["train"], y["train"])
                f1 = macro(y["dev"], list(model.predict(x["dev"])), labels)
                if f1 > nb_f1 + 1e-9:
                    nb, nb_f1, nb_alpha = model, f1, alpha
            report["nb"] = {"dev": nb_f1, "alpha": nb_alpha}
            best_c, best_f1, best_lr = None, -1.0, None
            for c in C_GRID:
                lr = LogisticRegression(C=c, max_iter=3000, random_state=0)
                lr.fit(x["train"], y["train"])
                f1 = macro(y["dev"], list(lr.predict(x["dev"])), labels)
                if f1 > best_f1 + 1e-9:
                    best_c, best_f1, best_lr = c, f1, lr
            report["lr"] = {"dev": best_f1, "C": best_c}
            chosen = max(("rules", "nb", "lr"), key=lambda k: report[k]["dev"])
            # the better of the two exportable linear models on dev is shipped
            shipped = "nb" if report["nb"]["dev"] > report["lr"]["dev"] else "lr"
            if task in LINT_FLAGS:
                # a lint rule's worth is found problems without false alarms at its threshold
                lint = {k: lint_score(task, m, x["dev"], y["dev"])
                        for k, m in (("nb", nb), ("lr", best_lr))}
                report["nb"]["dev_lint_score"] = lint["nb"]
                report["lr"]["dev_lint_score"] = lint["lr"]
                shipped = max(("lr", "nb"), key=lambda k: (lint[k], report[k]["dev"]))
            lr = nb if shipped == "nb" else best_lr
            classes = list(lr.classes_)
            ydev = np.array([classes.index(v) for v in y["dev"]])
            logits_dev = linear(lr, x["dev"])
            temp = fit_temperature(logits_dev, ydev)
            z = logits_dev / temp
            probs = np.exp(z - z.max(axis=1, keepdims=True))
            probs /= probs.sum(axis=1, keepdims=True)
            threshold = pick_threshold(probs, ydev)
            coef, intercept = coefficients(lr)
            blocks.append(coef.T)
            biases.extend(float(b) for b in intercept)
            exported.append({"name": task, "labels": classes, "temperature": temp,
                             "threshold": threshold})
            dev_pred = list(lr.predict(x["dev"]))
            report["chosen_by_dev"] = chosen
            report["shipped"] = shipped
            report["dev_per_class"] = per_class(y["dev"], dev_pred, classes)
            report["temperature"] = temp
            report["threshold"] = threshold
            if task in LINT_FLAGS:
                report["dev_lint"] = lint_curve(task, classes, probs, y["dev"])
            report["dev_uncertain_share"] = round(float((probs.max(axis=1) < threshold).mean()),
                                                  3)
            if args.score_test:
                test_pred = list(lr.predict(x["test"]))
                base_test = rules_baseline(task, [r["text"] for r in part["test"]])
                report["rules"]["test"] = macro(y["test"], base_test, labels)
                report["nb"]["test"] = macro(y["test"], list(nb.predict(x["test"])), labels)
                report["lr"]["test"] = macro(y["test"], list(best_lr.predict(x["test"])), labels)
                report["test_per_class"] = per_class(y["test"], test_pred, classes)
                report["test_accuracy"] = round(float(np.mean(
                    [a == b for a, b in zip(y["test"], test_pred, strict=True)])), 3)
                zt = linear(lr, x["test"]) / temp
                pt = np.exp(zt - zt.max(axis=1, keepdims=True))
                pt /= pt.sum(axis=1, keepdims=True)
                report["test_uncertain_share"] = round(float((pt.max(axis=1) < threshold).mean()),
                                                       3)
                if task in LINT_FLAGS:
                    report["test_lint"] = lint_curve(task, classes, pt, y["test"])
                report["test_confusion"] = {
                    "labels": classes,
                    "rows": confusion_matrix(y["test"], test_pred, labels=classes).tolist()}
                report["test_size"] = len(y["test"])
            for k in ("rules", "nb", "lr"):
                report[k] = {m: round(v, 3) if isinstance(v, float) else v
                             for m, v in report[k].items()}
            metrics[task] = report
            print(task, json.dumps(report, ensure_ascii=False))
        weights = np.hstack(blocks)
        table = {}
        for name, row in zip(vec.get_feature_names_out(), weights, strict=True):
            ints = [int(round(v * SCALE)) for v in row]
            if any(ints):
                table[name] = ints
        data = {"format": 1, "scale": SCALE, "tasks": exported,
                "bias": [round(b, 4) for b in biases], "weights": dict(sorted(table.items())),
                "trained_on": Counter(r["split"] for r in part["train"])["train"]}
        path = OUT / MODEL_FILES[group]
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
        print(group, path.stat().st_size, "bytes", len(table), "features")
    if args.score_test:
        METRICS.write_text(json.dumps(metrics, ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")


if __name__ == "__main__":
    main()
