"""Keep long runs from holding their peak memory."""


def release_freed_memory() -> None:
    """Collect garbage and hand freed heap pages back to the OS (glibc's malloc_trim): after
    reading a large input the process would otherwise keep its peak size for the whole run."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim, nothing lost
        pass
