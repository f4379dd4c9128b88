#!/usr/bin/env python3
"""Checks a Frictionless Data Package (v2) zip against the spec, independently of the code that wrote it.

Written from the specifications (https://datapackage.org/standard/data-package/, .../data-resource/,
.../table-schema/, .../table-dialect/) with Python's standard library only, because the reference validator
(frictionless-py) is not installable from the registries this project uses. It checks: the descriptor's required
properties and profile; each resource's path, bytes and sha256 hash against the file; the CSV header against the
schema's fields; every cell against its field's type, format and constraints (missing values honoured); and the
primary key (present, unique). Prints {"valid": ..., "errors": [...], "rows": {...}} and exits 0 when valid.

Usage: check.py PACKAGE.zip
"""
import csv
import datetime
import hashlib
import io
import json
import re
import sys
import uuid
import zipfile
from urllib.parse import urlparse

NAME = re.compile(r"^[a-z0-9._-]+$")


def cast(value, field):
    """The cell as its field's type says, or raises ValueError."""
    kind = field.get("type", "any")
    if kind == "list":
        item = dict(type=field.get("itemType", "string"))
        return [cast(v, item) for v in value.split(field.get("delimiter", ","))]
    if kind == "string":
        fmt = field.get("format", "default")
        if fmt == "uuid":
            uuid.UUID(value)
        elif fmt == "uri":
            parsed = urlparse(value)
            if not parsed.scheme or not parsed.netloc:
                raise ValueError("not a URI")
        return value
    if kind == "integer":
        if not re.fullmatch(r"[+-]?[0-9]+", value):
            raise ValueError("not an integer")
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        if value not in ("true", "false", "True", "False", "TRUE", "FALSE", "1", "0"):
            raise ValueError("not a boolean")
        return value in ("true", "True", "TRUE", "1")
    if kind == "datetime":
        # The default format is ISO 8601 with a time zone: YYYY-MM-DDThh:mm:ss[.fff]Z or ±hh:mm.
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", value):
            raise ValueError("not an ISO 8601 datetime")
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if kind == "any":
        return value
    raise ValueError("type %r is not one this checker knows" % kind)


def check(path):
    errors = []
    rows = {}
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        if "datapackage.json" not in names:
            return ["no datapackage.json at the root of the zip"], rows
        pkg = json.loads(z.read("datapackage.json"))
        if pkg.get("$schema") != "https://datapackage.org/profiles/2.0/datapackage.json":
            errors.append("$schema is not the Data Package v2 profile")
        if "name" in pkg and not NAME.match(pkg["name"]):
            errors.append("name %r is not lower-case alphanumerics with . _ -" % pkg["name"])
        resources = pkg.get("resources")
        if not isinstance(resources, list) or not resources:
            return errors + ["resources must be a non-empty array"], rows
        for r in resources:
            rname = r.get("name")
            if not rname or not NAME.match(rname):
                errors.append("resource name %r is missing or invalid" % rname)
            rpath = r.get("path")
            if not isinstance(rpath, str) or rpath.startswith("/") or ".." in rpath.split("/"):
                errors.append("resource %s: path must be a relative POSIX path" % rname)
                continue
            if rpath not in names:
                errors.append("resource %s: %s is not in the package" % (rname, rpath))
                continue
            data = z.read(rpath)
            if "bytes" in r and r["bytes"] != len(data):
                errors.append("resource %s: bytes %s but the file has %d" % (rname, r["bytes"], len(data)))
            if "hash" in r:
                algorithm, _, digest = r["hash"].partition(":") if ":" in r["hash"] else ("md5", "", r["hash"])
                if hashlib.new(algorithm, data).hexdigest() != digest:
                    errors.append("resource %s: %s hash does not match the file" % (rname, algorithm))
            schema = r.get("schema")
            if r.get("type") != "table" or not isinstance(schema, dict):
                continue
            fields = schema.get("fields", [])
            missing = set(schema.get("missingValues", [""]))
            dialect = r.get("dialect", {})
            reader = csv.reader(io.StringIO(data.decode(r.get("encoding", "utf-8")), newline=""),
                                delimiter=dialect.get("delimiter", ","), quotechar=dialect.get("quoteChar", '"'))
            table = list(reader)
            if dialect.get("header", True):
                header, table = table[0], table[1:]
                if header != [f["name"] for f in fields]:
                    errors.append("resource %s: header %s is not the schema's fields" % (rname, header))
            keys = set()
            key_fields = schema.get("primaryKey", [])
            if isinstance(key_fields, str):
                key_fields = [key_fields]
            for number, row in enumerate(table, start=2):
                if len(row) != len(fields):
                    errors.append("%s row %d: %d cells for %d fields" % (rname, number, len(row), len(fields)))
                    continue
                values = {}
                for field, cell in zip(fields, row):
                    if cell in missing:
                        values[field["name"]] = None
                        if field.get("constraints", {}).get("required"):
                            errors.append("%s row %d: %s is required" % (rname, number, field["name"]))
                        continue
                    try:
                        values[field["name"]] = cast(cell, field)
                    except ValueError as e:
                        errors.append("%s row %d: %s %r: %s" % (rname, number, field["name"], cell[:40], e))
                if key_fields:
                    key = tuple(json.dumps(values.get(k), default=str) for k in key_fields)
                    if any(values.get(k) is None for k in key_fields):
                        errors.append("%s row %d: primary key %s has a missing value" % (rname, number, key_fields))
                    elif key in keys:
                        errors.append("%s row %d: primary key %s is not unique" % (rname, number, key_fields))
                    keys.add(key)
            rows[rname] = len(table)
    return errors, rows


if __name__ == "__main__":
    found, counted = check(sys.argv[1])
    print(json.dumps({"valid": not found, "errors": found[:50], "rows": counted}))
    sys.exit(0 if not found else 1)
