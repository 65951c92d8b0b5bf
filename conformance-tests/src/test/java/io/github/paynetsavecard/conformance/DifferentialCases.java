package io.github.paynetsavecard.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.conformance.contract.NamedExample;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.wire.RawRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The requests of the differential test: valid ones (every request example of every operation), invalid ones in
 * each way, every {@code Prefer} form (every response example and status of the spec, combined forms, dynamic with
 * a seed, the {@code __} query fallbacks, undefined and malformed preferences), routing errors, content
 * negotiation and a CORS preflight.
 */
final class DifferentialCases {
    /** Any key: both mocks check presence only. */
    private static final String AUTHORIZATION = "Basic differential-test-key";
    private static final String JSON = "application/json";

    private final OperationContract saveCard;
    private final List<DifferentialCase> cases = new ArrayList<>();

    private DifferentialCases(OperationContract saveCard) {
        this.saveCard = saveCard;
    }

    static List<DifferentialCase> of(OperationContract saveCard, OperationContract createSession) {
        DifferentialCases all = new DifferentialCases(saveCard);
        all.valid(saveCard);
        all.valid(createSession);
        all.invalid(createSession);
        all.preferences();
        all.routingAndNegotiation();
        return List.copyOf(all.cases);
    }

    private void valid(OperationContract operation) {
        for (NamedExample example : operation.requestExamples()) {
            add("valid " + operation.operationId() + " request example `" + example.name() + "`",
                    post(operation, example.value().toString()));
        }
    }

    private void invalid(OperationContract createSession) {
        add("missing session_id", post(without("session_id")));
        add("session_id of the wrong type", post(with("session_id", JsonNodeFactory.instance.numberNode(12345))));
        add("user_gsm breaking the pattern", post(with("user_gsm", JsonNodeFactory.instance.textNode("05321234567"))));
        add("empty card_desc (minLength)", post(with("card_desc", JsonNodeFactory.instance.textNode(""))));
        ObjectNode twoViolations = without("session_id");
        twoViolations.put("user_gsm", "+905321234567");
        add("two violations at once (all are listed)", post(twoViolations.toString()));
        ArrayNode array = JsonNodeFactory.instance.arrayNode().add(example());
        add("a JSON array instead of an object", post(array.toString()));
        add("malformed JSON", post(example().toString().substring(0, 10)));
        add("an empty body", RawRequest.method(saveCard.method(), saveCard.path()).header("Authorization", AUTHORIZATION)
                .body(JSON, "").build());
        add("a wrong Content-Type (text/plain)", RawRequest.method(saveCard.method(), saveCard.path())
                .header("Authorization", AUTHORIZATION).body("text/plain", example().toString()).build());
        add("a missing Authorization header", RawRequest.method(saveCard.method(), saveCard.path())
                .body(JSON, example().toString()).build());
        add("missing Authorization and an invalid body", RawRequest.method(saveCard.method(), saveCard.path())
                .body(JSON, without("session_id").toString()).build());
        add("createSession without its required amount",
                post(createSession, JsonNodeFactory.instance.objectNode().put("reference_no", "X").toString()));
        add("an invalid request with Prefer: example= (validation wins)", RawRequest.method(saveCard.method(),
                saveCard.path()).header("Authorization", AUTHORIZATION).header("Prefer", "example="
                + firstRejection().name()).body(JSON, without("session_id").toString()).build());
    }

