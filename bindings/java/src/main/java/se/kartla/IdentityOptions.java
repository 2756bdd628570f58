// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import java.time.Instant;
import java.util.Objects;
import se.kartla.internal.Args;
import se.kartla.internal.Native;
import se.kartla.internal.Struct;

/**
 * How a new identity is made ({@code kartla_identity_options}): the cost of Argon2id, which
 * protects the identity file's keys under the passphrase, and the creation time written into the
 * card. Immutable; thread-safe. {@link #defaults()} is what production code should use.
 */
public final class IdentityOptions {
  private static final IdentityOptions DEFAULTS = new IdentityOptions(0, 0, null);

  private final int kdfOpslimit;
  private final int kdfMemlimitMib;
  private final Instant createdAt;

  private IdentityOptions(int kdfOpslimit, int kdfMemlimitMib, Instant createdAt) {
    this.kdfOpslimit = kdfOpslimit;
    this.kdfMemlimitMib = kdfMemlimitMib;
    this.createdAt = createdAt;
  }

  /** The library's defaults: Argon2id with 3 passes over 256 MiB, created now. */
  public static IdentityOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Argon2id passes (3..16; 0 = the default) and memory in MiB (64..1024; 0 = the default). The
   * library refuses values outside those ranges with {@link Status#E_INVALID_ARGUMENT}. The
   * cheapest setting (3 passes, 64 MiB) is for tests.
   */
  public IdentityOptions withKdf(int opslimit, int memlimitMib) {
    return new IdentityOptions(opslimit, memlimitMib, createdAt);
  }

  /** The creation time written into the card; null = now. */
  public IdentityOptions withCreatedAt(Instant createdAt) {
    return new IdentityOptions(kdfOpslimit, kdfMemlimitMib, createdAt);
  }

  public int kdfOpslimit() {
    return kdfOpslimit;
  }

  public int kdfMemlimitMib() {
    return kdfMemlimitMib;
  }

  /** The creation time, or null for now. */
  public Instant createdAt() {
    return createdAt;
  }

  /** kartla_identity_options: u32 version, u32 opslimit, u32 memlimit_mib, i64 created_at at 16. */
  Struct toStruct() {
    Struct s = new Struct(24);
    try {
      Native.kartla_identity_options_init(s.pointer());
      s.putInt(4, kdfOpslimit).putInt(8, kdfMemlimitMib).putLong(16, Args.seconds(createdAt, "createdAt"));
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  static Struct toStruct(IdentityOptions options) {
    return (options == null ? DEFAULTS : options).toStruct();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityOptions
        && ((IdentityOptions) o).kdfOpslimit == kdfOpslimit
        && ((IdentityOptions) o).kdfMemlimitMib == kdfMemlimitMib
        && Objects.equals(((IdentityOptions) o).createdAt, createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kdfOpslimit, kdfMemlimitMib, createdAt);
  }
}
