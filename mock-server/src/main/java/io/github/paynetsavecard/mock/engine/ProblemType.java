package io.github.paynetsavecard.mock.engine;

/**
 * The errors the engine generates itself, with Prism's type names, titles and statuses (from
 * {@code packages/http/src/mocker/errors.ts} and {@code router/errors.ts}). The type URI is
 * {@code https://stoplight.io/prism/errors#<NAME>}.
 */
enum ProblemType {
    NO_RESOURCE_PROVIDED_ERROR("Route not resolved, no resource provided", 404),
    NO_PATH_MATCHED_ERROR("Route not resolved, no path matched", 404),
    NO_METHOD_MATCHED_ERROR("Route resolved, but no method matched", 405),
    UNPROCESSABLE_ENTITY("Invalid request", 422),
    NOT_ACCEPTABLE("The server cannot produce a representation for your accept header", 406),
    NOT_FOUND("The server cannot find the requested content", 404),
    /** Prism's template really spells its type {@code NO_RESPONSE_RESPONSE_DEFINED}; copied as is. */
    NO_RESPONSE_DEFINED("No response defined for the selected operation", 500, "NO_RESPONSE_RESPONSE_DEFINED"),
    UNAUTHORIZED("Invalid security scheme used", 401),
    INVALID_CONTENT_TYPE("Invalid content type", 415),
    SCHEMA_TOO_COMPLEX("Schema too complex", 500),
    NO_COMPLEX_OBJECT_TEXT("Cannot serialise complex objects as text", 500),
    UNKNOWN("Unexpected error in the mock", 500);

    private static final String TYPE_PREFIX = "https://stoplight.io/prism/errors#";

    private final String title;
    private final int status;
    private final String typeName;

    ProblemType(String title, int status) {
        this(title, status, null);
    }

    ProblemType(String title, int status, String typeName) {
        this.title = title;
        this.status = status;
        this.typeName = typeName;
    }

    /** The {@code type} URI, e.g. {@code https://stoplight.io/prism/errors#NOT_FOUND}. */
    public String uri() {
        return TYPE_PREFIX + (typeName == null ? name() : typeName);
    }

    /** The problem's {@code title}, as Prism words it. */
    public String title() {
        return title;
    }

    /** The HTTP status Prism answers with. */
    public int status() {
        return status;
    }
}
