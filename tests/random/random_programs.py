#!/usr/bin/env python3
"""Random differential programs: type-directed random programs in Molt's
subset (ints small and big, floats, strs and f-strings, lists, dicts, a
struct class, a class hierarchy, closures over sort keys, loops with
break/continue, try/except/finally, a user exception class, recursion
through a global dict, nested functions, str methods, slices with steps,
`%` formatting, int/float parsing, divmod/pow/round, enumerate/zip,
min/max with defaults; some leaves print a number when evaluated, so
evaluation order shows), each run
under python3 and as a Molt build through run_diff.py, which compares
stdout, the last line of stderr and the exit status.

Programs `molt check` rejects are dropped (the generator aims at the subset
but does not promise it). The same seeds give the same programs, so a
failure is reproduced with the seed it names; --keep writes the programs to
a directory of your choice instead of a temporary one.

usage: random_programs.py MOLT [--seed=S] [--count=N] [--keep=DIR] [run_diff.py options...]
   e.g. random_programs.py build/cli/molt --seed=1 --count=30 --target=wasm --opt=2

Found so far (all fixed 2026-12-06): `f"{d["k"]}"` and an `except` clause
with no body accepted by `molt check` (CPython 3.11 rejects both); `x in c`
evaluating c first; `xs[f()] = a % b` calling f before the division raised.
"""
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

INTS = [0, 1, 2, 3, 5, 7, 10, 100, 255, 1000, 2**31 - 1, 2**46, 2**47 - 1, 2**47, 2**48, 2**62, 2**63, 10**20]
FLOATS = ["0.0", "1.5", "-2.25", "3.0", "0.1", "1e10", "-1e-5", "2.5e300", "123.456"]
# Each generated type's annotation; its first letter names its variables and
# its tracer (`ti(n, v)` prints `@ n` and returns v).
ANN = {"int": "int", "float": "float", "str": "str", "bool": "bool", "list": "list[int]", "dict": "dict[str, int]"}
STRS = ['""', '"a"', '"abc"', '"Hello, World"', '"x y z"', '"ümlaut"', '"12"', '"  pad  "', '"a,b,,c"']


