"""Launch Service Console (same as `service-console` with no subcommand)."""

from console.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
