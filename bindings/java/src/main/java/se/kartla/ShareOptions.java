// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import se.kartla.internal.Args;
import se.kartla.internal.Native;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;

/**
 * The terms of a grant ({@code kartla_record_share_options}): its purpose, expiry and legal
 * bases, bound into the signed grant and shown to the agency. Immutable; thread-safe.
 *
 * <pre>{@code
 * ShareOptions.forPurpose("Kartläggning")
 *     .expiresThrough(LocalDate.of(2027, 6, 30))   // valid through that day (UTC)
 *     .gdprArt6Basis("6.1.e")
 * }</pre>
 */
public final class ShareOptions {
  private final String purpose;
  private final Instant expiresAt;
  private final Instant grantedAt;
  private final String gdprArt6Basis;
  private final String gdprArt9Basis;

  private ShareOptions(String purpose, Instant expiresAt, Instant grantedAt, String art6, String art9) {
    this.purpose = purpose;
    this.expiresAt = expiresAt;
    this.grantedAt = grantedAt;
    this.gdprArt6Basis = art6;
    this.gdprArt9Basis = art9;
  }

  /** A grant for this purpose (required: what the agency may use the sections for), until revoked. */
  public static ShareOptions forPurpose(String purpose) {
    return new ShareOptions(purpose, null, null, null, null);
  }

  /**
   * When the grant expires (null: until revoked). At the owner's first save after it, the grant
   * ends as a revocation would; a copy the agency already took still opens with the keys it had.
   */
  public ShareOptions expiresAt(Instant expiresAt) {
    return new ShareOptions(purpose, expiresAt, grantedAt, gdprArt6Basis, gdprArt9Basis);
  }

  /** Valid through {@code day} (UTC): expires at the start of the next day, as the CLI's --expires. */
  public ShareOptions expiresThrough(LocalDate day) {
    Args.notNull(day, "day");
    return expiresAt(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The time recorded as the grant's (null: the record's clock, {@link Record#setClock}). */
  public ShareOptions grantedAt(Instant grantedAt) {
    return new ShareOptions(purpose, expiresAt, grantedAt, gdprArt6Basis, gdprArt9Basis);
  }

  /** The GDPR Art. 6(1) basis, "6.1.a" to "6.1.f"; null = "6.1.a" (consent). */
  public ShareOptions gdprArt6Basis(String basis) {
    return new ShareOptions(purpose, expiresAt, grantedAt, basis, gdprArt9Basis);
  }

  /**
   * The GDPR Art. 9(2) exception, "9.2.a" to "9.2.j": required when a shared section holds health
   * data ({@link Record#isSpecial}), refused otherwise; null = none.
   */
  public ShareOptions gdprArt9Basis(String basis) {
    return new ShareOptions(purpose, expiresAt, grantedAt, gdprArt6Basis, basis);
  }

  public String purpose() {
    return purpose;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant grantedAt() {
    return grantedAt;
  }

  public String gdprArt6Basis() {
    return gdprArt6Basis;
  }

  public String gdprArt9Basis() {
    return gdprArt9Basis;
  }

  /** kartla_record_share_options: u32 version; purpose 8; expires_at 16; now 24; art6 32; art9 40;
   * tell_involved 48 (u32, padded to 56). */
  Struct toStruct() {
    Struct s = new Struct(56);
    try {
      Native.kartla_record_share_options_init(s.pointer());
      s.putText(8, Text.c(purpose, "purpose"));
      s.putLong(16, Args.seconds(expiresAt, "expiresAt"));
      s.putLong(24, Args.seconds(grantedAt, "grantedAt"));
      s.putText(32, Text.cOrNull(gdprArt6Basis, "gdprArt6Basis"));
      s.putText(40, Text.cOrNull(gdprArt9Basis, "gdprArt9Basis"));
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }
}
