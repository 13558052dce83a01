package dev.tora.core.domain.text;

import dev.tora.core.domain.error.ToraException;

/** Shared checks for names and free text. */
public final class TextRules {

    private TextRules() {
    }

    /**
     * A required name: not blank, at most {@code max} characters, and printable (no control
     * characters, no broken surrogate pairs). Returns it unchanged.
     */
    public static String requireName(String value, String field, int max) {
        if (value == null) {
            throw ToraException.invalidField(field, "is required");
        }
        if (value.isBlank()) {
            throw ToraException.invalidField(field, "must not be blank");
        }
        checkLength(value, field, 1, max);
        requirePrintable(value, field);
        return value;
    }

    /** Optional free text (tabs and newlines allowed) of at most {@code max} characters; null stays null. */
    public static String optionalText(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        checkLength(value, field, 0, max);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw ToraException.invalidField(field, "contains a control character at position " + i);
            }
        }
        requireWellFormed(value, field);
        return value;
    }

    /** Fails when {@code value} has a control character or a broken surrogate pair. */
    public static void requirePrintable(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ToraException.invalidField(field, "contains a control character at position " + i);
            }
        }
        requireWellFormed(value, field);
    }

    /** Whether {@code value} is printable in the sense of {@link #requirePrintable}. */
    public static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void checkLength(String value, String field, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw ToraException.invalidField(field, "must be " + min + " to " + max + " characters, got " + length);
        }
    }

    private static void requireWellFormed(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw ToraException.invalidField(field, "contains a broken surrogate pair at position " + i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw ToraException.invalidField(field, "contains a broken surrogate pair at position " + i);
            }
        }
    }
}
