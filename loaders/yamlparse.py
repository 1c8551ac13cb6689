"""YAML files parsed by libyaml when PyYAML has it, with the pure-Python parser's errors.

The seeds' word lists, patterns and gazetteer are read at every start, and their lines
kept for messages: the pure-Python parser took most of a second to read them twice. The
C parser with the same resolvers and constructor gives the same data and lines; a text
it refuses is parsed again by the pure-Python loader, so an error, its line and its
wording stay that loader's.

>>> node, data = compose_and_load("a: [x, 1]\\nb: no\\n", yaml.SafeLoader)
>>> data, node.value[1][0].start_mark.line
({'a': ['x', 1], 'b': False}, 1)
"""

from __future__ import annotations

from functools import cache

import yaml


@cache
def _libyaml(loader: type) -> type | None:
    """``loader`` on libyaml's parser: its resolvers, the safe constructor."""
    if not getattr(yaml, "__with_libyaml__", False) or not issubclass(loader, yaml.SafeLoader):
        return None
    fast = type(f"C{loader.__name__}", (yaml.CSafeLoader,), {})
    fast.yaml_implicit_resolvers = loader.yaml_implicit_resolvers
    return fast


def compose_and_load(text: str, loader: type = yaml.SafeLoader):
    """(the node tree, the data) of a YAML text; ``yaml.YAMLError`` as ``loader`` raises
    it."""
    fast = _libyaml(loader)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast), yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass  # the pure-Python loader says what is wrong, and where
    return yaml.compose(text, Loader=loader), yaml.load(text, Loader=loader)
