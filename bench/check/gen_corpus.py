#!/usr/bin/env python3
"""Generate a deterministic corpus of realistic typed Python for `molt check`.

Part of the type-checking throughput benchmark (bench/check/run.sh). The
corpus is written in Molt's verified subset: fully annotated signatures,
inferred locals, classes with fields and single inheritance, exception
classes, Optional narrowing, comprehensions, f-strings, dict/list/set work and
calls between the functions of each file. Files are self-contained (no
imports between them), between roughly 300 and 800 lines long, and each one
runs under CPython: importing it only defines things, running it as a script
exercises every generated function and prints a short report.

The same seed and line count always produce byte-identical output.

Usage: gen_corpus.py OUT_DIR [--lines N] [--seed S] [--verify K]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys

NOUNS = [
    "order", "invoice", "sensor", "reading", "account", "shipment", "ticket",
    "device", "route", "station", "patient", "visit", "course", "student",
    "booking", "room", "article", "author", "track", "album", "parcel",
    "vehicle", "driver", "claim", "policy", "task", "project", "sample",
    "batch", "recipe", "ingredient", "meter", "tariff", "lease", "tenant",
    "asset", "trade", "quote", "campaign", "lead", "job", "worker", "alert",
    "incident", "release", "build", "module", "package", "flight", "seat",
    "crate", "pallet", "contract", "vendor", "review", "product", "coupon",
    "basket", "session", "request", "channel", "message", "report", "metric",
]
NUMERIC = [
    "weight", "price", "score", "amount", "rate", "volume", "distance",
    "duration", "cost", "ratio", "level", "load", "margin", "budget",
    "capacity", "speed", "energy", "balance", "quality", "latency",
]
COUNTS = ["count", "retries", "visits", "units", "hits", "errors", "stock", "rank"]
FLAGS = ["active", "enabled", "open", "valid", "urgent", "archived", "verified"]
TAGS = ["tags", "labels", "notes", "keywords", "categories"]
KEYS = ["north", "south", "east", "west", "core", "edge", "alpha", "beta", "gamma"]
WORDS = [
    "fast", "slow", "red", "blue", "green", "big", "small", "new", "old",
    "prime", "basic", "extra", "local", "remote", "cold", "warm",
]
PREFIXES = ["Priority", "Bulk", "Express", "Legacy", "Premium", "Shared", "Managed"]
EXTRAS = ["bonus", "surcharge", "tier", "penalty", "boost", "quota"]


def camel(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))


class Writer:
    """Accumulates source lines with indentation."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def line(self, text: str = "") -> None:
        self.lines.append(("    " * self.depth + text) if text else "")

    def block(self, text: str) -> None:
        for raw in text.strip("\n").split("\n"):
            self.line(raw)

    def indent(self) -> None:
        self.depth += 1

    def dedent(self) -> None:
        self.depth -= 1


