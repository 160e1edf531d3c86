"""Importable job factory for dg.reconstructable (the multiprocess executor re-imports the job)."""


def multiprocess_job():
    import pipelines.definitions as location

    return location.defs().resolve_job_def("ingest_and_extract_multiprocess")
