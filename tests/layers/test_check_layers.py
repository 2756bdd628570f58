#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Self-test of check_layers.py: a fabricated tree that follows its table passes, and the same
tree with one violation planted fails with that violation's rule, for every rule. Without this
a checker that silently matched nothing would pass on the real tree forever."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_layers  # noqa: E402

LAYERS = """\
# a small table in the real file's syntax
base
crypto io
format
model identity
capi
cli

owns capi include/kartla
public-only cli
"""

THREATS = """\
# Threats

## Where the defences live

| Layer | Directory | Defends |
|---|---|---|
| base | `src/base` | errors |
| crypto, io | `src/crypto`, `src/io` | secrets; the OS |
| format | `src/format` | the container |
| model, identity | `src/model`, `src/identity` | sections; identities |
| C ABI | `src/capi`, `include/kartla/kartla.h` | the boundary |
| CLI | `src/cli` | the tool |

## How to read an entry
"""

CLEAN = {
    "src/LAYERS": LAYERS,
    "docs/THREATS.md": THREATS,
    "proto/kartla/v1/container.proto": 'syntax = "proto3";\npackage kartla.v1.container;\nmessage Card {}\n',
    "proto/kartla/v1/types.proto": 'syntax = "proto3";\npackage kartla.v1;\nmessage Coding {}\n',
    "include/kartla/kartla.h": '#ifdef __cplusplus\nextern "C" {\n#endif\nint kartla_f(void);\n'
                               '#ifdef __cplusplus\n}\n#endif\n',
    "src/base/error.h": "#pragma once\n#include <string>\n",
    "src/crypto/aead.h": '#pragma once\n#include "base/error.h"\n',
    "src/crypto/aead.cpp": '#include "crypto/aead.h"\n\n#include <sodium.h>\n',
    "src/io/file.h": '#pragma once\n#include "base/error.h"\n',
    "src/format/codec.h": '#pragma once\n#include "crypto/aead.h"\n#include "io/file.h"\n',
    "src/format/codec.cpp": '#include "format/codec.h"\n#include "kartla/v1/container.pb.h"\n'
                            "kartla::v1::container::Card card;\n",
    "src/model/record.h": '#pragma once\n#include "format/codec.h"\n#include "kartla/v1/types.pb.h"\n',
    "src/model/validation/rules.h": '#pragma once\n#include "model/record.h"\n',
    "src/identity/identity.h": '#pragma once\n#include "format/codec.h"\n',
    "src/identity/identity.cpp": '#include "identity/identity.h"\n'
                                 '// #include "model/record.h" would be sideways: a comment may say so\n'
                                 '/* nor may it write extern "C" here */\n'
                                 'const char* s = "// not a comment: #include \\"model/record.h\\"";\n',
    "src/capi/record.cpp": '#include "kartla/kartla.h"\n#include "model/record.h"\n#include "identity/identity.h"\n'
                           'extern "C" int kartla_f(void) { return 0; }\n',
    "src/cli/main.cpp": '#include "kartla/kartla.h"\n#include "args.h"\n#include <string>\n',
    "src/cli/args.h": "#pragma once\n",
}


class CheckLayersTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="kartla_layers_")
        for rel, text in CLEAN.items():
            self.write(rel, text)

    def tearDown(self):
        shutil.rmtree(self.root)

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def append(self, rel, text):
        with open(os.path.join(self.root, rel), "a", encoding="utf-8") as f:
            f.write(text)

    def problems(self):
        return check_layers.check(self.root)[1]

    def assert_fails(self, rule, where):
        problems = self.problems()
        self.assertTrue(problems, f"expected {rule}, got a clean pass")
        self.assertTrue(any(f": {rule}:" in p and p.startswith(where) for p in problems),
                        f"expected {rule} at {where}, got {problems}")

    def test_clean_tree_passes(self):
        self.assertEqual(self.problems(), [])

    def test_exit_status(self):
        run = lambda: subprocess.run([sys.executable, os.path.join(HERE, "check_layers.py"), self.root],
                                     capture_output=True, text=True)
        self.assertEqual(run().returncode, 0)
        self.append("src/crypto/aead.cpp", '#include "format/codec.h"\n')
        result = run()
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("layer-upward", result.stdout)

    def test_upward_include(self):
        self.append("src/crypto/aead.cpp", '#include "format/codec.h"\n')
        self.assert_fails("layer-upward", "src/crypto/aead.cpp:4")

    def test_upward_include_of_a_missing_header(self):
        self.append("src/format/codec.cpp", '#include "model/not_written_yet.h"\n')
        self.assert_fails("layer-upward", "src/format/codec.cpp")

    def test_upward_include_with_angle_brackets(self):
        self.append("src/format/codec.cpp", "#include <identity/identity.h>\n")
        self.assert_fails("layer-upward", "src/format/codec.cpp")

    def test_upward_include_by_relative_path(self):
        self.append("src/io/file.h", '#include "../format/codec.h"\n')
        self.assert_fails("layer-upward", "src/io/file.h")

    def test_upward_include_of_the_public_header(self):
        self.append("src/model/record.h", '#include "kartla/kartla.h"\n')
        self.assert_fails("layer-upward", "src/model/record.h")

    def test_sideways_include(self):
        # The case of issue 12: identity reaching into model's validation.
        self.append("src/identity/identity.cpp", '#include "model/validation/rules.h"\n')
        self.assert_fails("layer-sideways", "src/identity/identity.cpp")

    def test_sideways_include_on_the_lowest_level(self):
        self.append("src/io/file.h", '#include "crypto/aead.h"\n')
        self.assert_fails("layer-sideways", "src/io/file.h")

    def test_public_only_layer_including_internals(self):
        self.append("src/cli/main.cpp", '#include "base/error.h"\n')
        self.assert_fails("layer-public-only", "src/cli/main.cpp")

    def test_directory_missing_from_the_table(self):
        self.write("src/extra/helper.cpp", '#include "base/error.h"\n')
        self.assert_fails("layer-unknown-directory", "src/extra/helper.cpp")

    def test_include_of_a_directory_missing_from_the_table(self):
        self.write("src/extra/helper.h", "#pragma once\n")
        self.append("src/model/record.h", '#include "extra/helper.h"\n')
        self.assert_fails("layer-unknown-directory", "src/model/record.h")

    def test_sodium_outside_crypto(self):
        self.append("src/format/codec.cpp", "#include <sodium.h>\n")
        self.assert_fails("sodium-outside-crypto", "src/format/codec.cpp")

    def test_sodium_in_a_public_header(self):
        self.append("include/kartla/kartla.h", '#include "sodium.h"\n')
        self.assert_fails("sodium-outside-crypto", "include/kartla/kartla.h")

    def test_container_schema_header_outside_format(self):
        self.append("src/model/record.h", '#include "kartla/v1/container.pb.h"\n')
        self.assert_fails("container-schema-outside-format", "src/model/record.h")

    def test_container_schema_namespace_outside_format(self):
        self.append("src/identity/identity.cpp", "void f(const kartla::v1::container::Card&);\n")
        self.assert_fails("container-schema-outside-format", "src/identity/identity.cpp")

    def test_container_schema_found_by_package_not_by_name(self):
        self.write("proto/kartla/v1/receipt.proto", "syntax = \"proto3\";\npackage kartla.v1.container;\n")
        self.append("src/model/record.h", '#include "kartla/v1/receipt.pb.h"\n')
        self.assert_fails("container-schema-outside-format", "src/model/record.h")

    def test_extern_c_outside_capi(self):
        self.append("src/format/codec.cpp", 'extern "C" void leak(void);\n')
        self.assert_fails("extern-c-outside-capi", "src/format/codec.cpp")

    def test_extern_c_block_in_cli(self):
        self.append("src/cli/main.cpp", 'extern "C" {\nvoid f();\n}\n')
        self.assert_fails("extern-c-outside-capi", "src/cli/main.cpp")

    def test_threats_table_missing_a_layer(self):
        self.write("docs/THREATS.md", THREATS.replace(", `src/io`", ""))
        self.assert_fails("table-mismatch", "docs/THREATS.md")

    def test_threats_table_rows_out_of_order(self):
        swapped = THREATS.replace("| format | `src/format` | the container |\n", "")
        swapped = swapped.replace("| C ABI |", "| format | `src/format` | the container |\n| C ABI |")
        self.write("docs/THREATS.md", swapped)
        self.assert_fails("table-mismatch", "docs/THREATS.md")

    def test_threats_table_without_the_public_header(self):
        self.write("docs/THREATS.md", THREATS.replace(", `include/kartla/kartla.h`", ""))
        self.assert_fails("table-mismatch", "docs/THREATS.md")

    def test_layer_without_a_directory(self):
        shutil.rmtree(os.path.join(self.root, "src", "io"))
        self.assert_fails("table-mismatch", "src/LAYERS")


if __name__ == "__main__":
    unittest.main(verbosity=1)