class Unit:
    """One entity class plus the functions that work on it.

    `defs` holds the definitions, `demo` the statements of the unit's
    `demo_<entity>()` function that calls every generated function.
    """

    def __init__(self, rng: random.Random, noun: str) -> None:
        self.rng = rng
        self.e = noun
        self.es = noun + "s"
        self.E = camel(noun)
        fields = rng.sample(NUMERIC, 2)
        self.ident = rng.choice(["ident", "key", "number", f"{noun}_id"])
        self.name = rng.choice(["name", "label", "title", "code"])
        self.num1, self.num2 = fields
        self.count = rng.choice(COUNTS)
        self.flag = rng.choice(FLAGS)
        self.tags = rng.choice(TAGS) if rng.random() < 0.7 else ""
        self.counts = rng.choice(["counters", "tallies", "usage", "buckets"]) if rng.random() < 0.6 else ""
        self.note = rng.choice(["comment", "remark", "owner", "parent_name"]) if rng.random() < 0.6 else ""
        self.body_annotations = rng.random() < 0.5
        self.sub = (rng.choice(PREFIXES) + self.E) if rng.random() < 0.6 else ""
        self.extra = rng.choice(EXTRAS)
        self.error = (self.E + "Error") if rng.random() < 0.75 else ""
        self.metric = rng.choice(["total", "effective", "weighted", "adjusted"]) + "_" + self.num1
        self.factor = self.lit_float(0.5, 3.0)
        self.out = Writer()
        self.demo = Writer()

    # -- literals -------------------------------------------------------------

    def lit_float(self, lo: float, hi: float) -> str:
        return f"{self.rng.uniform(lo, hi):.2f}"

    def lit_int(self, lo: int, hi: int) -> str:
        return str(self.rng.randint(lo, hi))

    # -- classes --------------------------------------------------------------

    def gen_classes(self) -> None:
        w = self.out
        if self.error:
            w.block(f'''
class {self.error}(ValueError):
    """Raised when a {self.e} fails validation."""

    def __init__(self, ident: int, reason: str) -> None:
        super().__init__(f"{self.e} {{ident}}: {{reason}}")
        self.ident = ident
        self.reason = reason
''')
            w.line()
            w.line()
        w.line(f"class {self.E}:")
        w.indent()
        w.line(f'"""A {self.e} with its {self.num1}, {self.num2} and {self.count}."""')
        w.line()
        w.line(f'KIND: str = "{self.e}"')
        w.line(f"LIMIT: float = {self.lit_float(50.0, 500.0)}")
        if self.body_annotations:
            w.line(f"{self.ident}: int")
            w.line(f"{self.name}: str")
            w.line(f"{self.num1}: float")
            w.line(f"{self.num2}: float")
            w.line(f"{self.count}: int")
            w.line(f"{self.flag}: bool")
            if self.tags:
                w.line(f"{self.tags}: list[str]")
            if self.counts:
                w.line(f"{self.counts}: dict[str, int]")
            if self.note:
                w.line(f"{self.note}: Optional[str]")
        w.line()
        w.line(
            f"def __init__(self, {self.ident}: int, {self.name}: str, {self.num1}: float, "
            f"{self.num2}: float = {self.lit_float(0.0, 10.0)}, {self.count}: int = 0) -> None:"
        )
        w.indent()
        for f in (self.ident, self.name, self.num1, self.num2, self.count):
            w.line(f"self.{f} = {f}")
        w.line(f"self.{self.flag} = True")
        if self.body_annotations:
            if self.tags:
                w.line(f"self.{self.tags} = []")
            if self.counts:
                w.line(f"self.{self.counts} = {{}}")
            if self.note:
                w.line(f"self.{self.note} = None")
        else:
            if self.tags:
                w.line(f"self.{self.tags}: list[str] = []")
            if self.counts:
                w.line(f"self.{self.counts}: dict[str, int] = {{}}")
            if self.note:
                w.line(f"self.{self.note}: Optional[str] = None")
        w.dedent()
        w.line()
        w.block(f'''
def {self.metric}(self) -> float:
    return self.{self.num1} * {self.factor} + self.{self.num2}

def describe(self) -> str:
    state = "on" if self.{self.flag} else "off"
    return f"{self.E} #{{self.{self.ident}}} {{self.{self.name}:<12}} {{self.{self.num1}:8.2f}} {{state}}"

def is_valid(self) -> bool:
    return self.{self.num1} >= 0 and self.{self.name} != "" and self.{self.num1} <= self.LIMIT

def scale(self, factor: float) -> None:
    self.{self.num1} *= factor
    self.{self.num2} = round(self.{self.num2} * factor, 3)
''')
        if self.tags:
            w.line()
            w.block(f'''
def add_tag(self, tag: str) -> bool:
    tag = tag.strip().lower()
    if not tag or tag in self.{self.tags}:
        return False
    self.{self.tags}.append(tag)
    return True
''')
        if self.counts:
            w.line()
            w.block(f'''
def bump(self, key: str, amount: int = 1) -> int:
    self.{self.counts}[key] = self.{self.counts}.get(key, 0) + amount
    self.{self.count} += amount
    return self.{self.counts}[key]
''')
        if self.note:
            w.line()
            w.block(f'''
def {self.note}_length(self) -> int:
    if self.{self.note} is None:
        return 0
    return len(self.{self.note})
''')
        w.line()
        w.line(f"def merge(self, other: {self.E}) -> None:")
        w.indent()
        w.line(f"self.{self.num1} += other.{self.num1}")
        w.line(f"self.{self.count} += other.{self.count}")
        if self.tags:
            w.line(f"for tag in other.{self.tags}:")
            w.line(f"    self.add_tag(tag)")
        if self.counts:
            w.line(f"for key, value in other.{self.counts}.items():")
            w.line(f"    self.{self.counts}[key] = self.{self.counts}.get(key, 0) + value")
        w.dedent()
        w.dedent()
        if self.sub:
            w.line()
            w.line()
            w.block(f'''
class {self.sub}({self.E}):
    """A {self.e} with an extra {self.extra}."""

    def __init__(self, {self.ident}: int, {self.name}: str, {self.num1}: float, {self.extra}: int) -> None:
        super().__init__({self.ident}, {self.name}, {self.num1})
        self.{self.extra} = {self.extra}

    def {self.metric}(self) -> float:
        base = super().{self.metric}()
        return base + self.{self.extra} * {self.lit_float(0.1, 2.0)}

    def describe(self) -> str:
        return f"{{super().describe()}} +{{self.{self.extra}}}"
''')

    # -- functions ------------------------------------------------------------

    def fn_make(self) -> None:
        e, es, E = self.e, self.es, self.E
        w = self.out
        w.line(f"def make_{es}(count: int, seed: int) -> list[{E}]:")
        w.indent()
        w.line(f"result: list[{E}] = []")
        w.line("for i in range(count):")
        w.indent()
        w.line(f"value = float((seed * {self.lit_int(3, 41)} + i * {self.lit_int(5, 61)}) % 97) / {self.lit_int(2, 5)}.0")
        w.line(f'label = f"{e}-{{i:03d}}"')
        if self.sub:
            w.line(f"if i % {self.lit_int(3, 5)} == 0:")
            w.line(f"    item: {E} = {self.sub}(i, label, value, i % 7)")
            w.line("else:")
            w.line(f"    item = {E}(i, label, value, {self.count}=i % 5)")
        else:
            w.line(f"item = {E}(i, label, value, {self.count}=i % 5)")
        if self.tags:
            w.line(f"if i % 3 == 0:")
            w.line(f'    item.add_tag("{self.rng.choice(WORDS)}")')
            w.line(f'item.add_tag("{self.rng.choice(WORDS)}" if i % 2 == 0 else "{self.rng.choice(WORDS)}")')
        if self.counts:
            keys = self.rng.sample(KEYS, 3)
            w.line(f"item.bump({keys!r}[i % 3], i % 4 + 1)")
        if self.note:
            w.line(f"if i % 4 != 1:")
            w.line(f'    item.{self.note} = "{self.rng.choice(WORDS)} {e} " + str(i)')
        w.line(f"item.{self.flag} = i % {self.lit_int(3, 6)} != 0")
        w.line("result.append(item)")
        w.dedent()
        w.line("return result")
        w.dedent()
        n = self.lit_int(8, 20)
        self.demo.line(f"{es} = make_{es}({n}, {self.lit_int(1, 99)})")
        self.demo.line(f'print(f"{es}: {{len({es})}}")')

    def fn_filter(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {self.flag}_{es}(items: list[{E}], threshold: float = {self.lit_float(1.0, 20.0)}) -> list[{E}]:
    return [item for item in items if item.{self.flag} and item.{self.num1} > threshold]
''')
        self.demo.line(f"selected = {self.flag}_{es}({es})")
        self.demo.line(f'print(f"{self.flag}: {{len(selected)}} of {{len({es})}}")')

    def fn_find(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def find_{e}(items: list[{E}], ident: int) -> Optional[{E}]:
    for item in items:
        if item.{self.ident} == ident:
            return item
    return None


def {e}_label(items: list[{E}], ident: int) -> str:
    found = find_{e}(items, ident)
    if found is None:
        return f"no {e} {{ident}}"
    return found.describe()
''')
        self.demo.line(f"print({e}_label({es}, {self.lit_int(0, 5)}))")
        self.demo.line(f"print({e}_label({es}, {self.lit_int(100, 999)}))")

    def fn_group(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        mod = self.lit_int(2, 5)
        if self.rng.random() < 0.5:
            w.block(f'''
def group_{es}_by_{self.count}(items: list[{E}]) -> dict[int, list[{E}]]:
    groups: dict[int, list[{E}]] = {{}}
    for item in items:
        bucket = item.{self.count} % {mod}
        if bucket not in groups:
            groups[bucket] = []
        groups[bucket].append(item)
    return groups
''')
        else:
            w.block(f'''
def group_{es}_by_{self.count}(items: list[{E}]) -> dict[int, list[{E}]]:
    groups: dict[int, list[{E}]] = {{}}
    for item in items:
        groups.setdefault(item.{self.count} % {mod}, []).append(item)
    return groups
''')
        self.demo.line(f"groups = group_{es}_by_{self.count}({es})")
        self.demo.line("for bucket in sorted(groups):")
        self.demo.line(f'    names = ", ".join([g.{self.name} for g in groups[bucket][:3]])')
        self.demo.line(f'    print(f"  bucket {{bucket}}: {{len(groups[bucket])}} ({{names}})")')

    def fn_totals(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {e}_{self.metric}_by_{self.name}(items: list[{E}]) -> dict[str, float]:
    return {{item.{self.name}: round(item.{self.metric}(), 2) for item in items if item.is_valid()}}


def {e}_grand_{self.metric}(items: list[{E}]) -> float:
    totals = {e}_{self.metric}_by_{self.name}(items)
    return sum(totals.values())
''')
        self.demo.line(f'print(f"grand {self.metric}: {{{e}_grand_{self.metric}({es}):.2f}}")')

    def fn_stats(self) -> None:
        w, e, es, E, f = self.out, self.e, self.es, self.E, self.num1
        w.block(f'''
def {e}_{f}_stats(items: list[{E}]) -> tuple[float, float]:
    values = [item.{f} for item in items]
    if not values:
        return 0.0, 0.0
    mean = sum(values) / len(values)
    variance = sum([(v - mean) ** 2 for v in values]) / len(values)
    return mean, math.sqrt(variance)


def {e}_{f}_outliers(items: list[{E}], k: float = {self.lit_float(1.0, 2.5)}) -> list[int]:
    mean, spread = {e}_{f}_stats(items)
    if spread == 0:
        return []
    return [item.{self.ident} for item in items if abs(item.{f} - mean) > k * spread]
''')
        self.demo.line(f"mean, spread = {e}_{f}_stats({es})")
        self.demo.line(f'print(f"{f}: mean={{mean:.3f}} spread={{spread:.3f}} outliers={{{e}_{f}_outliers({es})}}")')

    def fn_top(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        if self.rng.random() < 0.5:
            w.block(f'''
def top_{es}(items: list[{E}], n: int = 3) -> list[{E}]:
    ranked = sorted(items, key=lambda item: item.{self.metric}(), reverse=True)
    return ranked[:n]
''')
        else:
            w.block(f'''
def top_{es}(items: list[{E}], n: int = 3) -> list[{E}]:
    ranked = sorted(items, key=lambda item: (-item.{self.num1}, item.{self.ident}))
    return ranked[:n]
''')
        self.demo.line(f"for rank, item in enumerate(top_{es}({es}), start=1):")
        self.demo.line(f'    print(f"  #{{rank}} {{item.describe()}}")')

    def fn_validate(self) -> None:
        if not self.error:
            return
        w, e, es, E, err = self.out, self.e, self.es, self.E, self.error
        w.block(f'''
def check_{e}(item: {E}) -> None:
    if item.{self.num1} < 0:
        raise {err}(item.{self.ident}, "negative {self.num1}")
    if item.{self.num1} > item.LIMIT:
        raise {err}(item.{self.ident}, f"{self.num1} {{item.{self.num1}:.1f}} above limit")
    if not item.{self.name}:
        raise {err}(item.{self.ident}, "empty {self.name}")


def audit_{es}(items: list[{E}]) -> tuple[int, list[str]]:
    passed = 0
    problems: list[str] = []
    for item in items:
        try:
            check_{e}(item)
        except {err} as exc:
            problems.append(f"{{exc.ident}}: {{exc.reason}}")
        else:
            passed += 1
        finally:
            item.{self.flag} = item.{self.flag} and item.is_valid()
    return passed, problems
''')
        self.demo.line(f"broken = {E}({self.lit_int(500, 900)}, \"\", -1.0)")
        self.demo.line(f"passed, problems = audit_{es}({es} + [broken])")
        self.demo.line(f'print(f"audit: {{passed}} passed, problems: {{problems}}")')

    def fn_parse(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def parse_{e}(line: str) -> Optional[{E}]:
    parts = [part.strip() for part in line.split(",")]
    if len(parts) != 3:
        return None
    try:
        ident = int(parts[0])
        value = float(parts[2])
    except ValueError:
        return None
    if not parts[1]:
        return None
    return {E}(ident, parts[1], value)


def load_{es}(lines: list[str]) -> tuple[list[{E}], int]:
    loaded: list[{E}] = []
    skipped = 0
    for line in lines:
        if line.startswith("#"):
            continue
        item = parse_{e}(line)
        if item is None:
            skipped += 1
            continue
        loaded.append(item)
    return loaded, skipped
''')
        rows = [
            f"{self.rng.randint(1, 99)}, {self.rng.choice(WORDS)}, {self.rng.uniform(0, 50):.1f}"
            for _ in range(self.rng.randint(2, 4))
        ]
        rows += ["# comment", f"x, {self.rng.choice(WORDS)}, 1.0", "7, , 2.5", "1, 2"]
        self.demo.line(f"loaded, skipped = load_{es}({rows!r})")
        self.demo.line(f'print(f"loaded {{len(loaded)}}, skipped {{skipped}}: {{[item.{self.name} for item in loaded]}}")')

    def fn_search(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def index_of_{e}(idents: list[int], target: int) -> int:
    lo = 0
    hi = len(idents) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if idents[mid] == target:
            return mid
        elif idents[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
''')
        self.demo.line(f"idents = sorted([item.{self.ident} * {self.lit_int(2, 5)} for item in {es}])")
        self.demo.line(f'print(f"index: {{index_of_{e}(idents, idents[len(idents) // 2])}} {{index_of_{e}(idents, -{self.lit_int(1, 9)})}}")')

    def fn_report(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {e}_report(items: list[{E}], width: int = {self.lit_int(30, 50)}) -> str:
    lines = [f"{{'{self.name}':<14}}{{'{self.num1}':>10}}{{'{self.count}':>8}}", "-" * width]
    for item in items:
        marker = "*" if item.{self.flag} else " "
        lines.append(f"{{item.{self.name}:<14}}{{item.{self.num1}:>10.2f}}{{item.{self.count}:>8d}} {{marker}}")
    lines.append("-" * width)
    total = sum([item.{self.count} for item in items])
    lines.append(f"{{'total':<14}}{{'':>10}}{{total:>8d}}")
    return "\\n".join(lines)
''')
        self.demo.line(f"print({e}_report({es}[:{self.lit_int(2, 4)}]))")

    def fn_tags(self) -> None:
        if not self.tags:
            return
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {e}_{self.tags}_histogram(items: list[{E}]) -> dict[str, int]:
    histogram: dict[str, int] = {{}}
    for item in items:
        for tag in item.{self.tags}:
            histogram[tag] = histogram.get(tag, 0) + 1
    return histogram


def {e}_common_{self.tags}(items: list[{E}], minimum: int = 2) -> list[str]:
    histogram = {e}_{self.tags}_histogram(items)
    return sorted([tag for tag, n in histogram.items() if n >= minimum])
''')
        self.demo.line(f"print(sorted({e}_{self.tags}_histogram({es}).items()))")
        self.demo.line(f'print(f"common: {{{e}_common_{self.tags}({es})}}")')

    def fn_counts(self) -> None:
        if not self.counts:
            return
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {e}_merged_{self.counts}(items: list[{E}]) -> dict[str, int]:
    merged: dict[str, int] = {{}}
    for item in items:
        for key, value in item.{self.counts}.items():
            merged[key] = merged.get(key, 0) + value
    return merged


def {e}_busiest_{self.counts}_key(items: list[{E}]) -> Optional[str]:
    merged = {e}_merged_{self.counts}(items)
    best: Optional[str] = None
    for key in sorted(merged):
        if best is None or merged[key] > merged[best]:
            best = key
    return best
''')
        self.demo.line(f"busiest = {e}_busiest_{self.counts}_key({es})")
        self.demo.line(f'print(f"busiest: {{busiest if busiest is not None else \'none\'}} {{sorted({e}_merged_{self.counts}({es}).items())}}")')

    def fn_note(self) -> None:
        if not self.note:
            return
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {e}_{self.note}_words(items: list[{E}]) -> list[str]:
    words: list[str] = []
    for item in items:
        text = item.{self.note}
        if text is not None and text.strip():
            words.extend(text.lower().split())
    return words


def {e}_longest_{self.note}(items: list[{E}]) -> str:
    best = ""
    for item in items:
        if item.{self.note}_length() > len(best) and item.{self.note} is not None:
            best = item.{self.note}
    return best or "<none>"
''')
        self.demo.line(f"words = {e}_{self.note}_words({es})")
        self.demo.line(f'print(f"{self.note}: {{len(words)}} words, distinct {{len(set(words))}}, longest {{{e}_longest_{self.note}({es})!r}}")')

    def fn_apply(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def map_{es}(items: list[{E}], fn: Callable[[{E}], float]) -> list[float]:
    return [round(fn(item), 3) for item in items]
''')
        self.demo.line(f"print(map_{es}({es}[:4], lambda item: item.{self.num2} + item.{self.count}))")

    def fn_forelse(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def first_heavy_{e}(items: list[{E}], limit: float) -> str:
    for item in items:
        if item.{self.num1} > limit:
            found = item.{self.name}
            break
    else:
        found = "none"
    return found
''')
        self.demo.line(f'print(f"first heavy: {{first_heavy_{e}({es}, {self.lit_float(5.0, 30.0)})}}")')

    def fn_closure(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {e}_sum_{self.count}(items: list[{E}]) -> int:
    total = 0

    def visit(item: {E}) -> None:
        nonlocal total
        total += item.{self.count}

    for item in items:
        visit(item)
    return total
''')
        self.demo.line(f'print(f"sum {self.count}: {{{e}_sum_{self.count}({es})}}")')

    def fn_sub(self) -> None:
        if not self.sub:
            return
        w, e, es, E, S = self.out, self.e, self.es, self.E, self.sub
        w.block(f'''
def {e}_{self.extra}_total(items: list[{E}]) -> int:
    return sum([item.{self.extra} for item in items if isinstance(item, {S})])


def split_{es}(items: list[{E}]) -> tuple[list[{S}], list[{E}]]:
    special: list[{S}] = []
    plain: list[{E}] = []
    for item in items:
        if isinstance(item, {S}):
            special.append(item)
        else:
            plain.append(item)
    return special, plain
''')
        self.demo.line(f"special, plain = split_{es}({es})")
        self.demo.line(f'print(f"{self.extra}: {{{e}_{self.extra}_total({es})}} over {{len(special)}} special, {{len(plain)}} plain")')

    def fn_numeric(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {e}_bucket_{self.num2}(value: float, step: int = {self.lit_int(2, 9)}) -> tuple[int, float]:
    whole = int(value)
    bucket, rest = divmod(whole, step)
    return bucket, round(value - whole + rest, 4)


def {e}_{self.num2}_profile(items: list[{E}]) -> dict[int, int]:
    profile: dict[int, int] = {{}}
    for item in items:
        bucket, _ = {e}_bucket_{self.num2}(item.{self.num2} * {self.lit_int(2, 10)})
        profile[bucket] = profile.get(bucket, 0) + 1
    return profile
''')
        self.demo.line(f'print(f"{self.num2} profile: {{sorted({e}_{self.num2}_profile({es}).items())}} {{2 ** {self.lit_int(3, 12)} // 3 % 7}}")')

    def fn_pairs(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def {e}_{self.num1}_deltas(items: list[{E}]) -> list[tuple[str, float]]:
    ordered = sorted(items, key=lambda item: item.{self.ident})
    deltas: list[tuple[str, float]] = []
    for prev, cur in zip(ordered, ordered[1:]):
        deltas.append((cur.{self.name}, round(cur.{self.num1} - prev.{self.num1}, 2)))
    return deltas


def biggest_jump_{e}(items: list[{E}]) -> Optional[tuple[str, float]]:
    deltas = {e}_{self.num1}_deltas(items)
    if not deltas:
        return None
    return max(deltas, key=lambda pair: abs(pair[1]))
''')
        self.demo.line(f"jump = biggest_jump_{e}({es})")
        self.demo.line(f"if jump is not None:")
        self.demo.line(f'    name, delta = jump')
        self.demo.line(f'    print(f"biggest jump at {{name}}: {{delta:+.2f}}")')

    def fn_text(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def slug_{e}(text: str) -> str:
    cleaned = "".join([ch if ch.isalnum() else " " for ch in text.lower()])
    return "-".join(cleaned.split())


def {e}_index(items: list[{E}]) -> dict[str, int]:
    index: dict[str, int] = {{}}
    for position, item in enumerate(items):
        slug = slug_{e}(f"{{item.KIND}} {{item.{self.name}}}")
        if slug in index:
            continue
        index[slug] = position
    return index
''')
        self.demo.line(f"index = {e}_index({es})")
        self.demo.line(f'print(f"index: {{len(index)}} slugs, first {{min(index)}} last {{max(index)}}")')
        self.demo.line(f'print(slug_{e}("  {self.rng.choice(WORDS).title()} {self.E}: {self.rng.choice(WORDS)}/{self.rng.randint(1, 99)} "))')

    def fn_merge(self) -> None:
        w, e, es, E = self.out, self.e, self.es, self.E
        w.block(f'''
def combine_{es}(items: list[{E}]) -> Optional[{E}]:
    if not items:
        return None
    combined = {E}(-1, "combined", 0.0)
    for item in items:
        combined.merge(item)
    combined.scale({self.lit_float(0.5, 1.5)})
    assert combined.{self.count} >= 0, "negative {self.count}"
    return combined
''')
        self.demo.line(f"combined = combine_{es}({es})")
        self.demo.line(f"if combined is not None:")
        self.demo.line(f"    print(combined.describe())")
        self.demo.line(f'print(combine_{es}([]) is None)')

    ALL = [
        "fn_filter", "fn_find", "fn_group", "fn_totals", "fn_stats", "fn_top",
        "fn_validate", "fn_parse", "fn_search", "fn_report", "fn_tags",
        "fn_counts", "fn_note", "fn_apply", "fn_forelse", "fn_closure",
        "fn_sub", "fn_numeric", "fn_pairs", "fn_text", "fn_merge",
    ]

    def generate(self, max_functions: int) -> list[str]:
        """Return the unit's source lines (classes, functions, demo)."""
        self.gen_classes()
        self.out.line()
        self.out.line()
        self.fn_make()
        chosen = self.rng.sample(self.ALL, min(max_functions, len(self.ALL)))
        for name in [n for n in self.ALL if n in chosen]:
            before = len(self.out.lines)
            self.out.line()
            self.out.line()
            getattr(self, name)()
            if len(self.out.lines) == before + 2:  # template not applicable
                del self.out.lines[before:]
        self.out.line()
        self.out.line()
        self.out.line(f"def demo_{self.e}() -> None:")
        self.out.depth = 1
        for text in self.demo.lines:
            self.out.line(text)
        self.out.depth = 0
        return self.out.lines


HEADER = '''"""{title}

Generated by bench/check/gen_corpus.py (seed {seed}, file {index}); do not edit.
"""

from __future__ import annotations
'''


def generate_file(rng: random.Random, seed: int, index: int, target: int) -> tuple[str, list[str]]:
    nouns = rng.sample(NOUNS, 12)
    title = f"{camel(nouns[0])} and {nouns[1]} processing."
    lines = HEADER.format(title=title, seed=seed, index=index).split("\n")
    lines += ["import math", "from typing import Callable, Optional"]  # pruned below
    units: list[str] = []
    budget_max = max(target + 60, 360)
    for noun in nouns:
        if len(lines) >= target - 40:
            break
        unit = Unit(rng, noun)
        body = unit.generate(rng.randint(6, len(Unit.ALL)))
        # Shrink a unit that would push the file far past its target.
        tries = 0
        while len(lines) + len(body) + 12 > budget_max and tries < 4 and units:
            unit = Unit(rng, noun)
            body = unit.generate(rng.randint(3, 8))
            tries += 1
        if units and len(lines) + len(body) + 12 > budget_max:
            break
        lines += ["", ""] + body
        units.append(noun)
    lines += ["", "", "def main() -> None:"]
    for noun in units:
        lines.append(f"    demo_{noun}()")
    lines += ["", "", 'if __name__ == "__main__":', "    main()", ""]
    body = "\n".join(lines)
    if "math." not in body:
        lines.remove("import math")
    if "Callable[" not in body:
        lines[lines.index("from typing import Callable, Optional")] = "from typing import Optional"
    name = f"m{index:04d}_{nouns[0]}.py"
    return name, lines


def generate(out_dir: str, total_lines: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    index = 0
    while written < total_lines:
        remaining = total_lines - written
        target = min(rng.randint(300, 800), max(remaining, 300))
        name, lines = generate_file(rng, seed, index, target)
        text = "\n".join(lines)
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as fh:
            fh.write(text)
        written += text.count("\n")
        index += 1
    return index, written


def verify(out_dir: str, sample: int) -> int:
    """Run `sample` files (all when 0) with this interpreter; return failures."""
    names = sorted(n for n in os.listdir(out_dir) if n.endswith(".py"))
    if sample:
        step = max(1, len(names) // sample)
        names = names[::step][:sample]
    failures = 0
    for name in names:
        proc = subprocess.run(
            [sys.executable, os.path.join(out_dir, name)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        if proc.returncode != 0:
            failures += 1
            print(f"FAIL {name}:\n{proc.stderr}", file=sys.stderr)
    print(f"verified {len(names)} files, {failures} failed", file=sys.stderr)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--lines", type=int, default=100_000, help="total lines (default 100000)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    parser.add_argument("--verify", type=int, default=-1, metavar="K",
                        help="run K generated files with python3 (0 = all); off by default")
    args = parser.parse_args()
    files, lines = generate(args.out_dir, args.lines, args.seed)
    print(f"wrote {files} files, {lines} lines to {args.out_dir}", file=sys.stderr)
    if args.verify >= 0 and verify(args.out_dir, args.verify):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
