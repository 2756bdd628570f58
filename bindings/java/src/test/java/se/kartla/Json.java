// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The test data's JSON (tests/bindings/scenario.json, tests/vectors/*.json), read with protobuf's
 * JSON parser into a google.protobuf.Value, as the C++ tests read it; accessors that fail loudly.
 */
final class Json {
  private final Value value;

  private Json(Value value) {
    this.value = value;
  }

  static Json parse(String json) {
    Value.Builder b = Value.newBuilder();
    try {
      JsonFormat.parser().merge(json, b);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    return new Json(b.build());
  }

  static Json file(Path path) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the repository, by its path from the root. */
  static Json repoFile(String relative) {
    return file(Repo.path(relative));
  }

  Value value() {
    return value;
  }

  Struct object() {
    if (value.getKindCase() != Value.KindCase.STRUCT_VALUE) throw new IllegalStateException("not an object");
    return value.getStructValue();
  }

  boolean has(String key) {
    return object().containsFields(key);
  }

  Json at(String key) {
    Value v = object().getFieldsMap().get(key);
    if (v == null) throw new IllegalStateException("no member \"" + key + "\"");
    return new Json(v);
  }

  String text(String key) {
    Value v = at(key).value;
    if (v.getKindCase() != Value.KindCase.STRING_VALUE) throw new IllegalStateException("\"" + key + "\" is not a string");
    return v.getStringValue();
  }

  /** A lowercase-hex member as bytes. */
  byte[] bytes(String key) {
    return HexFormat.of().parseHex(text(key));
  }

  boolean flag(String key) {
    Value v = at(key).value;
    if (v.getKindCase() != Value.KindCase.BOOL_VALUE) throw new IllegalStateException("\"" + key + "\" is not a boolean");
    return v.getBoolValue();
  }

  long number(String key) {
    Value v = at(key).value;
    if (v.getKindCase() != Value.KindCase.NUMBER_VALUE) throw new IllegalStateException("\"" + key + "\" is not a number");
    double d = v.getNumberValue();
    if (d < 0 || Math.floor(d) != d) throw new IllegalStateException("\"" + key + "\" is not a non-negative integer");
    return (long) d;
  }

  List<Json> list(String key) {
    Value v = at(key).value;
    if (v.getKindCase() != Value.KindCase.LIST_VALUE) throw new IllegalStateException("\"" + key + "\" is not a list");
    ListValue l = v.getListValue();
    List<Json> out = new ArrayList<>();
    for (Value e : l.getValuesList()) out.add(new Json(e));
    return out;
  }

  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (Json j : list(key)) out.add(j.value.getStringValue());
    return out;
  }

  /** The element of list {@code key} whose "label" is {@code label}. */
  Json labelled(String key, String label) {
    for (Json j : list(key)) {
      if (j.text("label").equals(label)) return j;
    }
    throw new IllegalStateException("no " + key + " labelled " + label);
  }

  String print() {
    try {
      return JsonFormat.printer().print(value);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