class Gen:
    def __init__(self, r):
        self.r = r
        self.vars = {t: [] for t in ANN}
        self.n = 0
        self.in_f = False  # inside an f-string's field: no nested f-string

    def fresh(self, t):
        self.n += 1
        return f"{t[0]}{self.n}"

    def pick(self, t):
        vs = self.vars[t]
        return self.r.choice(vs) if vs else None

    def e(self, t, d=3):
        r = self.r
        v = self.pick(t)
        if d <= 0 or r.random() < 0.25:
            leaf = v if v and r.random() < 0.7 else self.lit(t)
            if r.random() < 0.3:  # a traced leaf: its evaluation order shows in the output
                self.n += 1
                return f"t{t[0]}({self.n}, {leaf})"
            return leaf
        f = getattr(self, "e_" + t)
        return f(d - 1)

    def lit(self, t):
        r = self.r
        if t == "int":
            x = r.choice(INTS) + r.randint(-2, 2)
            return str(x if r.random() < 0.7 else -x)
        if t == "float":
            x = r.choice(FLOATS)
            return x if r.random() < 0.8 else "-" + x
        if t == "str":
            return r.choice(STRS)
        if t == "bool":
            return r.choice(["True", "False"])
        if t == "list":
            return "[" + ", ".join(self.lit("int") for _ in range(r.randint(0, 5))) + "]"
        if t == "dict":
            return "{" + ", ".join(f"{self.lit('str')}: {self.lit('int')}" for _ in range(r.randint(0, 4))) + "}"

    def e_int(self, d):
        r = self.r
        c = r.randint(0, 13)
        if c <= 3:
            return f"({self.e('int', d)} {r.choice(['+', '-', '*', '+', '-'])} {self.e('int', d)})"
        if c == 4:
            return f"({self.e('int', d)} {r.choice(['//', '%'])} {self.e('int', d)})"
        if c == 5:
            return f"({self.e('int', d)} {r.choice(['&', '|', '^'])} {self.e('int', d)})"
        if c == 6:
            return f"({self.e('int', d)} {r.choice(['<<', '>>'])} {r.choice([0, 1, 3, 17, 40, 70])})"
        if c == 7:
            return f"len({self.e(r.choice(['str', 'list', 'dict']), d)})"
        if c == 8:
            return f"{r.choice(['abs', '-'])}({self.e('int', d)})"
        if c == 9:
            return f"{r.choice(['min', 'max'])}({self.e('int', d)}, {self.e('int', d)})"
        if c == 10:
            return f"int({self.e('float', d)})"
        if c == 11:
            return f"sum({self.e('list', d)})"
        if c == 12:
            return f"{self.e('str', d)}.{r.choice(['find', 'count'])}({self.e('str', d)})"
        return f"{self.e('dict', d)}.get({self.e('str', d)}, {self.e('int', d)})"

    def e_float(self, d):
        r = self.r
        c = r.randint(0, 6)
        if c <= 2:
            return f"({self.e('float', d)} {r.choice(['+', '-', '*', '/'])} {self.e('float', d)})"
        if c == 3:
            return f"({self.e('float', d)} {r.choice(['+', '*', '-'])} {self.e('int', d)})"
        if c == 4:
            return f"float({self.e('int', d)})"
        if c == 5:
            return f"math.sqrt(abs({self.e('float', d)}))"
        return f"{r.choice(['abs', '-'])}({self.e('float', d)})"

    def e_str(self, d):
        r = self.r
        c = r.randint(0, 10)
        if c <= 1:
            return f"({self.e('str', d)} + {self.e('str', d)})"
        if c == 2:
            return f"({self.e('str', d)} * {r.randint(0, 3)})"
        if c == 3:
            return f"{self.e('str', d)}[{r.randint(-4, 4)}:{r.randint(-4, 6)}]"
        if c == 4:
            return f"str({self.e(r.choice(['int', 'float', 'bool']), d)})"
        if c == 5 and not self.in_f:
            self.in_f = True
            spec = r.choice(["", ":.3f", ":>8", ":<6", ":^7", ":e", ":g", ":.2e", ":10.4f", ":+d", ":x", ":,"])
            t = "float" if spec in (":.3f", ":e", ":g", ":.2e", ":10.4f") else ("int" if spec in (":+d", ":x", ":,") else r.choice(["int", "str"]))
            inner = self.e(t, d)
            self.in_f = False
            return "f'''<{" + inner + spec + "}>'''"
        if c == 6:
            return f"{self.e('str', d)}.{r.choice(['upper', 'lower', 'strip', 'title'])}()"
        if c == 7:
            return f"{self.e('str', d)}.replace({self.e('str', d)}, {self.e('str', d)})"
        if c == 8:
            return f'",".join({self.e("str", d)}.split({r.choice(STRS[1:])}))'
        if c == 9:
            return f"repr({self.e(r.choice(['str', 'list', 'dict', 'float']), d)})"
        return f"str(sorted({self.e('list', d)}))"

    def e_bool(self, d):
        r = self.r
        c = r.randint(0, 5)
        if c <= 1:
            t = r.choice(["int", "float", "str"])
            return f"({self.e(t, d)} {r.choice(['<', '<=', '==', '!=', '>', '>='])} {self.e(t, d)})"
        if c == 2:
            return f"({self.e('bool', d)} {r.choice(['and', 'or'])} {self.e('bool', d)})"
        if c == 3:
            return f"(not {self.e('bool', d)})"
        if c == 4:
            return f"({self.e('int', d)} in {self.e('list', d)})"
        return f"({self.e('str', d)} in {self.e(r.choice(['str', 'dict']), d)})"

    def e_list(self, d):
        r = self.r
        c = r.randint(0, 5)
        if c == 0:
            return f"sorted({self.e('list', d)})"
        if c == 1:
            return f"({self.e('list', d)} + {self.e('list', d)})"
        if c == 2:
            return f"{self.e('list', d)}[{r.randint(-3, 3)}:{r.randint(-3, 6)}]"
        if c == 3:
            return f"[x {r.choice(['*', '+', '%', '//'])} {self.e('int', 0)} for x in {self.e('list', d)}]"
        if c == 4:
            return f"[x for x in {self.e('list', d)} if x {r.choice(['>', '<', '!='])} {self.e('int', 0)}]"
        return f"list(range({r.randint(-3, 3)}, {r.randint(0, 12)}))"

    def e_dict(self, d):
        r = self.r
        if r.random() < 0.5:
            return f"{{k: len(k) for k in {self.e('str', d)}.split()}}"
        return f"dict({self.e('dict', d)})"

    def stmt(self, ind, depth):
        r = self.r
        out = []
        c = min(r.randint(0, 16), 15)  # (kind 15, the mixed bag, twice as likely)
        t = r.choice(["int", "int", "float", "str", "bool", "list", "dict"])
        if c <= 3 or not self.vars[t]:
            v = self.pick(t) if self.vars[t] and r.random() < 0.5 else None
            if v is None:
                v = self.fresh(t)
                out.append(f"{ind}{v}: {ANN[t]} = {self.e(t)}")
                self.vars[t].append(v)
            else:
                out.append(f"{ind}{v} = {self.e(t)}")
        elif c == 4 and self.vars["int"]:
            v = self.pick("int")
            out.append(f"{ind}{v} {r.choice(['+=', '-=', '*=', '//=', '%=', '|=', '^='])} {self.e('int', 2)}")
        elif c == 5:
            out.append(f"{ind}print({self.e(t)})")
        elif c == 6:
            out.append(f"{ind}print({', '.join(self.e(r.choice(list(self.vars)), 1) for _ in range(r.randint(1, 3)))})")
        elif c == 7 and depth < 2:
            out.append(f"{ind}if {self.e('bool')}:")
            out += self.block(ind + "    ", depth + 1)
            if r.random() < 0.5:
                out.append(f"{ind}else:")
                out += self.block(ind + "    ", depth + 1)
        elif c == 8 and depth < 2:
            lv = self.fresh("int")
            out.append(f"{ind}for {lv} in range({r.randint(-2, 2)}, {r.randint(0, 9)}):")
            self.vars["int"].append(lv)
            body = self.block(ind + "    ", depth + 1)
            if r.random() < 0.3:
                body.insert(r.randint(0, len(body)), f"{ind}    if {self.e('bool', 1)}:\n{ind}        {r.choice(['break', 'continue'])}")
            self.vars["int"].remove(lv)
            out += body
        elif c == 9 and depth < 2:
            lv = self.fresh("int")
            lst = self.pick("list") or self.lit("list")
            out.append(f"{ind}for {lv} in {lst}[:]:" if lst.startswith("l") else f"{ind}for {lv} in {lst}:")
            self.vars["int"].append(lv)
            out += self.block(ind + "    ", depth + 1)
            self.vars["int"].remove(lv)
        elif c == 10 and depth < 2:
            out.append(f"{ind}try:")
            out += self.block(ind + "    ", depth + 1)
            out.append(f"{ind}except {r.choice(['ZeroDivisionError', 'IndexError', 'KeyError', 'ValueError', 'OverflowError', 'ArithmeticError', 'LookupError', 'Exception'])} as ex:")
            out.append(f"{ind}    print('caught', repr(ex), str(ex))")
        elif c == 11 and self.vars["list"]:
            l = self.pick("list")
            op = r.choice(["append", "pop", "insert", "extend", "sort", "reverse", "idx", "setidx"])
            if op == "append":
                out.append(f"{ind}{l}.append({self.e('int', 2)})")
            elif op == "pop":
                out.append(f"{ind}if {l}:\n{ind}    print({l}.pop())")
            elif op == "insert":
                out.append(f"{ind}{l}.insert({r.randint(-3, 5)}, {self.e('int', 1)})")
            elif op == "extend":
                out.append(f"{ind}{l}.extend({self.e('list', 1)})")
            elif op in ("sort", "reverse"):
                out.append(f"{ind}{l}.{op}()")
            elif op == "idx":
                out.append(f"{ind}print({l}[{self.e('int', 1)}])")
            else:
                out.append(f"{ind}{l}[{self.e('int', 1)}] = {self.e('int', 1)}")
        elif c == 12 and self.vars["dict"]:
            dv = self.pick("dict")
            op = r.choice(["set", "get", "del", "items"])
            if op == "set":
                out.append(f"{ind}{dv}[{self.e('str', 1)}] = {self.e('int', 1)}")
            elif op == "get":
                out.append(f"{ind}print({dv}[{self.e('str', 1)}])")
            elif op == "del":
                out.append(f"{ind}del {dv}[{self.e('str', 1)}]")
            else:
                out.append(f"{ind}for kk, vv in {dv}.items():\n{ind}    print(kk, vv)")
        elif c == 13:
            pv = self.fresh("p")
            out.append(f"{ind}{pv} = Pt({self.e('float', 1)}, {self.e('int', 1)})")
            out.append(f"{ind}{pv}.bump({self.e('int', 1)})")
            out.append(f"{ind}print({pv}.x, {pv}.n, {pv}.norm())")
        elif c == 14:
            k = r.randint(0, 7)
            if k == 0:
                out.append(f"{ind}print(helper({self.e('int', 2)}, {self.e('str', 2)}))")
            elif k == 1 and depth < 2:
                lv = self.fresh("int")
                out.append(f"{ind}{lv}: int = {r.randint(-3, 3)}")
                out.append(f"{ind}while {lv} < {r.randint(0, 8)}:")
                out.append(f"{ind}    {lv} += 1")
                out += self.block(ind + "    ", depth + 1)  # (the counter is not among the body's variables)
            elif k == 2:
                out.append(f"{ind}shapes: list[Shape] = [Shape({self.e('float', 1)}), Square({self.e('float', 1)}), Circle({self.e('float', 1)})]")
                out.append(f"{ind}for sh in shapes:")
                out.append(f"{ind}    print(sh.name(), f'{{sh.area():.4f}}', sh.describe(), isinstance(sh, Square))")
            elif k == 3:
                out.append(f"{ind}pairs: list[tuple[str, int]] = [({self.e('str', 1)}, {self.e('int', 1)}) for _ in range({r.randint(0, 4)})] + [(\"z\", 1), (\"a\", 2)]")
                out.append(f"{ind}pairs.sort(key=lambda t: (t[1], t[0]))")
                out.append(f"{ind}for name, val in pairs:")
                out.append(f"{ind}    print(name, val)")
                out.append(f"{ind}a1, b1 = pairs[0]")
                out.append(f"{ind}print(a1, b1, len(pairs), pairs[-1])")
            elif k == 4:
                out.append(f"{ind}print(fib_memo({r.randint(0, 60)}), gcd({self.e('int', 1)}, {self.e('int', 1)}))")
            elif k == 5:
                out.append(f"{ind}words: list[str] = ({self.e('str', 2)} + \" \" + {self.e('str', 2)}).split()")
                out.append(f"{ind}counts: dict[str, int] = {{}}")
                out.append(f"{ind}for w in words:")
                out.append(f"{ind}    counts[w] = counts.get(w, 0) + 1")
                out.append(f"{ind}print(sorted(counts.items()), max(counts.values()) if counts else -1, '-'.join(words).startswith('a'))")
            elif k == 6:
                out.append(f"{ind}fl: list[float] = [x * 0.5 for x in range({r.randint(0, 6)})]")
                out.append(f"{ind}print(sum(fl, 0.0), min(fl) if fl else 0.0, [round(x, 2) for x in fl], sum(fl, 0.0) / max(len(fl), 1))")
            else:
                av = self.fresh("acc")
                out.append(f"{ind}{av}: Accumulator = Accumulator()")
                out.append(f"{ind}for q in {self.e('list', 1)}:")
                out.append(f"{ind}    {av}.add(q)")
                out.append(f"{ind}print({av}.total, {av}.count, {av}.mean())")
        elif c == 15:
            k = r.randint(0, 11)
            I = lambda d=1: self.e('int', d)
            S = lambda d=1: self.e('str', d)
            L = lambda d=1: self.e('list', d)
            if k == 0:
                out.append(f"{ind}print({S()}.split({r.choice(STRS[1:])}, {r.randint(-1, 2)}), {S()}.startswith({S(0)}), {S()}.endswith({S(0)}))")
            elif k == 1:
                out.append(f"{ind}print({S()}.zfill({r.randint(0, 12)}), {S()}.center({r.randint(0, 12)}, '*'), {S()}.rjust({r.randint(0, 9)}), {S()}.ljust({r.randint(0, 9)}, '-'))")
            elif k == 2:
                out.append(f"{ind}print(divmod({I()}, {I()}), pow({I()}, {r.randint(0, 5)}), round({self.e('float', 1)}, {r.randint(-2, 4)}))")
            elif k == 3:
                out.append(f"{ind}print({L()}[::{r.choice([1, 2, -1, -2, 3])}], {S()}[::{r.choice([1, 2, -1, -3])}], {L()}[{r.randint(-4, 4)}:{r.randint(-4, 6)}:{r.choice([1, -1, 2])}])")
            elif k == 4:
                out.append(f"{ind}print(list(enumerate({L()}, {r.randint(-2, 3)})), list(zip({L()}, {S()})), min({L()}, default={I(0)}), max({S()}, default='?'))")
            elif k == 5:
                out.append(f"{ind}print(({I()} or {I()}), ({I()} and {I()}), ({S()} or {S()}), ({I()} if {self.e('bool', 1)} else {I()}), {I()} < {I()} <= {I()})")
            elif k == 6:
                out.append(f"{ind}print('%d|%5.2f|%s|%-4s|%x' % ({I()}, {self.e('float', 1)}, {S()}, {S(0)}, abs({I()})))")
            elif k == 7:
                istr = r.choice(['"12"', '" -7 "', '"0"', '"123456789012345678901234567890"', '"1_000"'])
                fstr = r.choice(['"1.5"', '"-0.0"', '"1e300"', '"inf"', '"2.5e-3"'])
                out.append(f"{ind}print(int({istr}), float({fstr}), str(float({I()})), repr({self.e('float', 1)} * 1e16))")
            elif k == 8:
                lv = self.fresh("l")
                out.append(f"{ind}{lv}: list[int] = {L()}")
                out.append(f"{ind}try:")
                out.append(f"{ind}    print({lv}.index({I(0)}), {lv}.count({I(0)}))")
                out.append(f"{ind}    {lv}.remove({I(0)})")
                out.append(f"{ind}except ValueError as ex:")
                out.append(f"{ind}    print('ValueError', ex)")
                out.append(f"{ind}finally:")
                out.append(f"{ind}    print('finally', len({lv}))")
            elif k == 9:
                dv = self.pick("dict")
                if dv:
                    out.append(f"{ind}print({dv}.pop({S(0)}, -1), {dv}.setdefault({S(0)}, {I(0)}), sorted({dv}.keys()), sorted({dv}.values()), len({dv}))")
                else:
                    out.append(f"{ind}print(sorted({{x % 7 for x in {L()}}}), {{x: x * x for x in range({r.randint(0, 5)})}})")
            elif k == 10:
                fv = self.fresh("fn")
                out.append(f"{ind}def {fv}(a: int) -> int:")
                out.append(f"{ind}    b = a * 2")
                out.append(f"{ind}    def inner(c: int) -> int:")
                out.append(f"{ind}        return b + c")
                out.append(f"{ind}    return inner(a) - inner({I(0)})")
                out.append(f"{ind}print({fv}({I(0)}), sorted({L()}, reverse=True), sorted({S()}, reverse=True))")
            else:
                out.append(f"{ind}try:")
                out.append(f"{ind}    raise AppError({S()}, {I()})")
                out.append(f"{ind}except AppError as ex:")
                out.append(f"{ind}    print('AppError', ex.code, ex.args, str(ex))")
        else:
            out.append(f"{ind}print({self.e('str')})")
        return out

    def block(self, ind, depth):
        saved = {k: list(v) for k, v in self.vars.items()}
        out = []
        for _ in range(self.r.randint(1, 4)):
            out += self.stmt(ind, depth)
        if not out:
            out.append(f"{ind}pass")
        self.vars = saved  # names first bound in a block are not used after it
        return out


