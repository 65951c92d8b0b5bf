package io.github.paynetsavecard.spec.gate;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import java.util.Optional;

/**
 * The set of strings an OpenAPI {@code pattern} accepts, as a finite automaton (dk.brics.automaton), so that two
 * patterns can be compared: does every string the old one accepts still pass the new one?
 *
 * <p>An OpenAPI pattern is an ECMA-262 regular expression that matches when it is found anywhere in the value,
 * unless anchored with {@code ^} and {@code $}. The common subset is translated: literals, classes, {@code \d \w \s},
 * groups, alternation, and the quantifiers {@code * + ? {n,m}} (lazy ones accept the same strings). Lookaround,
 * back-references, word boundaries and Unicode properties have no automaton; {@link #of} is then empty and the
 * caller cannot tell.
 */
final class RegexLanguage {
    private static final String WHITESPACE = " \t\n\u000b\f\r\u00a0\u2028\u2029\ufeff";
    private static final String BRICS_SPECIAL = "\"&~#@<>";

    private final Automaton automaton;

    private RegexLanguage(Automaton automaton) {
        this.automaton = automaton;
    }

    /** The strings this pattern accepts, or empty when the pattern uses a construct the translation does not cover. */
    static Optional<RegexLanguage> of(String pattern) {
        try {
            return translate(pattern).map(text -> new RegexLanguage(new RegExp(text, RegExp.NONE).toAutomaton()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether every string accepted here is accepted by {@code other} too. */
    boolean within(RegexLanguage other) {
        return automaton.subsetOf(other.automaton);
    }

    static Optional<String> translate(String pattern) {
        String body = pattern;
        boolean anchoredStart = body.startsWith("^");
        if (anchoredStart) {
            body = body.substring(1);
        }
        boolean anchoredEnd = body.endsWith("$") && !escapedAt(body, body.length() - 1);
        if (anchoredEnd) {
            body = body.substring(0, body.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        boolean topLevelAlternation = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 >= body.length()) {
                    return Optional.empty();
                }
                char next = body.charAt(++i);
                String escape = escape(next, inClass);
                if (escape == null) {
                    return Optional.empty();
                }
                out.append(escape);
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else if (c == '[') {
                    return Optional.empty();
                } else {
                    out.append(literal(c, true));
                }
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < body.length() && body.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
            } else if (c == '(') {
                if (body.startsWith("(?:", i)) {
                    i += 2;
                } else if (body.startsWith("(?", i)) {
                    return Optional.empty();
                }
                depth++;
                out.append('(');
            } else if (c == ')') {
                depth--;
                out.append(')');
            } else if (c == '|') {
                topLevelAlternation |= depth == 0;
                out.append('|');
            } else if (c == '^' || c == '$') {
                return Optional.empty();
            } else if ((c == '?' || c == '+') && i > 0 && "*+?}".indexOf(body.charAt(i - 1)) >= 0
                    && !escapedAt(body, i - 1)) {
                if (c == '+') {
                    return Optional.empty(); // possessive: a different language
                }
                // lazy quantifier: the same strings as the greedy one
            } else if ("*+?{}.".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(literal(c, false));
            }
        }
        if (inClass || depth != 0 || (topLevelAlternation && (anchoredStart || anchoredEnd))) {
            return Optional.empty();
        }
        String core = topLevelAlternation ? "(" + out + ")" : out.toString();
        return Optional.of((anchoredStart ? "" : ".*") + core + (anchoredEnd ? "" : ".*"));
    }

    private static String escape(char next, boolean inClass) {
        return switch (next) {
            case 'd' -> inClass ? "0-9" : "[0-9]";
            case 'w' -> inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]";
            case 's' -> inClass ? WHITESPACE : "[" + WHITESPACE + "]";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 'f' -> "\f";
            case 'v' -> "\u000b";
            case 'D', 'W', 'S', 'b', 'B', 'p', 'P', 'u', 'x', 'c', 'k', '0', '1', '2', '3', '4', '5', '6', '7', '8',
                    '9' -> null;
            default -> "\\" + next;
        };
    }

    private static String literal(char c, boolean inClass) {
        if (BRICS_SPECIAL.indexOf(c) >= 0 || (!inClass && "[]".indexOf(c) >= 0)) {
            return "\\" + c;
        }
        return String.valueOf(c);
    }

    private static boolean escapedAt(String text, int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
