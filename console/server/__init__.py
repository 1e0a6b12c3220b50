"""The console server (team mode, issue 15): ``service-console serve``.

An aiohttp application (:mod:`console.server.http`) running the same services as the
desktop on a PostgreSQL store; :mod:`console.server.run` opens the store, checks the
listen address and TLS, and serves. It wires storage and services like ``console.app``
(the top layer); the command line reaches it only lazily, through ``console.cli_server``.
"""
