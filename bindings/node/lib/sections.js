// SPDX-License-Identifier: Apache-2.0
// The list of sections (kartla/common.h) and the kartla.v1 message schema of each.

import { c } from "./native.js";
import { check, textIn } from "./core.js";
import { invalid } from "./errors.js";

let names = null;

/** Every section name the library knows, in its order ("profile", "languages", ...). */
export function sections() {
  if (names === null) {
    const n = Number(c.kartla_section_count());
    names = Object.freeze(Array.from({ length: n }, (_, i) => c.kartla_section_name(i)));
  }
  return [...names];
}

/** True for a section that holds health data (GDPR Art. 9) whatever its content (work_ability). */
export function isSpecialCategory(section) {
  const out = [0];
  check(c.kartla_section_is_special_category(textIn(section, "section"), out));
  return out[0] !== 0;
}

/** The section whose content is a message of `schema` (LanguagesSchema -> "languages"). */
export function sectionOf(schema) {
  const typeName = schema?.typeName;
  if (typeof typeName !== "string" || !typeName.startsWith("kartla.v1.")) {
    throw invalid("schema must be a kartla.v1 message schema (e.g. ProfileSchema from 'kartla/v1')");
  }
  const name = typeName.slice("kartla.v1.".length).replace(/(?<!^)(?=[A-Z])/g, "_").toLowerCase();
  if (!sections().includes(name)) throw invalid(`${typeName} is not the content of a section`);
  return name;
}
