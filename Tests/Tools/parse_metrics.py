#!/usr/bin/env python3
"""Reads a Prometheus text exposition on stdin with the official parser (PyPI prometheus-client) and prints
its samples as JSON: [{"family", "type", "name", "labels", "value"}, ...]. A text the parser refuses exits
non-zero with its error, so the test fails on a malformed exposition."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        samples.append({"family": family.name, "type": family.type, "name": sample.name,
                        "labels": sample.labels, "value": sample.value})
json.dump(samples, sys.stdout)
