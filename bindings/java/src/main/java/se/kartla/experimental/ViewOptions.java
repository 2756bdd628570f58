// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import se.kartla.internal.Native;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;

/**
 * Options of the views ({@code kartla_view_options}): whether progress also charts work_ability
 * scores (health data), and the language of labels (a BCP 47 tag such as "sv" or "fi"; null =
 * "en"). Immutable; thread-safe.
 */
@Experimental
public record ViewOptions(boolean includeWorkAbility, String language) {
  public static ViewOptions defaults() {
    return new ViewOptions(false, null);
  }

  /** kartla_view_options: u32 version, u32 include_work_ability, language at 8. */
  Struct toStruct() {
    Struct s = new Struct(16);
    Native.kartla_view_options_init(s.pointer());
    return s.putInt(4, includeWorkAbility ? 1 : 0).putText(8, Text.cOrNull(language, "language"));
  }

  static Struct toStruct(ViewOptions options) {
    return (options == null ? defaults() : options).toStruct();
  }
}
