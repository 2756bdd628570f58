# SPDX-License-Identifier: Apache-2.0
"""The packaged libkartla in a process that runs another protobuf release.

    python other_protobuf.py PACKAGED_LIB DESCRIPTOR_SET LANGUAGES_JSON

The Python protobuf runtime (upb, from PyPI) is loaded first and the public kartla.v1 schemas are
registered in its pool under their published names; then the packaged library is loaded with
ctypes and makes an identity and a record, stores a section and returns it. Its protobuf copy is
hidden inside it, so neither runtime sees the other: the section bytes it returns parse with the
Python runtime's own classes, and a result it describes does too.
"""

import ctypes
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
import google.protobuf


class Buffer(ctypes.Structure):
    _fields_ = [("data", ctypes.POINTER(ctypes.c_uint8)), ("len", ctypes.c_size_t), ("internal", ctypes.c_void_p)]


class IdentityOptions(ctypes.Structure):  # kartla_identity_options (kartla/identity.h)
    _fields_ = [("version", ctypes.c_uint32), ("kdf_opslimit", ctypes.c_uint32),
                ("kdf_memlimit_mib", ctypes.c_uint32), ("created_at", ctypes.c_int64)]


def main(library_path, descriptor_set, languages_json):
    files = descriptor_pb2.FileDescriptorSet()
    with open(descriptor_set, "rb") as f:
        files.ParseFromString(f.read())
    pool = descriptor_pool.DescriptorPool()
    for file in files.file:
        pool.Add(file)
    languages_class = message_factory.GetMessageClass(pool.FindMessageTypeByName("kartla.v1.Languages"))
    section_list_class = message_factory.GetMessageClass(pool.FindMessageTypeByName("kartla.v1.SectionList"))

    lib = ctypes.CDLL(library_path)
    lib.kartla_version.restype = ctypes.c_char_p
    lib.kartla_last_error.restype = ctypes.c_char_p

    def check(status, what):
        if status != 0:
            raise SystemExit("FAIL: %s: status %d: %s" % (what, status, lib.kartla_last_error().decode()))

    def taken(buffer):
        data = ctypes.string_at(buffer.data, buffer.len)
        lib.kartla_buffer_free(ctypes.byref(buffer))
        return data

    options = IdentityOptions()
    lib.kartla_identity_options_init(ctypes.byref(options))
    options.kdf_memlimit_mib = 64  # the cheapest cost the library accepts
    identity, record = ctypes.c_void_p(), ctypes.c_void_p()
    code = Buffer()
    passphrase = b"another protobuf in this process"
    check(lib.kartla_identity_new(ctypes.byref(options), passphrase, ctypes.c_size_t(len(passphrase)), ctypes.byref(identity),
                                  ctypes.byref(code)), "kartla_identity_new")
    taken(code)
    check(lib.kartla_record_new(identity, ctypes.byref(record)), "kartla_record_new")
    with open(languages_json, "rb") as f:
        json_bytes = f.read()
    check(lib.kartla_record_set_section_json(record, b"languages", json_bytes, ctypes.c_size_t(len(json_bytes))),
          "kartla_record_set_section_json")
    out = Buffer()
    check(lib.kartla_record_section(record, b"languages", ctypes.byref(out)), "kartla_record_section")
    languages = languages_class()
    languages.ParseFromString(taken(out))
    check(lib.kartla_record_sections(record, 0, ctypes.byref(out)), "kartla_record_sections")  # PROTOBUF
    listed = section_list_class()
    listed.ParseFromString(taken(out))
    lib.kartla_record_free(record)
    lib.kartla_identity_free(identity)

    names = [s.name for s in listed.sections]
    if names != ["languages"] or len(languages.entries) == 0:
        raise SystemExit("FAIL: sections %r, %d language entries" % (names, len(languages.entries)))
    print("python protobuf %s and libkartla %s (protobuf inside it) in one process: %d language entries"
          % (google.protobuf.__version__, lib.kartla_version().decode(), len(languages.entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
