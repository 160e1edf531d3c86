"""Errors worded for people: what went wrong and what to do, in one line."""

import errno

KEPT = "The warehouse keeps its last committed state."


def describe_error(exc: BaseException) -> str:
    """One line for a person: what went wrong and what to do."""
    if isinstance(exc, OSError):
        where = exc.filename or "the warehouse"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"no space left to write {where}: free some disk space and run again. " + KEPT
        if exc.errno == errno.EROFS:
            return f"{where} is on a read-only file system: point CLAIMS_WAREHOUSE at a writable place. " + KEPT
        if exc.errno in (errno.EACCES, errno.EPERM):
            return f"permission denied on {where}: check who owns it and its permissions"
        if exc.errno == errno.ENOENT:
            return f"not found: {where}"
        return f"{exc.strerror or exc} ({where})"
    message = " ".join(str(exc).split())
    return known_cause(message) or f"{type(exc).__name__}: {message[:300]}"


def known_cause(message: str) -> str | None:
    """Advice for a failure whose message names a cause a user can act on (DuckDB's own wording),
    else None."""
    lowered = message.lower()
    if "no space left" in lowered:
        return "no space left to write the warehouse: free some disk space and run again. " + KEPT
    if "read-only file system" in lowered or "read only file system" in lowered:
        return "the warehouse is on a read-only file system: point CLAIMS_WAREHOUSE at a writable place. " + KEPT
    if "not a valid duckdb database" in lowered or "corrupt" in lowered:
        return (f"the warehouse file is damaged or not a DuckDB database ({message[:160]}): move it aside and "
                "run again to rebuild it from raw/")
    if "could not set lock" in lowered or "conflicting lock" in lowered:
        return "another process holds the warehouse open for writing: wait for it to finish, or stop it"
    return None