    private void preferences() {
        Set<String> statuses = new LinkedHashSet<>();
        for (NamedExample example : saveCard.responseExamples()) {
            statuses.add(example.status());
            String prefer = example.status().startsWith("2") ? "example=" + example.name()
                    : "code=" + example.status() + ", example=" + example.name();
            add("Prefer: " + prefer, prefer(prefer));
        }
        statuses.forEach(status -> add("Prefer: code=" + status, prefer("code=" + status)));
        add("Prefer: dynamic=true, seed=42", DifferentialCase.seeded("Prefer: dynamic=true, seed=42",
                prefer("dynamic=true, seed=42")));
        add("Prefer: code=400, dynamic=true, seed=7", DifferentialCase.seeded("Prefer: code=400, dynamic=true, seed=7",
                prefer("code=400, dynamic=true, seed=7")));
        add("Prefer: dynamic=false", prefer("dynamic=false"));
        String rejection = firstRejection().name();
        add("query fallback ?__code=503", postTo(saveCard.path() + "?__code=503"));
        add("query fallback ?__example=" + rejection, postTo(saveCard.path() + "?__example=" + rejection));
        add("query fallback ?__dynamic=true&__seed=3", DifferentialCase.seeded("query fallback ?__dynamic=true&__seed=3",
                postTo(saveCard.path() + "?__dynamic=true&__seed=3")));
        add("Prefer wins over the query fallback", RawRequest.method(saveCard.method(), saveCard.path() + "?__example="
                + rejection).header("Authorization", AUTHORIZATION).header("Prefer", "code=200")
                .body(JSON, example().toString()).build());
        add("Prefer: code=200, example=" + rejection + " (combined, 2xx)", prefer("code=200, example=" + rejection));
        NamedExample errorExample = saveCard.responseExamples().stream()
                .filter(example -> !example.status().startsWith("2")).findFirst()
                .orElseThrow(() -> new AssertionError("the spec has no error example of save_card"));
        add("Prefer: example=" + errorExample.name() + " without its code (not in the 2xx response)",
                prefer("example=" + errorExample.name()));
        add("Prefer: code= undefined in the spec (418)", prefer("code=418"));
        add("Prefer: example= undefined in the spec", prefer("example=conformanceUndefinedExample"));
        add("malformed preference (code=abc)", prefer("code=abc"));
        add("malformed preference (dynamic=yes)", prefer("dynamic=yes"));
    }

    private void routingAndNegotiation() {
        add("a JSON body labelled with a charset", RawRequest.method(saveCard.method(), saveCard.path())
                .header("Authorization", AUTHORIZATION).body(JSON + "; charset=utf-8", example().toString()).build());
        add("an unknown extra field in the request (additionalProperties)",
                post(with("conformance_extra", JsonNodeFactory.instance.textNode("x"))));
        add("a wrong method (GET)", RawRequest.method("GET", saveCard.path()).header("Authorization", AUTHORIZATION)
                .build());
        add("an unknown path", RawRequest.method(saveCard.method(), saveCard.path() + "_unknown")
                .header("Authorization", AUTHORIZATION).body(JSON, example().toString()).build());
        add("Accept that nothing satisfies (application/xml)", RawRequest.method(saveCard.method(), saveCard.path())
                .header("Authorization", AUTHORIZATION).header("Accept", "application/xml")
                .body(JSON, example().toString()).build());
        add("Accept: */*", RawRequest.method(saveCard.method(), saveCard.path())
                .header("Authorization", AUTHORIZATION).header("Accept", "*/*")
                .body(JSON, example().toString()).build());
        add("CORS preflight", RawRequest.method("OPTIONS", saveCard.path()).header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", saveCard.method())
                .header("Access-Control-Request-Headers", "authorization, content-type").build());
        add("an actual CORS request (Origin)", RawRequest.method(saveCard.method(), saveCard.path())
                .header("Authorization", AUTHORIZATION).header("Origin", "https://shop.example")
                .body(JSON, example().toString()).build());
    }

    private void add(String name, RawRequest request) {
        add(name, DifferentialCase.exact(name, request));
    }

    private void add(String name, DifferentialCase differentialCase) {
        if (cases.stream().anyMatch(existing -> existing.name().equals(name))) {
            return;
        }
        cases.add(differentialCase);
    }

    private NamedExample firstRejection() {
        return Rejections.of(saveCard).stream().filter(example -> example.status().startsWith("2")).findFirst()
                .orElseThrow(() -> new AssertionError("the spec has no rejecting 2xx example of save_card"));
    }

    private ObjectNode example() {
        return ((ObjectNode) saveCard.requestExamples().get(0).value()).deepCopy();
    }

    private ObjectNode without(String field) {
        ObjectNode example = example();
        example.remove(field);
        return example;
    }

    private String with(String field, JsonNode value) {
        ObjectNode example = example();
        example.set(field, value);
        return example.toString();
    }

    private RawRequest post(String body) {
        return post(saveCard, body);
    }

    private RawRequest post(ObjectNode body) {
        return post(saveCard, body.toString());
    }

    private static RawRequest post(OperationContract operation, String body) {
        return RawRequest.method(operation.method(), operation.path()).header("Authorization", AUTHORIZATION)
                .body(JSON, body).build();
    }

    private RawRequest postTo(String pathAndQuery) {
        return RawRequest.method(saveCard.method(), pathAndQuery).header("Authorization", AUTHORIZATION)
                .body(JSON, example().toString()).build();
    }

    private RawRequest prefer(String preference) {
        return RawRequest.method(saveCard.method(), saveCard.path()).header("Authorization", AUTHORIZATION)
                .header("Prefer", preference).body(JSON, example().toString()).build();
    }
}