TRACERS = "".join(f"def t{t[0]}(n: int, v: {a}) -> {a}:\n    print(\"@\", n)\n    return v\n\n\n"
                  for t, a in ANN.items())
PRELUDE = '''import math


class Pt:
    def __init__(self, x: float, n: int) -> None:
        self.x = x
        self.n = n

    def bump(self, k: int) -> None:
        self.n += k
        self.x = self.x * 0.5 + k

    def norm(self) -> float:
        return math.sqrt(self.x * self.x + self.n * self.n)


''' + TRACERS + '''\
class AppError(Exception):
    def __init__(self, msg: str, code: int) -> None:
        super().__init__(msg, code)
        self.code = code


class Shape:
    def __init__(self, size: float) -> None:
        self.size = size

    def area(self) -> float:
        return 0.0

    def name(self) -> str:
        return "shape"

    def describe(self) -> str:
        return f"{self.name()}({self.size:g})"


class Square(Shape):
    def area(self) -> float:
        return self.size * self.size

    def name(self) -> str:
        return "square"


class Circle(Shape):
    def area(self) -> float:
        return 3.14159 * self.size * self.size


class Accumulator:
    def __init__(self) -> None:
        self.total = 0
        self.count = 0

    def add(self, v: int) -> None:
        self.total += v
        self.count += 1

    def mean(self) -> float:
        if self.count == 0:
            return 0.0
        return self.total / self.count


_memo: dict[int, int] = {}


def fib_memo(n: int) -> int:
    if n < 2:
        return n
    if n in _memo:
        return _memo[n]
    v = fib_memo(n - 1) + fib_memo(n - 2)
    _memo[n] = v
    return v


def gcd(a: int, b: int) -> int:
    while b != 0:
        a, b = b, a % b
    return abs(a)


def helper(a: int, s: str) -> str:
    if a % 3 == 0:
        return s * 2
    total = 0
    for ch in s:
        total += ord(ch)
    return f"{a}:{total}:{len(s)}"


'''


