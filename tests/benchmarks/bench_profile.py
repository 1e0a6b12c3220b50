"""Opening the profile of the customer with 10,000 purchases, against the plainest way.

    python -m tests.benchmarks.build_db              # once (reused afterwards)
    python -m tests.benchmarks.bench_profile [--db /tmp/sc-bench/bench.db] [--runs 50]

The same measurement as the profile part of ``bench_search.py``, without its search
part (which takes minutes): ``CustomerService.profile`` (the panel's data: customer,
greeting facts, loyalty, first page of purchases and visits) on the database thread,
the next page of 50 purchases, both in a row, and ``history_store.purchase_facts`` alone (the
part that reads all 10,000 purchases); against loading every purchase with its items
and adding up spend and favourites in Python. Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from functools import partial
from pathlib import Path
from typing import Any

from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite import history as history_store
from console.storage.sqlite import settings as settings_store
from console.storage.sqlite.runner import DatabaseRunner
from tests.benchmarks.bench_search import (
    DEFAULT_DB,
    MARKER,
    _open_and_page,
    _profile_plain,
    _stats,
    _time_async,
    _time_calls,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} does not exist: run tests/benchmarks/build_db.py first", file=sys.stderr)
        return 2
    with DatabaseRunner(args.db) as runner:
        settings = SettingsService(runner)
        service = CustomerService(runner, settings)
        marker = runner.call(settings_store.get_setting, MARKER) or {}
        big = marker.get("big_customer_id")
        if not big:
            print(f"{args.db} has no benchmark customer: rebuild it", file=sys.stderr)
            return 2
        runs = args.runs

        async def measure() -> dict[str, Any]:
            rule_category = (await settings.loyalty_rule()).category
            for _ in range(3):  # warm the page cache, not measured
                await _open_and_page(service, big)
                runner.call(_profile_plain, big)
            opened = _stats(await _time_async([partial(service.profile, big)] * runs))
            page = _stats(
                await _time_async([partial(service.purchases_page, big, service.PAGE)] * runs)
            )
            both = _stats(await _time_async([partial(_open_and_page, service, big)] * runs))
            facts = _stats(
                _time_calls(
                    [
                        partial(
                            runner.call,
                            history_store.purchase_facts,
                            big,
                            loyalty_category=rule_category,
                        )
                    ]
                    * runs
                )
            )
            plain = _stats(_time_calls([partial(runner.call, _profile_plain, big)] * runs))
            profile = await service.profile(big)
            assert profile is not None
            return {
                "customer_id": big,
                "purchase_count": profile.purchase_count,
                "profile": opened,
                "next_page_of_50": page,
                "profile_then_next_page": both,
                "purchase_facts_alone": facts,
                "plain_all_purchases_with_items": plain,
                "ratio_p50_plain_over_profile": round(plain["p50_ms"] / opened["p50_ms"], 1),
                "target_ms": 50,
            }

        results = asyncio.run(measure())
    print(
        json.dumps(
            {
                "benchmark": "open_profile_10000_purchases",
                "cpu_count": os.cpu_count(),
                "db": str(args.db),
                "rows": marker.get("rows"),
                **results,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
