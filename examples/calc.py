"""A calculator language: tokenizer, recursive-descent parser, evaluator.

Source lines like `let r = 2.5` or `area = pi * r ^ 2` are tokenized into a
list of `Token`s, parsed into a tree of `Node` subclasses (single
inheritance, one `evaluate` override each) and evaluated against a
`dict[str, float]` environment. Errors are exception classes that carry
the column of the problem.
"""

from __future__ import annotations

import math
from typing import Optional


class CalcError(Exception):
    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"column {column}: {message}")
        self.column = column


class Token:
    def __init__(self, kind: str, text: str, column: int) -> None:
        self.kind = kind  # "num", "name", "op" or "end"
        self.text = text
        self.column = column


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == " ":
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(source) and (source[i].isdigit() or source[i] == "."):
                i += 1
            tokens.append(Token("num", source[start:i], start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(source) and (source[i].isalnum() or source[i] == "_"):
                i += 1
            tokens.append(Token("name", source[start:i], start))
        elif ch in "+-*/^()=,":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r}", i)
    tokens.append(Token("end", "", len(source)))
    return tokens


class Node:
    def evaluate(self, env: dict[str, float]) -> float:
        raise NotImplementedError


class Number(Node):
    def __init__(self, value: float) -> None:
        self.value = value

    def evaluate(self, env: dict[str, float]) -> float:
        return self.value


class Name(Node):
    def __init__(self, name: str, column: int) -> None:
        self.name = name
        self.column = column

    def evaluate(self, env: dict[str, float]) -> float:
        value = env.get(self.name)
        if value is None:
            raise CalcError(f"undefined name {self.name}", self.column)
        return value


class Binary(Node):
    def __init__(self, op: str, left: Node, right: Node, column: int) -> None:
        self.op = op
        self.left = left
        self.right = right
        self.column = column

    def evaluate(self, env: dict[str, float]) -> float:
        a = self.left.evaluate(env)
        b = self.right.evaluate(env)
        if self.op == "+":
            return a + b
        elif self.op == "-":
            return a - b
        elif self.op == "*":
            return a * b
        elif self.op == "/":
            if b == 0:
                raise CalcError("division by zero", self.column)
            return a / b
        return math.pow(a, b)


class Call(Node):
    FUNCTIONS: dict[str, int] = {"sqrt": 1, "max": 2, "min": 2}

    def __init__(self, name: str, args: list[Node], column: int) -> None:
        self.name = name
        self.args = args
        self.column = column

    def evaluate(self, env: dict[str, float]) -> float:
        values = [arg.evaluate(env) for arg in self.args]
        if self.name == "sqrt":
            return math.sqrt(values[0])
        if self.name == "max":
            return max(values[0], values[1])
        return min(values[0], values[1])


class Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def accept(self, text: str) -> Optional[Token]:
        token = self.peek()
        if token.kind == "op" and token.text == text:
            self.pos += 1
            return token
        return None

    def expect(self, text: str) -> Token:
        token = self.accept(text)
        if token is None:
            raise CalcError(f"expected {text!r}", self.peek().column)
        return token

    def expression(self) -> Node:
        node = self.term()
        while self.peek().text in ("+", "-") and self.peek().kind == "op":
            op = self.tokens[self.pos]
            self.pos += 1
            node = Binary(op.text, node, self.term(), op.column)
        return node

    def term(self) -> Node:
        node = self.power()
        while self.peek().text in ("*", "/") and self.peek().kind == "op":
            op = self.tokens[self.pos]
            self.pos += 1
            node = Binary(op.text, node, self.power(), op.column)
        return node

    def power(self) -> Node:
        base = self.atom()
        caret = self.accept("^")
        if caret is not None:
            return Binary("^", base, self.power(), caret.column)  # right-associative
        return base

    def atom(self) -> Node:
        token = self.peek()
        self.pos += 1
        if token.kind == "num":
            return Number(float(token.text))
        if token.kind == "name":
            if self.accept("(") is None:
                return Name(token.text, token.column)
            args = [self.expression()]
            while self.accept(",") is not None:
                args.append(self.expression())
            self.expect(")")
            arity = Call.FUNCTIONS.get(token.text)
            if arity is None or arity != len(args):
                raise CalcError(f"bad call to {token.text} with {len(args)} argument(s)", token.column)
            return Call(token.text, args, token.column)
        if token.kind == "op" and token.text == "-":
            return Binary("-", Number(0.0), self.power(), token.column)
        if token.kind == "op" and token.text == "(":
            inner = self.expression()
            self.expect(")")
            return inner
        raise CalcError(f"unexpected {token.text or 'end of input'}", token.column)


def run_line(line: str, env: dict[str, float]) -> str:
    tokens = tokenize(line)
    target = ""
    if len(tokens) > 2 and tokens[0].kind == "name" and tokens[1].text == "=":
        target = tokens[0].text
        tokens = tokens[2:]
    parser = Parser(tokens)
    value = parser.expression()
    if parser.peek().kind != "end":
        raise CalcError("trailing input", parser.peek().column)
    result = value.evaluate(env)
    if target:
        env[target] = result
        return f"{target} = {result:g}"
    return f"{result:.6g}"


def main() -> None:
    env: dict[str, float] = {"pi": math.pi, "e": math.e}
    program = [
        "r = 2.5",
        "area = pi * r ^ 2",
        "2 ^ 3 ^ 2",
        "-(1 + 2) * 4 / 8",
        "hyp = sqrt(3 ^ 2 + 4 ^ 2)",
        "max(area, hyp * 4) - min(1, 2)",
        "1 / (r - 2.5)",
        "sqrt(1, 2)",
        "x + 1",
        "3 $ 4",
        "(1 + 2",
    ]
    for line in program:
        try:
            print(f"{line:<32} => {run_line(line, env)}")
        except CalcError as err:
            print(f"{line:<32} !! {err}")
    print(f"variables: {sorted(env.keys())}")


if __name__ == "__main__":
    main()
