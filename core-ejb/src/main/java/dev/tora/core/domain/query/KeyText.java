package dev.tora.core.domain.query;

/**
 * How keys and strings are written. A key is a list of dot-separated segments; a bare segment is
 * letters, digits and {@code _ - / : @}; anything else is written as one double-quoted segment.
 */
final class KeyText {

    private KeyText() {
    }

    /** Whether {@code c} may appear in a bare key segment. */
    static boolean isBareChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/' || c == ':' || c == '@';
    }

    /** The key in canonical form: dotted bare segments when it is made of them, else one quoted string. */
    static String of(String key) {
        for (String segment : key.split("\\.", -1)) {
            if (segment.isEmpty() || !segment.codePoints().allMatch(KeyText::isBareChar)) {
                return quote(key);
            }
        }
        return key;
    }

    /** {@code s} in double quotes, with {@code \} and {@code "} escaped. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
