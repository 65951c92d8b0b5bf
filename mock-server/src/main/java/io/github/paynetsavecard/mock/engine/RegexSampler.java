package io.github.paynetsavecard.mock.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Generates a string matching a regular expression, for the common subset used in API schemas: literals,
 * escapes ({@code \d \w \s} and escaped symbols), character classes with ranges, {@code .}, groups with
 * alternation, the quantifiers {@code ? * + {n} {n,} {n,m}} (unbounded ones stop at 10 more repetitions, as
 * json-schema-faker's {@code defaultRandExpMax}), and anchors. Anything else gives up.
 */
final class RegexSampler {
    private static final int UNBOUNDED_EXTRA = 10;
    private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static final String DIGITS = "0123456789";
    private static final String PRINTABLE;

    static {
        StringBuilder printable = new StringBuilder();
        for (char c = 32; c < 127; c++) {
            printable.append(c);
        }
        PRINTABLE = printable.toString();
    }

    private final String pattern;
    private final RandomGenerator random;
    private int position;

    private RegexSampler(String pattern, RandomGenerator random) {
        this.pattern = pattern;
        this.random = random;
    }

    /** A string matching {@code pattern}, or empty when the pattern uses something this sampler does not know. */
    static Optional<String> sample(String pattern, RandomGenerator random) {
        try {
            RegexSampler sampler = new RegexSampler(pattern, random);
            StringBuilder out = new StringBuilder();
            sampler.alternation(out);
            return sampler.position == pattern.length() ? Optional.of(out.toString()) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException unsupported) {
            return Optional.empty();
        }
    }

    private void alternation(StringBuilder out) {
        List<StringBuilder> branches = new ArrayList<>();
        StringBuilder branch = new StringBuilder();
        branches.add(branch);
        while (position < pattern.length() && pattern.charAt(position) != ')') {
            if (pattern.charAt(position) == '|') {
                position++;
                branch = new StringBuilder();
                branches.add(branch);
                continue;
            }
            quantified(branch);
        }
        out.append(branches.get(random.nextInt(branches.size())));
    }

    private void quantified(StringBuilder out) {
        int atomStart = position;
        String once = atom();
        if (once == null) {
            return;
        }
        int[] bounds = quantifier();
        int count = bounds[0] + (bounds[1] > bounds[0] ? random.nextInt(bounds[1] - bounds[0] + 1) : 0);
        out.append(once);
        for (int i = 1; i < count; i++) {
            int end = position;
            position = atomStart;
            out.append(atom());
            position = end;
        }
        if (count == 0) {
            out.setLength(out.length() - once.length());
        }
    }

    private int[] quantifier() {
        if (position >= pattern.length()) {
            return new int[] {1, 1};
        }
        char c = pattern.charAt(position);
        int[] bounds;
        switch (c) {
            case '?' -> bounds = new int[] {0, 1};
            case '*' -> bounds = new int[] {0, UNBOUNDED_EXTRA};
            case '+' -> bounds = new int[] {1, 1 + UNBOUNDED_EXTRA};
            case '{' -> {
                int close = pattern.indexOf('}', position);
                String[] parts = pattern.substring(position + 1, close).split(",", -1);
                int min = Integer.parseInt(parts[0].trim());
                int max = parts.length == 1 ? min
                        : parts[1].isBlank() ? min + UNBOUNDED_EXTRA : Integer.parseInt(parts[1].trim());
                position = close;
                bounds = new int[] {min, max};
            }
            default -> {
                return new int[] {1, 1};
            }
        }
        position++;
        if (position < pattern.length() && pattern.charAt(position) == '?') {
            position++; // lazy: same strings
        }
        return bounds;
    }

    // One atom's sample; null for an anchor, which produces nothing.
    private String atom() {
        char c = pattern.charAt(position++);
        switch (c) {
            case '^', '$' -> {
                return null;
            }
            case '.' -> {
                return pick(WORD);
            }
            case '(' -> {
                if (pattern.startsWith("?:", position)) {
                    position += 2;
                } else if (pattern.startsWith("?", position)) {
                    throw new IllegalArgumentException("lookaround");
                }
                StringBuilder group = new StringBuilder();
                alternation(group);
                if (pattern.charAt(position++) != ')') {
                    throw new IllegalArgumentException("unclosed group");
                }
                return group.toString();
            }
            case '[' -> {
                return pick(characterClass());
            }
            case '\\' -> {
                return escape(pattern.charAt(position++), false);
            }
            case '*', '+', '?', '{', ')', '|' -> throw new IllegalArgumentException("dangling " + c);
            default -> {
                return String.valueOf(c);
            }
        }
    }

    private String characterClass() {
        boolean negated = pattern.charAt(position) == '^';
        if (negated) {
            position++;
        }
        StringBuilder members = new StringBuilder();
        boolean first = true;
        while (first || pattern.charAt(position) != ']') {
            first = false;
            char c = pattern.charAt(position++);
            String member = c == '\\' ? escape(pattern.charAt(position++), true) : String.valueOf(c);
            if (member.length() == 1 && pattern.charAt(position) == '-' && pattern.charAt(position + 1) != ']') {
                position++;
                char to = pattern.charAt(position++);
                if (to == '\\') {
                    to = escape(pattern.charAt(position++), true).charAt(0);
                }
                for (char x = member.charAt(0); x <= to; x++) {
                    members.append(x);
                }
            } else {
                members.append(member);
            }
        }
        position++;
        if (!negated) {
            return members.toString();
        }
        StringBuilder complement = new StringBuilder();
        for (char x : PRINTABLE.toCharArray()) {
            if (members.indexOf(String.valueOf(x)) < 0) {
                complement.append(x);
            }
        }
        return complement.toString();
    }

    // A class escape gives its members; a literal escape its character.
    private String escape(char c, boolean inClass) {
        String members = switch (c) {
            case 'd' -> DIGITS;
            case 'w' -> WORD;
            case 's' -> " ";
            case 'n' -> "\n";
            case 't' -> "\t";
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw new IllegalArgumentException("escape \\" + c);
                }
                yield String.valueOf(c);
            }
        };
        return inClass ? members : pick(members);
    }

    private String pick(String members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("empty class");
        }
        return String.valueOf(members.charAt(random.nextInt(members.length())));
    }
}
