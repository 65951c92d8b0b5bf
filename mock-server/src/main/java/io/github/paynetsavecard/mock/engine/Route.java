package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.Operation;
import java.util.Map;

/** Where a request goes: an operation, or the reason there is none (each has its own Prism error). */
sealed interface Route {
    /** The request matches {@code operation}; {@code pathParameters} holds the template's values. */
    record Found(Operation operation, Map<String, String> pathParameters) implements Route {
        public Found {
            pathParameters = Map.copyOf(pathParameters);
        }
    }

    /** The document has no operations at all ({@code NO_RESOURCE_PROVIDED_ERROR}). */
    record NoResources() implements Route {
    }

    /** No path of the document matches ({@code NO_PATH_MATCHED_ERROR}). */
    record NoPath(String path) implements Route {
    }

    /** A path matches but does not have the method ({@code NO_METHOD_MATCHED_ERROR}). */
    record NoMethod(String path, String method) implements Route {
    }
}
