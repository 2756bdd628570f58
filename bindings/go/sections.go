// SPDX-License-Identifier: Apache-2.0
package kartla

/*
#include <kartla/kartla.h>
*/
import "C"

import (
	"fmt"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"kartla.example/kartla/kartlav1"
)

// Version is the library's version ("1.0.0"); VersionNumber is major*10000 + minor*100 + patch.
func Version() string    { return C.GoString(C.kartla_version()) }
func VersionNumber() int { return int(C.kartla_version_number()) }
func ABIVersion() int    { return int(C.kartla_abi_version()) }    // the SOVERSION
func FormatVersion() int { return int(C.kartla_format_version()) } // the container format's major version

// SectionNames lists the record's sections in the library's order ("profile", "education", ...).
func SectionNames() []string {
	n := C.kartla_section_count()
	out := make([]string, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, C.GoString(C.kartla_section_name(i)))
	}
	return out
}

// IsSpecialCategory reports whether a section holds special-category (health) data that a
// wildcard share never includes.
func IsSpecialCategory(section string) (bool, error) {
	const op = "IsSpecialCategory"
	name, owned, err := sectionIn(op, section)
	if err != nil {
		return false, err
	}
	if owned {
		defer free(name)
	}
	var out C.int
	err = call(op, func() C.kartla_status { return C.kartla_section_is_special_category(name, &out) })
	return boolOf(out), err
}

// The section messages, from kartla.v1.SectionContent: its oneof has one field per section,
// named by the section and typed by its message.
var sectionFields = (&kartlav1.SectionContent{}).ProtoReflect().Descriptor().Fields()

// NewSectionMessage is an empty message of the section's type (*kartlav1.Languages for
// "languages"), or nil for a name that is not a section.
func NewSectionMessage(section string) proto.Message {
	fd := sectionFields.ByName(protoreflect.Name(section))
	if fd == nil || fd.Message() == nil {
		return nil
	}
	return (&kartlav1.SectionContent{}).ProtoReflect().NewField(fd).Message().Interface()
}

// SectionOf is the name of the section whose message m is.
func SectionOf(m proto.Message) (string, error) {
	if m == nil {
		return "", fmt.Errorf("no message")
	}
	name := m.ProtoReflect().Descriptor().FullName()
	for i := 0; i < sectionFields.Len(); i++ {
		if fd := sectionFields.Get(i); fd.Message() != nil && fd.Message().FullName() == name {
			return string(fd.Name()), nil
		}
	}
	return "", fmt.Errorf("%s is not a section's message", name)
}

func checkMessage(op, section string, m proto.Message) error {
	want := NewSectionMessage(section)
	if want == nil {
		return misuse(op, fmt.Sprintf("%q is not a section", section))
	}
	if m == nil || m.ProtoReflect().Descriptor().FullName() != want.ProtoReflect().Descriptor().FullName() {
		got := "nil"
		if m != nil {
			got = string(m.ProtoReflect().Descriptor().FullName())
		}
		return misuse(op, fmt.Sprintf("section %s is a %s, not a %s", section, want.ProtoReflect().Descriptor().FullName(), got))
	}
	return nil
}

func unmarshalSection(op string, content []byte, m proto.Message) error {
	if err := proto.Unmarshal(content, m); err != nil {
		return &Error{Op: op, Status: StatusSchema, Message: "the section does not parse as " +
			string(m.ProtoReflect().Descriptor().FullName()) + ": " + err.Error()}
	}
	return nil
}
