"""`python -m cnai` is the same program as the `cnai` script."""

from cnai.cli import main

if __name__ == "__main__":
    main()
