// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import com.sun.jna.Pointer;
import java.time.Instant;
import se.kartla.Record;
import se.kartla.Share;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;
import se.kartla.v1.PlanView;
import se.kartla.v1.ProgressView;

/**
 * Views a person reads (kartla/experimental/views.h): progress (stegförflyttning), the action
 * plan and the record as text, for the owner and, from the same code, for an agency holding a
 * share at time {@code at} (null: now). A view that needs a section it cannot have fails with
 * E_NOT_FOUND, E_NOT_SHARED or E_EXPIRED. {@code options} may be null (the defaults). Static
 * functions, no state; a {@link Record} serialises its calls, a {@link Share} does not need to.
 */
@Experimental
public final class Views {
  private Views() {}

  private interface RecordView {
    int call(Pointer record, Pointer options, Pointer out);
  }

  public static ProgressView progress(Record record, ViewOptions options) {
    return Scratched.message(record, options,
        (r, o, out) -> Native.kartla_record_progress(r, o, Calling.PROTOBUF, out), ProgressView.parser());
  }

  public static String progressText(Record record, ViewOptions options) {
    return Scratched.text(record, options, Native::kartla_record_progress_text);
  }

  /** A standalone SVG document, one small chart per series. */
  public static String progressSvg(Record record, ViewOptions options) {
    return Scratched.text(record, options, Native::kartla_record_progress_svg);
  }

  public static PlanView plan(Record record, ViewOptions options) {
    return Scratched.message(record, options,
        (r, o, out) -> Native.kartla_record_plan(r, o, Calling.PROTOBUF, out), PlanView.parser());
  }

  public static String planText(Record record, ViewOptions options) {
    return Scratched.text(record, options, Native::kartla_record_plan_text);
  }

  /** The record as text; {@code section} null shows every section it holds. */
  public static String showText(Record record, String section, ViewOptions options) {
    byte[] name = Text.cOrNull(section, "section");
    return Scratched.text(record, options, (r, o, out) -> Native.kartla_record_show_text(r, name, o, out));
  }

  public static ProgressView progress(Share share, Instant at, ViewOptions options) {
    long t = Args.seconds(at, "at");
    return Scratched.message(share, options,
        (p, o, out) -> Native.kartla_share_progress(p, t, o, Calling.PROTOBUF, out), ProgressView.parser());
  }

  public static String progressText(Share share, Instant at, ViewOptions options) {
    long t = Args.seconds(at, "at");
    return Scratched.text(share, options, (p, o, out) -> Native.kartla_share_progress_text(p, t, o, out));
  }

  public static String progressSvg(Share share, Instant at, ViewOptions options) {
    long t = Args.seconds(at, "at");
    return Scratched.text(share, options, (p, o, out) -> Native.kartla_share_progress_svg(p, t, o, out));
  }

  public static PlanView plan(Share share, Instant at, ViewOptions options) {
    long t = Args.seconds(at, "at");
    return Scratched.message(share, options,
        (p, o, out) -> Native.kartla_share_plan(p, t, o, Calling.PROTOBUF, out), PlanView.parser());
  }

  public static String planText(Share share, Instant at, ViewOptions options) {
    long t = Args.seconds(at, "at");
    return Scratched.text(share, options, (p, o, out) -> Native.kartla_share_plan_text(p, t, o, out));
  }

  /** What the agency can read at {@code at} as text; {@code section} null shows every such section. */
  public static String showText(Share share, String section, Instant at, ViewOptions options) {
    byte[] name = Text.cOrNull(section, "section");
    long t = Args.seconds(at, "at");
    return Scratched.text(share, options, (p, o, out) -> Native.kartla_share_show_text(p, name, t, o, out));
  }

  /** The lease, options and buffer handling of every view. */
  private static final class Scratched {
    static <T> T message(Object owner, ViewOptions options, RecordView call,
        com.google.protobuf.Parser<T> parser) {
      return run(owner, options, call, s -> s.message(parser));
    }

    static String text(Object owner, ViewOptions options, RecordView call) {
      return run(owner, options, call, Scratch::text);
    }

    /** {@code owner}: the Record or Share of the view (a null one is refused by name). */
    private static <T> T run(Object owner, ViewOptions options, RecordView call,
        java.util.function.Function<Scratch, T> result) {
      Args.notNull(owner, "record or share");
      try (Struct o = ViewOptions.toStruct(options)) {
        Calling.OnPointer<T> f = p -> {
          Scratch s = Scratch.get();
          try {
            Calls.check(call.call(p, o.pointer(), s.buffer()));
            return result.apply(s);
          } finally {
            s.freeBuffers();
          }
        };
        if (owner instanceof Record) return Calling.exclusive(Calling.record((Record) owner), f);
        return Calling.shared(Calling.share((Share) owner), f);
      }
    }
  }
}
