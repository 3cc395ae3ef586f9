"""Validates JSON documents against a folder of JSON Schemas (Draft 7 style, `$ref` by file name).

    python validate_json.py SCHEMA_DIR SCHEMA_FILE DOCUMENT_FILE [SCHEMA_FILE DOCUMENT_FILE ...]

Prints one line per document ("ok NAME" or the first error) and exits 1 if any is invalid.
Used by the Open311 tests with the schemas in ../shared/schemas/open311-georeport-v2/.
"""
import json
import os
import sys

from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

folder = sys.argv[1]
schemas = {}
for name in os.listdir(folder):
    if name.endswith(".json"):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            schemas[name] = json.load(f)
registry = Registry().with_resources(
    (name, Resource.from_contents(schema, default_specification=DRAFT7)) for name, schema in schemas.items()
)
failed = False
pairs = sys.argv[2:]
for schema_name, document in zip(pairs[0::2], pairs[1::2]):
    with open(document, encoding="utf-8") as f:
        instance = json.load(f)
    validator = Draft7Validator(schemas[schema_name], registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    if errors:
        failed = True
        print(f"invalid {os.path.basename(document)} against {schema_name}: {errors[0].message} at {list(errors[0].path)}")
    else:
        print(f"ok {os.path.basename(document)}")
sys.exit(1 if failed else 0)
