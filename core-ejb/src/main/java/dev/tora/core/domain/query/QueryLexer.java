package dev.tora.core.domain.query;

import dev.tora.core.domain.error.ToraException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits query text into tokens: words (with an optional dotted path of bare or quoted
 * segments), strings in double or single quotes, numbers, relative times such as {@code -7d},
 * the operators and {@code ( ) ,}.
 */
final class QueryLexer {

    private final String text;
    private final String field;
    private int pos;

    QueryLexer(String text, String field) {
        this.text = text;
        this.field = field;
    }

    /** The next token; {@link Token.Kind#END} at the end, again and again. */
    Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(Token.Kind.END, "", start, start, List.of(), null);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> {
                return single(Token.Kind.LPAREN);
            }
            case ')' -> {
                return single(Token.Kind.RPAREN);
            }
            case ',' -> {
                return single(Token.Kind.COMMA);
            }
            case '=', '~' -> {
                return single(Token.Kind.OPERATOR);
            }
            case '<', '>' -> {
                boolean orEqual = pos + 1 < text.length() && text.charAt(pos + 1) == '=';
                pos += orEqual ? 2 : 1;
                return token(Token.Kind.OPERATOR, start, null);
            }
            case '!' -> {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
                    pos += 2;
                    return token(Token.Kind.OPERATOR, start, null);
                }
                throw error(start, "unexpected '!'; write != for not equal, or NOT before a condition");
            }
            case '"', '\'' -> {
                String s = string();
                return token(Token.Kind.STRING, start, new Value.Text(s));
            }
            default -> {
                if (startsNumber()) {
                    return number();
                }
                int cp = text.codePointAt(pos);
                if (Character.isLetter(cp) || c == '_') {
                    return word();
                }
                throw error(start, "unexpected character '" + new String(Character.toChars(cp)) + "'");
            }
        }
    }

    private Token single(Token.Kind kind) {
        pos++;
        return token(kind, pos - 1, null);
    }

    private Token token(Token.Kind kind, int start, Value value) {
        return new Token(kind, text.substring(start, pos), start, pos, List.of(), value);
    }

    private boolean startsNumber() {
        char c = text.charAt(pos);
        if (isDigit(c)) {
            return true;
        }
        if (c == '-' || c == '.') {
            int i = pos + 1;
            if (c == '-' && i < text.length() && text.charAt(i) == '.') {
                i++;
            }
            return i < text.length() && isDigit(text.charAt(i));
        }
        return false;
    }

    private Token number() {
        int start = pos;
        boolean negative = text.charAt(pos) == '-';
        if (negative) {
            pos++;
        }
        boolean plainInteger = true;
        skipDigits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            plainInteger = false;
            pos++;
            skipDigits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            plainInteger = false;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                skipWordChars();
                throw error(start, "invalid number '" + text.substring(start, pos) + "'");
            }
            skipDigits();
        }
        if (pos < text.length() && isWordChar(text.codePointAt(pos))) {
            Value.TimeUnit unit = Value.TimeUnit.of(text.charAt(pos));
            boolean alone = pos + 1 >= text.length() || !isWordChar(text.codePointAt(pos + 1));
            if (plainInteger && unit != null && alone) {
                pos++;
                if (!negative) {
                    throw error(start, "a relative time is in the past: write -" + text.substring(start, pos));
                }
                return ago(start, unit);
            }
            skipWordChars();
            throw error(start, "invalid number '" + text.substring(start, pos) + "'");
        }
        String literal = text.substring(start, pos);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error(start, "number '" + literal + "' is out of range");
        }
        return token(Token.Kind.NUMBER, start, new Value.Num(value));
    }

    private Token ago(int start, Value.TimeUnit unit) {
        try {
            long amount = Long.parseLong(text.substring(start + 1, pos - 1));
            return token(Token.Kind.AGO, start, new Value.Ago(amount, unit));
        } catch (NumberFormatException e) {
            throw error(start, "relative time '" + text.substring(start, pos) + "' is out of range");
        }
    }

    private Token word() {
        int start = pos;
        skipWordChars();
        String word = text.substring(start, pos);
        List<Token.Segment> segments = new ArrayList<>();
        while (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            segments.add(segment());
        }
        return new Token(Token.Kind.WORD, word, start, pos, List.copyOf(segments), null);
    }

    private Token.Segment segment() {
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
            String s = string();
            if (s.isEmpty()) {
                throw error(start, "a key cannot be empty");
            }
            return new Token.Segment(s, true, start);
        }
        while (pos < text.length() && KeyText.isBareChar(text.codePointAt(pos))) {
            pos += Character.charCount(text.codePointAt(pos));
        }
        if (pos == start) {
            throw error(start, "expected a key after '.' (quote keys with other characters: \"my key\")");
        }
        return new Token.Segment(text.substring(start, pos), false, start);
    }

    /** A string starting at the quote under {@code pos}; backslash escapes \\, \" and \'. */
    private String string() {
        int start = pos;
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(start, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                char escaped = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (escaped != '\\' && escaped != '"' && escaped != '\'') {
                    throw error(pos, "unknown escape in a string; only \\\\, \\\" and \\' are escapes");
                }
                out.append(escaped);
                pos += 2;
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipWordChars() {
        while (pos < text.length() && isWordChar(text.codePointAt(pos))) {
            pos += Character.charCount(text.codePointAt(pos));
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private ToraException error(int position, String problem) {
        return QueryErrors.at(field, position, problem);
    }
}
