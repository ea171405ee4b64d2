"""Whether the tests run under CI, where a test that needs a missing tool must fail, not skip."""

import os


def in_ci() -> bool:
    """True when `CI` is set (`.ci/run` sets it; so do CI runners): `CI=1`, `CI=true`."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
