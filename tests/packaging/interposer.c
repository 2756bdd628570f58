/* SPDX-License-Identifier: Apache-2.0 */
/* A stand-in for "another copy of protobuf and libsodium already in the process": a preloaded
 * library that defines some of the symbols libkartla uses from them. A library that imports those
 * symbols binds to these (the dynamic linker searches the preloaded library first) and exits with
 * a message; the packaged library, which carries its own copies, hidden, never sees them. */
#include <stdio.h>
#include <stdlib.h>

/* The build hides symbols by default; these must be seen by the dynamic linker. */
#define INTERPOSE __attribute__((visibility("default")))

static void interposed(const char *name) {
  fprintf(stderr, "interposed: the library called the process's %s\n", name);
  fflush(stderr);
  _Exit(42);
}

/* google::protobuf::util::JsonStringToMessage(StringPiece, Message*, const JsonParseOptions&) */
INTERPOSE void _ZN6google8protobuf4util19JsonStringToMessageENS0_20stringpiece_internal11StringPieceEPNS0_7MessageERKNS1_16JsonParseOptionsE(void) {
  interposed("protobuf JsonStringToMessage");
}
/* google::protobuf::MessageLite::ParseFromArray(const void*, int) */
INTERPOSE void _ZN6google8protobuf11MessageLite14ParseFromArrayEPKvi(void) { interposed("protobuf ParseFromArray"); }
/* google::protobuf::MessageLite::ParseFromString(const std::string&) */
INTERPOSE void _ZN6google8protobuf11MessageLite15ParseFromStringERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE(void) {
  interposed("protobuf ParseFromString");
}
/* libsodium */
INTERPOSE int crypto_pwhash(void) {
  interposed("libsodium crypto_pwhash");
  return -1;
}
INTERPOSE int crypto_aead_xchacha20poly1305_ietf_encrypt(void) {
  interposed("libsodium crypto_aead_xchacha20poly1305_ietf_encrypt");
  return -1;
}
