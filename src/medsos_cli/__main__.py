"""Allow ``python -m medsos_cli``."""

from medsos_cli.cli import main

if __name__ == "__main__":
    main()
