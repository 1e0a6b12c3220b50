"""The desktop bundle's entry point: the same as the `service-console` command.

It lives here, not at the checkout's root, so that PyInstaller finds `console` in the
build environment's site-packages (installed from the wheel, resources built in) and not
in the checkout beside it.
"""

from console.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
