"""Hypothesis profiles: ``ci`` (derandomized), ``dev`` (the default) and ``fast``.

``ci`` runs 50 examples per property so the whole suite, under coverage, stays
within about ten minutes on CI's two cores; ``dev`` runs 100 with a random seed,
so local runs keep exploring new cases.

The profile comes from ``HYPOTHESIS_PROFILE``; ``.ci/run`` sets ``ci``, and a run
without it uses ``dev``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,  # a red CI must be reproducible, not a dice roll
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
