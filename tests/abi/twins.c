/* SPDX-License-Identifier: Apache-2.0 */
/* Every value macro in kartla.h has a function twin, because FFI users (ctypes, JNA, cgo,
 * P/Invoke) cannot see macros (libsodium test/constcheck.sh). This program compares each pair
 * and prints "twin NAME" for every macro it checked and "value NAME VALUE" for the values
 * check_twins.py compares with the outside world (SONAME, project version). */
#include <stdio.h>
#include <string.h>

#include <kartla/kartla.h>

#define STR2(x) #x
#define STR(x) STR2(x)

static int failures = 0;

static void twin(const char *name, int agrees, const char *detail) {
  if (agrees) {
    printf("twin %s\n", name);
  } else {
    printf("MISMATCH %s: %s\n", name, detail);
    ++failures;
  }
}

int main(void) {
  char detail[256];
  const uint32_t number = kartla_version_number();
  kartla_buffer from_macro = KARTLA_BUFFER_INIT;
  kartla_buffer from_function;
  kartla_identity_options options;

  snprintf(detail, sizeof detail, "macro %lu, kartla_version_number() %lu", (unsigned long)KARTLA_VERSION_NUMBER,
           (unsigned long)number);
  twin("KARTLA_VERSION_NUMBER", KARTLA_VERSION_NUMBER == number, detail);
  twin("KARTLA_VERSION_MAJOR", KARTLA_VERSION_MAJOR == number / 10000, detail);
  twin("KARTLA_VERSION_MINOR", KARTLA_VERSION_MINOR == number / 100 % 100, detail);
  twin("KARTLA_VERSION_PATCH", KARTLA_VERSION_PATCH == number % 100, detail);

  snprintf(detail, sizeof detail, "macro \"%s\", kartla_version() \"%s\", parts \"%s\"", KARTLA_VERSION_STRING,
           kartla_version(), STR(KARTLA_VERSION_MAJOR) "." STR(KARTLA_VERSION_MINOR) "." STR(KARTLA_VERSION_PATCH));
  twin("KARTLA_VERSION_STRING",
       strcmp(KARTLA_VERSION_STRING, kartla_version()) == 0 &&
           strcmp(KARTLA_VERSION_STRING,
                  STR(KARTLA_VERSION_MAJOR) "." STR(KARTLA_VERSION_MINOR) "." STR(KARTLA_VERSION_PATCH)) == 0,
       detail);

  snprintf(detail, sizeof detail, "macro %lu, kartla_abi_version() %lu", (unsigned long)KARTLA_ABI_VERSION,
           (unsigned long)kartla_abi_version());
  twin("KARTLA_ABI_VERSION", KARTLA_ABI_VERSION == kartla_abi_version(), detail);

  snprintf(detail, sizeof detail, "macro %lu, kartla_format_version() %lu", (unsigned long)KARTLA_FORMAT_VERSION,
           (unsigned long)kartla_format_version());
  twin("KARTLA_FORMAT_VERSION", KARTLA_FORMAT_VERSION == kartla_format_version(), detail);

  /* Start from garbage so a kartla_buffer_init that leaves a field alone is caught. */
  memset(&from_function, 0xA5, sizeof from_function);
  kartla_buffer_init(&from_function);
  twin("KARTLA_BUFFER_INIT",
       from_macro.data == from_function.data && from_macro.len == from_function.len &&
           from_macro.internal == from_function.internal && from_function.data == NULL && from_function.len == 0 &&
           from_function.internal == NULL,
       "kartla_buffer_init does not give the KARTLA_BUFFER_INIT value");

  memset(&options, 0xA5, sizeof options);
  kartla_identity_options_init(&options);
  snprintf(detail, sizeof detail, "macro %lu, kartla_identity_options_init() version %lu",
           (unsigned long)KARTLA_IDENTITY_OPTIONS_VERSION, (unsigned long)options.version);
  twin("KARTLA_IDENTITY_OPTIONS_VERSION", options.version == KARTLA_IDENTITY_OPTIONS_VERSION, detail);

  {
    kartla_record_open_options open_options;
    memset(&open_options, 0xA5, sizeof open_options);
    kartla_record_open_options_init(&open_options);
    snprintf(detail, sizeof detail, "macro %lu, kartla_record_open_options_init() version %lu",
             (unsigned long)KARTLA_RECORD_OPEN_OPTIONS_VERSION, (unsigned long)open_options.version);
    twin("KARTLA_RECORD_OPEN_OPTIONS_VERSION",
         open_options.version == KARTLA_RECORD_OPEN_OPTIONS_VERSION && open_options.accept_older == 0 &&
             open_options.last_seen == 0,
         detail);
  }
  {
    kartla_agency_info info;
    kartla_record_share_options share_options;
    memset(&info, 0xA5, sizeof info);
    kartla_agency_info_init(&info);
    snprintf(detail, sizeof detail, "macro %lu, kartla_agency_info_init() version %lu",
             (unsigned long)KARTLA_AGENCY_INFO_VERSION, (unsigned long)info.version);
    twin("KARTLA_AGENCY_INFO_VERSION", info.version == KARTLA_AGENCY_INFO_VERSION, detail);
    memset(&share_options, 0xA5, sizeof share_options);
    kartla_record_share_options_init(&share_options);
    snprintf(detail, sizeof detail, "macro %lu, kartla_record_share_options_init() version %lu",
             (unsigned long)KARTLA_RECORD_SHARE_OPTIONS_VERSION, (unsigned long)share_options.version);
    /* Version 2 added the GDPR bases: init must set them (NULL: Art. 6(1)(a), no Art. 9(2)) too.
     * Version 3 appended tell_involved, which init must NOT write: a 1.0 caller's struct ends
     * before it. init sets version 2 (nothing told); a caller opts in by setting version 3. */
    twin("KARTLA_RECORD_SHARE_OPTIONS_VERSION",
         share_options.version == 2 && KARTLA_RECORD_SHARE_OPTIONS_VERSION == 3 &&
             share_options.purpose == NULL && share_options.expires_at == 0 && share_options.now == 0 &&
             share_options.gdpr_art6_basis == NULL && share_options.gdpr_art9_basis == NULL &&
             share_options.tell_involved == (uint32_t)0xA5A5A5A5u,
         detail);
    {
      kartla_view_options view_options;
      memset(&view_options, 0xA5, sizeof view_options);
      kartla_view_options_init(&view_options);
      snprintf(detail, sizeof detail, "macro %lu, kartla_view_options_init() version %lu",
               (unsigned long)KARTLA_VIEW_OPTIONS_VERSION, (unsigned long)view_options.version);
      twin("KARTLA_VIEW_OPTIONS_VERSION", view_options.version == KARTLA_VIEW_OPTIONS_VERSION, detail);
    }
    {
      kartla_entry_ref entry_ref;
      memset(&entry_ref, 0xA5, sizeof entry_ref);
      kartla_entry_ref_init(&entry_ref);
      snprintf(detail, sizeof detail, "macro %lu, kartla_entry_ref_init() version %lu",
               (unsigned long)KARTLA_ENTRY_REF_VERSION, (unsigned long)entry_ref.version);
      twin("KARTLA_ENTRY_REF_VERSION", entry_ref.version == KARTLA_ENTRY_REF_VERSION && entry_ref.owner_card == NULL &&
                                           entry_ref.entry_len == 0,
           detail);
    }
    {
      kartla_document_options document_options;
      memset(&document_options, 0xA5, sizeof document_options);
      kartla_document_options_init(&document_options);
      snprintf(detail, sizeof detail, "macro %lu, kartla_document_options_init() version %lu",
               (unsigned long)KARTLA_DOCUMENT_OPTIONS_VERSION, (unsigned long)document_options.version);
      twin("KARTLA_DOCUMENT_OPTIONS_VERSION",
           document_options.version == KARTLA_DOCUMENT_OPTIONS_VERSION && document_options.title == NULL &&
               document_options.kind == NULL && document_options.media_type == NULL && document_options.health_data == 0,
           detail);
    }
  }

  snprintf(detail, sizeof detail, "macro %lu, kartla_followup_minimum_group() %lu",
           (unsigned long)KARTLA_FOLLOWUP_MINIMUM_GROUP, (unsigned long)kartla_followup_minimum_group());
  twin("KARTLA_FOLLOWUP_MINIMUM_GROUP", KARTLA_FOLLOWUP_MINIMUM_GROUP == kartla_followup_minimum_group(), detail);
  snprintf(detail, sizeof detail, "macro %lu, kartla_followup_max_bundles() %lu",
           (unsigned long)KARTLA_FOLLOWUP_MAX_BUNDLES, (unsigned long)kartla_followup_max_bundles());
  twin("KARTLA_FOLLOWUP_MAX_BUNDLES", KARTLA_FOLLOWUP_MAX_BUNDLES == kartla_followup_max_bundles(), detail);

  printf("value KARTLA_ABI_VERSION %lu\n", (unsigned long)KARTLA_ABI_VERSION);
  printf("value KARTLA_VERSION_STRING %s\n", KARTLA_VERSION_STRING);
  return failures == 0 ? 0 : 1;
}
