package io.github.paynetsavecard.spec;

import java.util.List;

/**
 * An OpenAPI document that cannot be used: the file is missing, is not YAML/JSON, or is not valid OpenAPI.
 *
 * <p>The message names the document and lists every problem, one per line, so that a command-line tool can
 * print it as it is.
 */
public final class InvalidSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where the document came from. */
    private final String source;
    /** What is wrong with it. */
    private final List<String> problems;

    /**
     * @param source   where the document came from (a file path or a classpath location)
     * @param problems what is wrong with it; at least one
     */
    public InvalidSpecException(String source, List<String> problems) {
        super(render(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /**
     * Where the document came from.
     *
     * @return a file path or a classpath location ({@code classpath:...}), as given to the constructor
     */
    public String source() {
        return source;
    }

    /**
     * Every problem found, in the order found.
     *
     * @return one sentence per problem, at least one; unmodifiable
     */
    public List<String> problems() {
        return problems;
    }

    private static String render(String source, List<String> problems) {
        StringBuilder text = new StringBuilder("Invalid OpenAPI document ").append(source).append(':');
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
