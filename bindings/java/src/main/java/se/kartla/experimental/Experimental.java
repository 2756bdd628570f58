// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the experimental tier (docs/API-STABILITY.md): may change or go in any release. Every
 * public type of this package carries it, so tools and reviewers can find each use.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Experimental {}
