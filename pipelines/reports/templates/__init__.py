"""Jinja2 templates of the report pages (autoescaped: holder names and evidence are article text)."""

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("pipelines.reports", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), keep_trailing_newline=True)


def render(name: str, **context) -> str:
    return _environment().get_template(name).render(**context)
