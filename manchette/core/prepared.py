"""Querysets compiled to SQL once per process, then only bound to new values.

Django builds and compiles a queryset's SQL on every evaluation: for the few
fixed-shape queries behind every article page (the page by its path, its
authors, tags and comments) that compilation was about a quarter of the
uncached page's CPU time (docs/benchmarks.md). ``PreparedQuery`` builds such a
queryset once with placeholder values, keeps its SQL and Django's compiler
(which knows the selected columns, the ``select_related`` models and the value
converters), and on each call runs that SQL with the real values and turns the
rows into model instances the way Django's ``ModelIterable`` does. SQLAlchemy
calls this a compiled cache.

Only ``str`` and ``int`` values, and lists of up to ``Ints(n)`` ints (padded
to ``n`` by repeating one, as ``IN`` ignores repeats), are bound this way; any
other value (None, a bool, a longer or empty list…) changes the SQL's shape, so
that call builds the queryset normally. ``prefetch_related`` lookups run after
the rows are read, as Django runs them. A value that the ORM rewrites before sending (``__icontains`` adds
``%``) is refused when the query is prepared, not answered wrongly.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.db.models import QuerySet, prefetch_related_objects
from django.db.models.query import ModelIterable, get_related_populators

_sentinels = count(7_340_000_000_001)


@dataclass(frozen=True)
class Ints:
    """The type of a list of at most ``size`` ints (``pk__in=ids``)."""

    size: int


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: dict  # value name -> positions in params
    compiler: object
    model: type
    init_list: list
    start: int
    end: int
    populators: list
    annotations: dict
    width: int | None  # columns to keep when ordering added extra ones
    converters: dict  # Django's value converters of the selected columns
    prefetches: tuple


class PreparedQuery:
    """A queryset of fixed shape, compiled once per database connection alias.

    ``build`` takes keyword arguments and returns the queryset; ``types`` names
    each argument's type (``str`` or ``int``)::

        by_path = PreparedQuery(
            lambda slug, url_path: ArticlePage.objects.filter(
                slug=slug, url_path=url_path
            ).select_related("section")[:1],
            slug=str,
            url_path=str,
        )
        pages = by_path(slug="a", url_path="/home/a/")  # a list of instances
    """

    def __init__(self, build: Callable[..., QuerySet], **types: type):
        if not types or any(
            kind not in (str, int) and not isinstance(kind, Ints)
            for kind in types.values()
        ):
            raise ImproperlyConfigured(
                "PreparedQuery binds str, int and Ints(n) values only."
            )
        self.build = build
        self.types = types
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()
        self._model = None

    def orm(self, **values) -> list:
        """Evaluate the queryset the ordinary way (the reference the tests compare to)."""
        return list(self.build(**values))

    def __call__(self, **values) -> list:
        for name, kind in self.types.items():
            value = values[name]
            if isinstance(kind, Ints):
                if not (
                    isinstance(value, list | tuple)
                    and 0 < len(value) <= kind.size
                    and all(type(item) is int for item in value)
                ):
                    return self.orm(**values)
                values[name] = [*value, *[value[0]] * (kind.size - len(value))]
            elif type(value) is not kind:  # None, bool, a subclass: the ORM decides.
                return self.orm(**values)
        model = self._model
        alias = router.db_for_read(model) if model is not None else None
        compiled = self._compiled.get(alias) if alias is not None else None
        if compiled is None:
            compiled = self._compile()
            alias = router.db_for_read(compiled.model)
        params = list(compiled.params)
        for name, positions in compiled.slots.items():
            value = values[name]
            if isinstance(value, list):
                for position, item in zip(positions, value, strict=True):
                    params[position] = item
            else:
                for position in positions:
                    params[position] = value
        with connections[alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.width is not None:
            rows = [row[: compiled.width] for row in rows]
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        objects = []
        start, end = compiled.start, compiled.end
        for row in rows:
            obj = compiled.model.from_db(alias, compiled.init_list, row[start:end])
            for populator in compiled.populators:
                populator.populate(row, obj)
            for attribute, position in compiled.annotations.items():
                setattr(obj, attribute, row[position])
            objects.append(obj)
        if compiled.prefetches and objects:
            prefetch_related_objects(objects, *compiled.prefetches)
        return objects

    def _compile(self) -> _Compiled:
        sentinels = {}
        for name, kind in self.types.items():
            if isinstance(kind, Ints):
                sentinels[name] = [next(_sentinels) for _ in range(kind.size)]
            elif kind is int:
                sentinels[name] = next(_sentinels)
            else:
                sentinels[name] = f"\x1fprepared:{name}:{next(_sentinels)}\x1f"
        queryset = self.build(**sentinels)
        if (
            queryset._iterable_class is not ModelIterable
            or queryset._known_related_objects
        ):
            raise ImproperlyConfigured(
                "PreparedQuery takes plain model querysets (no values() or "
                "related manager)."
            )
        prefetches = tuple(queryset._prefetch_related_lookups)
        queryset = queryset.prefetch_related(None)
        alias = queryset.db
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()

        def positions(sentinel) -> list[int]:
            if isinstance(sentinel, list):
                found = [positions(item) for item in sentinel]
                return [p[0] for p in found] if all(len(p) == 1 for p in found) else []
            return [i for i, param in enumerate(params) if param == sentinel]

        slots = {name: positions(sentinel) for name, sentinel in sentinels.items()}
        missing = [name for name, found in slots.items() if not found]
        if missing:
            raise ImproperlyConfigured(
                f"PreparedQuery: the ORM rewrote {', '.join(missing)} before "
                "sending it; this queryset cannot be prepared."
            )
        klass_info = compiler.klass_info
        select = compiler.select
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        columns = [column[0] for column in select[: compiler.col_count]]
        if compiler.has_composite_fields(columns):
            raise ImproperlyConfigured(
                "PreparedQuery: composite keys are not supported."
            )
        compiled = _Compiled(
            sql=sql,
            params=tuple(params),
            slots=slots,
            compiler=compiler,
            model=klass_info["model"],
            init_list=[column[0].target.attname for column in select[start:end]],
            start=start,
            end=end,
            populators=get_related_populators(klass_info, select, alias),
            annotations=dict(compiler.annotation_col_map or {}),
            width=compiler.col_count if compiler.has_extra_select else None,
            prefetches=prefetches,
            converters=compiler.get_converters(columns),
        )
        with self._lock:
            self._compiled[alias] = compiled
            self._model = queryset.model
        return compiled
