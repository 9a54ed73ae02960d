"""The `molt` module for CPython.

A Molt program that exports functions from its wasm build writes
`import molt` and `@molt.export`; under CPython (put this directory on
PYTHONPATH) the decorator changes nothing, so the same file runs unchanged.
See docs/spec/wasm-targets.md.
"""
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable[..., object])


def export(fn: F) -> F:
    """Marks `fn` as exported from the wasm module; a no-op under CPython."""
    return fn