def prog(seed):
    r = random.Random(seed)
    g = Gen(r)
    lines = ["def main() -> None:"]
    for _ in range(r.randint(8, 25)):
        lines += g.stmt("    ", 0)
    body = "\n".join(lines)
    return PRELUDE + body + "\n\n\nmain()\n"


def main():
    args = sys.argv[1:]
    opts = {a.split("=", 1)[0]: a.split("=", 1)[1] for a in args if a.startswith(("--seed=", "--count=", "--keep="))}
    rest = [a for a in args if not a.startswith(("--seed=", "--count=", "--keep="))]
    if not rest:
        print(__doc__.strip().split("\n\n")[-2])
        return 2
    molt, passthrough = os.path.abspath(rest[0]), rest[1:]
    seed, count = int(opts.get("--seed", "1")), int(opts.get("--count", "30"))
    keep = opts.get("--keep")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.abspath(keep) if keep else tmp
        os.makedirs(out, exist_ok=True)
        kept = 0
        for s in range(seed, seed + count):
            path = os.path.join(out, f"random_{s}.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(prog(s))
            ok = subprocess.run([molt, "check", "--quiet", path], capture_output=True).returncode == 0
            if ok:
                # A loop can still run away (a list that grows as it is
                # walked): programs CPython does not finish quickly are dropped.
                try:
                    subprocess.run([sys.executable, path], capture_output=True, timeout=10)
                except subprocess.TimeoutExpired:
                    ok = False
            if ok:
                kept += 1
            else:
                os.remove(path)
        print(f"seeds {seed}..{seed + count - 1}: {kept} programs pass `molt check`, {count - kept} dropped")
        if kept < count // 2:
            print("FAIL the generator's programs are mostly rejected: it no longer exercises the compiler")
            return 1
        r = subprocess.run([sys.executable, os.path.join(HERE, "..", "diff", "run_diff.py")] + passthrough + [molt, out])
        return r.returncode


if __name__ == "__main__":
    sys.exit(main())
