"""Hypothesis entry point: registers learnkit's strategies for ``st.from_type``."""


def _hypothesis_setup_hook() -> None:
    from learnkit.strategies import register_type_strategies  # noqa: PLC0415 - on demand

    register_type_strategies()
