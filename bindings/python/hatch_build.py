# SPDX-License-Identifier: Apache-2.0
"""The wheel's build hook: generates kartla.v1 from proto/ and puts libkartla.so.1 in the wheel.

Where the native library comes from, in this order (the first that exists wins):

1. KARTLA_LIBRARY: a path to a libkartla.so.1 (any build; the packaging build is meant);
2. <repo>/build/release/packaged/libkartla.so.1: the packaging build (`bash .ci/package
   build/release`), with protobuf, libsodium and the C++ runtime inside it, hidden: the wheel
   then needs nothing from the machine but the C library, the way PyNaCl carries libsodium;
3. otherwise the hook builds the ordinary library with the project's CMake (target `kartla`, in
   <repo>/build/python-wheel; needs what .ci/install-deps installs). That library links the
   machine's libprotobuf and libsodium: the wheel works on this machine and on machines with the
   same Debian packages, and the hook says so.

KARTLA_WHEEL_WITHOUT_LIBRARY=1 builds a wheel without any library: the binding then loads an
installed libkartla.so.1 (KARTLA_LIBRARY, or the system's library path) at import.

The protobuf classes are generated with the protoc inside grpcio-tools (pinned in pyproject.toml
together with the runtime its gencode needs) from the public schemas only: the files of package
kartla.v1, as proto/CMakeLists.txt's kartla_proto_public; the container schemas stay private.
"""

from __future__ import annotations

import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LIBRARY_NAME = "libkartla.so.1"


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        repo = pathlib.Path(self.root).resolve().parents[1]
        if not (repo / "proto" / "kartla" / "v1").is_dir() or not (repo / "include" / "kartla").is_dir():
            raise RuntimeError(
                f"kartla's build needs the Kartla repository around bindings/python (no {repo}/proto): "
                "build the wheel from a checkout")
        self._tmp = pathlib.Path(tempfile.mkdtemp(prefix="kartla-wheel-"))
        force = build_data.setdefault("force_include", {})
        for source, target in self._generate(repo).items():
            force[str(source)] = target

        if os.environ.get("KARTLA_WHEEL_WITHOUT_LIBRARY") == "1":
            self.app.display_warning("kartla: no library in the wheel (KARTLA_WHEEL_WITHOUT_LIBRARY=1): "
                                     "it loads an installed libkartla.so.1")
            return
        library = self._library(repo)
        copied = self._tmp / LIBRARY_NAME
        shutil.copyfile(library, copied)  # the file, not a symlink
        os.chmod(copied, 0o755)
        force[str(copied)] = f"kartla/_lib/{LIBRARY_NAME}"
        # A native library inside: a platform wheel. ctypes needs no Python ABI, so any CPython 3.
        build_data["pure_python"] = False
        build_data["tag"] = "py3-none-" + sysconfig.get_platform().replace("-", "_").replace(".", "_")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    # -- kartla.v1 -------------------------------------------------------------------------------

    def _generate(self, repo: pathlib.Path) -> dict[pathlib.Path, str]:
        proto_root = repo / "proto"
        public = sorted(
            p.relative_to(proto_root).as_posix()
            for p in (proto_root / "kartla" / "v1").glob("*.proto")
            if re.search(r"^package kartla\.v1;", p.read_text(encoding="utf-8"), re.M))
        out = self._tmp / "gen"
        out.mkdir()
        descriptors = self._tmp / "public.desc"
        subprocess.run(
            [sys.executable, "-m", "grpc_tools.protoc", f"-I{proto_root}", f"--python_out={out}",
             f"--pyi_out={out}", f"--descriptor_set_out={descriptors}", *public],
            check=True)
        names = self._top_level_names(descriptors)
        init = out / "kartla" / "v1" / "__init__.py"
        init.write_text(_init_module(names), encoding="utf-8")
        generated: dict[pathlib.Path, str] = {}
        for path in sorted((out / "kartla" / "v1").iterdir()):
            generated[path] = f"kartla/v1/{path.name}"
        return generated

    @staticmethod
    def _top_level_names(descriptor_set: pathlib.Path) -> dict[str, list[str]]:
        from google.protobuf import descriptor_pb2  # grpcio-tools brings the runtime

        files = descriptor_pb2.FileDescriptorSet.FromString(descriptor_set.read_bytes())
        names: dict[str, list[str]] = {}
        for f in files.file:
            module = pathlib.PurePosixPath(f.name).stem + "_pb2"
            names[module] = [m.name for m in f.message_type] + [e.name for e in f.enum_type]
        return names

    # -- libkartla.so.1 ---------------------------------------------------------------------------

    def _library(self, repo: pathlib.Path) -> pathlib.Path:
        named = os.environ.get("KARTLA_LIBRARY")
        if named:
            path = pathlib.Path(named)
            if not path.is_file():
                raise RuntimeError(f"KARTLA_LIBRARY={named}: no such file")
            return path.resolve()
        packaged = repo / "build" / "release" / "packaged" / LIBRARY_NAME
        if packaged.is_file():
            return packaged.resolve()
        build = repo / "build" / "python-wheel"
        self.app.display_warning(
            f"kartla: no packaged library ({packaged}; `bash .ci/package build/release` makes it): "
            f"building the ordinary libkartla with CMake in {build}. It links this machine's "
            "libprotobuf and libsodium: the wheel runs where the same Debian packages are installed.")
        cmake = shutil.which("cmake")
        if cmake is None:
            raise RuntimeError("kartla: no library to put in the wheel and no cmake to build one: set KARTLA_LIBRARY, "
                               "run `bash .ci/package build/release`, or install cmake (.ci/install-deps)")
        jobs = os.environ.get("KARTLA_JOBS", str(os.cpu_count() or 1))
        subprocess.run([cmake, "-S", str(repo), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                        "-DKARTLA_BUILD_TESTS=OFF", "-DKARTLA_BUILD_BENCH=OFF", "-DKARTLA_SANITIZE="], check=True)
        subprocess.run([cmake, "--build", str(build), "-j", jobs, "--target", "kartla"], check=True)
        return (build / "src" / "capi" / LIBRARY_NAME).resolve()


def _init_module(names: dict[str, list[str]]) -> str:
    lines = [
        '"""The public Kartla schemas (proto/kartla/v1, package kartla.v1), generated when the wheel was built.',
        "",
        "Every message and enum of the section and result schemas, by name: `kartla.v1.Languages`,",
        "`kartla.v1.ShareDescription`. The modules themselves are `kartla.v1.<file>_pb2`.",
        '"""',
        "",
    ]
    exported: list[str] = []
    for module in sorted(names):
        if names[module]:
            lines.append(f"from .{module} import {', '.join(sorted(names[module]))}")
            exported += names[module]
    lines += ["", "__all__ = ["] + [f'    "{n}",' for n in sorted(exported)] + ["]", ""]
    return "\n".join(lines)
