"""The one YAML loader for front matter (drafts and outlines): bounded in time and memory.

`yaml.safe_load` builds whatever the text describes. A few lines of anchors and aliases
(`a: &a [x, x]`, `b: &b [*a, *a]`, ...) describe a structure of billions of nodes; PyYAML
itself shares the aliased objects, but the first walk over the result (printing a title,
collecting references) expands them and runs for hours or fills memory. Deep nesting
(`[[[[...`) overflows the stack. This loader caps the text's size and nesting, counts what the
aliases expand to and refuses more than a front matter ever holds, with an error that is a
`yaml.YAMLError` (so the callers' "not valid YAML" handling words it) carrying a readable
`problem`.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# A front matter with a bibliography of a few hundred references is ~200 KB of YAML.
MAX_CHARS = 2 * 1024 * 1024
MAX_DEPTH = 100
# What the document may expand to once every alias is replaced by what it names.
MAX_NODES = 500_000
MAX_SCALAR_CHARS = 8 * 1024 * 1024


class YAMLTooLarge(yaml.YAMLError):
    """Front matter refused before it could cost unbounded time or memory."""

    def __init__(self, problem: str, mark: Any = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark

    def __str__(self) -> str:
        if self.problem_mark is None:
            return self.problem
        return f"{self.problem} (line {self.problem_mark.line + 1})"


class _BoundedLoader(yaml.SafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        # The composer recurses once per nesting level; PyYAML's scanner and parser do not.
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YAMLTooLarge(
                    f"it nests more than {MAX_DEPTH} levels deep", self.peek_event().start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str) -> Any:
    """Parse one YAML document like `yaml.safe_load`, within the limits above.

    Raises `yaml.YAMLError` for invalid YAML and `YAMLTooLarge` (a subclass) for YAML that is
    valid but too big, too deep, or whose aliases expand past the budget or refer to
    themselves.
    """
    if len(text) > MAX_CHARS:
        raise YAMLTooLarge(
            f"it is {len(text) // 1024} KB long, over the {MAX_CHARS // (1024 * 1024)} MB "
            "limit for front matter"
        )
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _check_expansion(root: Node) -> None:
    """Raise unless the node graph, with every alias expanded, stays within the budget.

    Aliases make the graph a DAG whose expansion can be exponential in its size; the sizes
    are summed per node once (memoised), iteratively, so the check itself is linear.
    """
    sizes: dict[int, tuple[int, int, int]] = {}  # id -> (nodes, scalar chars, depth)
    started: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        key = id(node)
        if expanded:
            children = [sizes[id(child)] for child in _children(node)]
            nodes = 1 + sum(c[0] for c in children)
            chars = (len(node.value) if isinstance(node, ScalarNode) else 0) + sum(
                c[1] for c in children
            )
            depth = 1 + max((c[2] for c in children), default=0)
            if nodes > MAX_NODES or chars > MAX_SCALAR_CHARS or depth > MAX_DEPTH:
                raise YAMLTooLarge(
                    "its aliases (*name) expand to more than front matter can hold "
                    f"(over {MAX_NODES:,} values, {MAX_SCALAR_CHARS // (1024 * 1024)} MB of "
                    f"text or {MAX_DEPTH} levels)",
                    node.start_mark,
                )
            sizes[key] = (nodes, chars, depth)
            started.discard(key)
            continue
        if key in sizes:
            continue
        if key in started:
            # Started and not finished: an ancestor, so the alias refers to itself.
            raise YAMLTooLarge("an alias (*name) refers to itself", node.start_mark)
        started.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in started:
                raise YAMLTooLarge("an alias (*name) refers to itself", child.start_mark)
            if id(child) not in sizes:
                stack.append((child, False))
