package io.github.paynetsavecard.conformance;

import io.github.paynetsavecard.conformance.contract.NamedExample;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import java.util.List;

/**
 * The response examples of the spec that reject a request, and how a mock is asked for each: a 2xx example whose
 * {@code code} is not 0 is picked with {@code Prefer: example=NAME}; an error example (4xx) carrying a
 * {@code result_code} with {@code Prefer: code=STATUS, example=NAME}. The Paynet code each must decode to is read
 * from the example.
 */
final class Rejections {
    private Rejections() {
    }

    static List<NamedExample> of(OperationContract contract) {
        return contract.responseExamples().stream().filter(Rejections::rejects).toList();
    }

    static boolean rejects(NamedExample example) {
        if (example.status().startsWith("2")) {
            return example.value().path("code").canConvertToInt() && example.value().path("code").asInt() != 0;
        }
        return example.status().startsWith("4") && example.value().path("result_code").canConvertToInt();
    }

    /** The {@code Prefer} header value that makes a Prism-compatible mock answer with {@code example}. */
    static String prefer(NamedExample example) {
        return example.status().startsWith("2") ? "example=" + example.name()
                : "code=" + example.status() + ", example=" + example.name();
    }

    /** The Paynet code the client must report for {@code example}. */
    static int expectedCode(NamedExample example) {
        return example.status().startsWith("2") ? example.value().path("code").asInt()
                : example.value().path("result_code").asInt();
    }
}
