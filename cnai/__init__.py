"""cnai: compare China's large AI models and the money behind them.

`__version__` stays a literal so that `cnai --version` imports nothing else.
"""

__version__ = "0.2.0"
