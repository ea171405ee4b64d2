#!/bin/sh
# Create the virtualenv VENV with PYTHON and install the lock files into it:
#   scripts/venv.sh PYTHON VENV LOCK...
#
# With uv (pinned in requirements-setup.lock, from PyPI), which installs a lock several times faster than pip;
# with pip where uv cannot be had or fails. The lock files are the same either way. uv reads neither pip's
# configuration nor PIP_* variables: it installs from PyPI (or what UV_INDEX_URL names), so a machine whose
# pip is set up for another index falls back to pip. Bytecode is compiled as pip compiles it, so that a run
# where PYTHONDONTWRITEBYTECODE is set does not compile every module it imports.
set -eu
python=$1
venv=$2
shift 2

if [ ! -x "$venv/bin/python" ]; then
  # Without pip: ensurepip is most of the time `python -m venv` takes, and uv needs no pip in the venv.
  "$python" -m venv --without-pip "$venv"
fi
if [ ! -x "$venv/bin/uv" ]; then
  # uv into the venv by the interpreter's own pip (pip >= 22.3 installs into another environment), else by a
  # pip of the venv's own.
  "$python" -m pip --python "$venv/bin/python" install --quiet --disable-pip-version-check \
      -r requirements-setup.lock 2>/dev/null \
    || { "$venv/bin/python" -m ensurepip --upgrade >/dev/null 2>&1 \
         && "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-setup.lock; } \
    || echo "uv could not be installed: installing with pip" >&2
fi
if [ -x "$venv/bin/uv" ]; then
  locks=""
  for lock in "$@"; do locks="$locks -r $lock"; done
  # shellcheck disable=SC2086  # one -r per lock file
  if "$venv/bin/uv" pip install --quiet --python "$venv/bin/python" $locks; then
    # On every core (uv's own --compile-bytecode took twice as long here); like pip, a file that does not
    # compile is left as it is.
    "$venv/bin/python" -m compileall -q -j 0 "$venv/lib" >/dev/null 2>&1 || true
    exit 0
  fi
  echo "uv failed: installing with pip" >&2
fi
[ -x "$venv/bin/pip" ] || "$venv/bin/python" -m ensurepip --upgrade >/dev/null
for lock in "$@"; do
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$lock"
done
