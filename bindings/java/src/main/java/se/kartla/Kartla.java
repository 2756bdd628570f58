// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Secret;
import se.kartla.internal.Text;
import se.kartla.v1.CardDescription;
import se.kartla.v1.ValidationReport;

/**
 * The library as a whole (kartla/common.h) and the functions that take no handle: versions, the
 * list of sections, agency roles, cards and content validation. Every method is thread-safe.
 *
 * <p>The native library is the one in the folder named by the system property
 * {@code kartla.library.path} when it is set; else JNA's search when {@code jna.library.path} is
 * set; else the one the jar carries ({@code linux-x86-64/libkartla.so}); else the system's. When
 * it cannot be loaded, the first call throws {@link UnsatisfiedLinkError} saying how to set it;
 * {@link #libraryLocation()} says which one was loaded.
 */
public final class Kartla {
  private static final int PROTOBUF = 0;

  private Kartla() {}

  /** The library's version, "0.1.0". */
  public static String version() {
    Lib.check();
    return Native.kartla_version().getString(0, "UTF-8");
  }

  /** MAJOR * 10000 + MINOR * 100 + PATCH. */
  public static int versionNumber() {
    Lib.check();
    return Native.kartla_version_number();
  }

  /** The ABI version (the shared library's SOVERSION); the binding checks it when loading. */
  public static int abiVersion() {
    Lib.check();
    return Native.kartla_abi_version();
  }

  /** The container format major version the library reads and writes. */
  public static int formatVersion() {
    Lib.check();
    return Native.kartla_format_version();
  }

  /**
   * Where the loaded native library came from: the jar's resource URL
   * ({@code jar:file:/.../kartla.jar!/linux-x86-64/libkartla.so}) when it is the one the jar
   * carries, else the path of the file loaded.
   */
  public static String libraryLocation() {
    return Lib.location();
  }

  /** The fixed list of section names ("profile", "languages", ...), in the library's order. */
  public static List<String> sectionNames() {
    Lib.check();
    long n = Native.kartla_section_count();
    List<String> names = new ArrayList<>();
    for (long i = 0; i < n; i++) names.add(Native.kartla_section_name(i).getString(0, "UTF-8"));
    return Collections.unmodifiableList(names);
  }

  /**
   * Whether the section holds special-category (health) data that no wildcard share ever
   * includes. {@link Status#E_INVALID_ARGUMENT} for an unknown name.
   */
  public static boolean isSpecialCategory(String section) {
    Lib.check();
    byte[] name = Text.c(section, "section");
    Scratch s = Scratch.get();
    Calls.check(Native.kartla_section_is_special_category(name, s.out()));
    return s.outInt() != 0;
  }

  /** The documented agency roles ("municipal_labour_unit", ...). */
  public static List<String> agencyRoles() {
    Lib.check();
    long n = Native.kartla_agency_role_count();
    List<String> roles = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      Pointer p = Native.kartla_agency_role_name(i);
      if (p != null) roles.add(p.getString(0, "UTF-8"));
    }
    return Collections.unmodifiableList(roles);
  }

  /** The status name the library gives a code ("E_FORMAT"; "UNKNOWN" for codes it does not know). */
  public static String statusName(int code) {
    Lib.check();
    return Native.kartla_status_name(code).getString(0, "UTF-8");
  }

  /** The fingerprint of a card file, after checking its self-signature ({@link Status#E_SIGNATURE}). */
  public static String cardFingerprint(byte[] card) {
    Lib.check();
    Args.notNull(card, "card");
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_card_fingerprint(card, card.length, s.buffer()));
      return s.text();
    } finally {
      s.freeBuffers();
    }
  }

  /** A card file described: kind (owner, agency, trust root), name, organisation, role, fingerprint. */
  public static CardDescription describeCard(byte[] card) {
    Lib.check();
    Args.notNull(card, "card");
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_card_describe(card, card.length, PROTOBUF, s.buffer()));
      return s.message(CardDescription.parser());
    } finally {
      s.freeBuffers();
    }
  }

  /**
   * Validates section content (protobuf bytes) against the offline rules of docs/MODEL.md, as
   * {@link Record#setSection} does, and returns every violation in field order (none when valid:
   * {@code report.getViolationsCount() == 0}). Content that does not parse is one violation with
   * rule "schema-parse". {@link Status#E_INVALID_ARGUMENT} for an unknown section,
   * {@link Status#E_LIMIT} for content over the section size limit.
   */
  public static ValidationReport validateSection(String section, byte[] protobuf) {
    Lib.check();
    byte[] name = Text.c(section, "section");
    try (Secret content = Secret.of(protobuf, "protobuf")) {
      return validate(Native.kartla_validate_section(name, content.pointer(), content.length(), PROTOBUF,
          Scratch.get().buffer()));
    }
  }

  /** As {@link #validateSection}, for protobuf JSON. */
  public static ValidationReport validateSectionJson(String section, String json) {
    Lib.check();
    byte[] name = Text.c(section, "section");
    try (Secret content = Secret.ofString(json, "json")) {
      return validate(Native.kartla_validate_section_json(name, content.pointer(), content.length(), PROTOBUF,
          Scratch.get().buffer()));
    }
  }

  private static ValidationReport validate(int status) {
    Scratch s = Scratch.get();
    try {
      // E_SCHEMA is a verdict with a report, not a failure of the call.
      if (status != Status.E_SCHEMA.code()) Calls.check(status);
      return s.message(ValidationReport.parser());
    } finally {
      s.freeBuffers();
    }
  }
}
