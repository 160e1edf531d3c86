"""The Great Expectations internal the quality layer relies on (pipelines/quality/gx_private.py):
this fails, naming the installed GX version, when a release moves or changes it."""

from pipelines.quality import gx_adapter, gx_private

MOVED = f"great_expectations {gx_private.gx_version()} changed what pipelines/quality/gx_private.py uses"


def test_set_project_switches_the_current_project():
    first = gx_adapter.new_context()
    second = gx_adapter.new_context()  # get_context() made this one current
    try:
        gx_private.set_project(first)
    except (ImportError, AttributeError, TypeError) as exc:
        raise AssertionError(f"{MOVED}: {type(exc).__name__}: {exc}") from exc
    from great_expectations.data_context.data_context.context_factory import project_manager

    assert project_manager.get_current_project() is first, f"{MOVED}: set_project did not switch the project"
    gx_private.set_project(second)
    assert project_manager.get_current_project() is second, f"{MOVED}: set_project did not switch the project"

