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
 * negotiation and a CORS preflight; and the same kinds of request to a spec of our own ({@link #petStore()}).
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

    /**
     * The requests sent to the pet store, a spec of our own that is not Paynet's
     * ({@code src/test/resources/differential/petstore}, also split across two files): path, query and header
     * parameters in their styles, 201/204/default responses, bearer and query API-key security, allOf with a closed
     * member and oneOf, the int64/int32/date/date-time formats, text responses, trailing slashes and empty path
     * segments, HEAD and CORS; valid and invalid, and the deliberate differences of docs/mock-behaviour.md.
     */
    static List<DifferentialCase> petStore() {
        PetStore store = new PetStore();
        store.listPets();
        store.createPet();
        store.onePet();
        store.textAndOneOf();
        store.owners();
        store.visits();
        store.statusAndRouting();
        return List.copyOf(store.cases);
    }

    /** Requests that kill Prism 5.14.2 (each is sent to a Prism of its own, on {@code differential/prism-crash}). */
    static List<DifferentialCase> prismCrashes() {
        return List.of(
                DifferentialCase.exact("an unparsable Accept (garbage)", RawRequest.method("GET", "/things")
                        .header("X-Tags", "a").header("Accept", "garbage").build()),
                DifferentialCase.exact("a request without its optional array header",
                        RawRequest.method("GET", "/things").build()),
                DifferentialCase.exact("a label-style path value without its leading dot",
                        RawRequest.method("GET", "/things/abc").header("X-Tags", "a").build()));
    }

    private static final class PetStore {
        private static final String BEARER = "Bearer differential-token";
        private static final String REQUEST_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        private static final String VISIT = "{\"petId\":7,\"at\":\"2026-12-01T10:00:00Z\"}";
        private final List<DifferentialCase> cases = new ArrayList<>();

        void listPets() {
            add("listPets: valid, no optional parameter (int64 and date-time generated)", listPets(""));
            add("listPets: every query style valid (exploded and unexploded arrays, int32, date)",
                    listPets("?limit=5&tags=a&tags=b&ids=1,2&bornAfter=2020-01-01", "X-Colours", "black,white"));
            add("listPets: every parameter invalid (locations name them in lower case)",
                    RawRequest.method("GET", "/pets?limit=0&tags=a&tags=toolongtag&ids=1,x&bornAfter=2020-13-01")
                            .header("Authorization", BEARER).header("X-Request-Id", "nope")
                            .header("X-Colours", "black,pink").build());
            add("listPets: the required X-Request-Id header missing", RawRequest.method("GET", "/pets")
                    .header("Authorization", BEARER).header("X-Colours", "black").build());
            add("listPets: an empty required header counts as missing", listPets("", "X-Request-Id", ""));
            add("listPets: an empty array header is an empty array", listPets("", "X-Colours", ""));
            add("listPets: a query name in another case (BornAfter) is matched", listPets("?BornAfter=bad"));
            add("listPets: an empty query value (limit=) counts as absent", listPets("?limit="));
            add("listPets: an unexploded array given twice (the last one counts)", listPets("?ids=1,2&ids=x"));
            add("listPets: an exploded array value with a comma is one item", listPets("?tags=a,toolongvalue"));
            add("listPets: an int64 beyond 2^53 breaks the format's maximum", listPets("?ids=9007199254740993"));
            add("listPets: an int32 beyond its range (format and maximum)", listPets("?limit=3000000000"));
            add("listPets: a deepObject filter breaking its enum", listPets("?filter%5Bkind%5D=bird"));
            add("listPets: a valid deepObject filter", listPets("?filter%5Bkind%5D=cat"));
            add("listPets: a deprecated query parameter sent (a warning)", listPets("?sort=name"));
            add("listPets: no bearer token (401 served from default)", RawRequest.method("GET", "/pets")
                    .header("X-Request-Id", REQUEST_ID).header("X-Colours", "black").build());
            add("listPets: Prefer: code=500 (served from default)", listPets("", "Prefer", "code=500"));
            cases.add(DifferentialCase.seeded("listPets: Prefer: dynamic=true, seed=3",
                    listPets("", "Prefer", "dynamic=true, seed=3")));
        }

        void createPet() {
            add("createPet: valid body using both allOf members (201 generated)",
                    createPet("{\"name\":\"Rex\",\"kind\":\"dog\",\"chipNumber\":5}"));
            add("createPet: a property no allOf member declares (one additionalProperties)",
                    createPet("{\"name\":\"Rex\",\"colour\":\"red\"}"));
            add("createPet: missing name and a value outside the enum", createPet("{\"kind\":\"bird\"}"));
            add("createPet: an int64 beyond 2^53 in the body", createPet("{\"name\":\"Rex\",\"chipNumber\":9007199254740993}"));
            add("createPet: an empty name and an impossible date", createPet("{\"name\":\"\",\"born\":\"2020-02-30\"}"));
            add("createPet: a wrong Content-Type (415 rules fall to the 400)", RawRequest.method("POST", "/pets")
                    .header("Authorization", BEARER).body("text/plain", "name=Rex").build());
            add("createPet: an empty body (required)", createPet(""));
            add("createPet: Prefer: code=400, example=invalidPet on an invalid body", RawRequest.method("POST", "/pets")
                    .header("Authorization", BEARER).header("Prefer", "code=400, example=invalidPet")
                    .body("application/json", "{}").build());
            add("createPet: Basic instead of Bearer (401 with a Bearer challenge)", RawRequest.method("POST", "/pets")
                    .header("Authorization", "Basic abc").body("application/json", "{\"name\":\"Rex\"}").build());
            // The header is set by hand: OkHttp leaves out a content type it cannot parse.
            add("createPet: an unparsable Content-Type (garbage)", RawRequest.method("POST", "/pets")
                    .header("Authorization", BEARER).header("Content-Type", "garbage")
                    .body("garbage", "{\"name\":\"Rex\"}").build());
            add("createPet: JSON nested 10,000 levels deep", createPet("[".repeat(10_000) + "]".repeat(10_000)));
        }

        void onePet() {
            add("getPet: valid (first example; the closed allOf member accepts it)", getPet("/pets/7"));
            add("getPet: Prefer: example=tom", getPet("/pets/7", "Prefer", "example=tom"));
            add("getPet: Prefer: code=404 (int32 generated)", getPet("/pets/7", "Prefer", "code=404"));
            add("getPet: Prefer: code=404, example=nope (undefined example)",
                    getPet("/pets/7", "Prefer", "code=404, example=nope"));
            add("getPet: a path parameter of the wrong type (location in lower case)", getPet("/pets/abc"));
            add("getPet: a path parameter below its minimum", getPet("/pets/0"));
            add("getPet: an int64 path parameter beyond 2^53", getPet("/pets/9007199254740993"));
            add("getPet: Accept: application/xml (406)", getPet("/pets/7", "Accept", "application/xml"));
            add("HEAD on a path that only has GET (405)", RawRequest.method("HEAD", "/pets/7")
                    .header("Authorization", BEARER).build());
            add("deletePet: the API key in the query (204, no body)", RawRequest.method("DELETE", "/pets/7?api_key=k")
                    .build());
            add("deletePet: no API key (Prism's 401 problem)", RawRequest.method("DELETE", "/pets/7")
                    .header("Authorization", BEARER).build());
            add("deletePet: an empty API key", RawRequest.method("DELETE", "/pets/7?api_key=").build());
            add("deletePet: Prefer: code=404 (a response without content)", RawRequest.method("DELETE",
                    "/pets/7?api_key=k").header("Prefer", "code=404").build());
        }

        void textAndOneOf() {
            add("petNotes: the text/plain example without Accept", get("/pets/7/notes"));
            add("petNotes: Accept: text/html", get("/pets/7/notes", "Accept", "text/html"));
            add("petNotes: Accept: application/xml (an object example)", get("/pets/7/notes", "Accept",
                    "application/xml"));
            add("petNotes: an empty segment in the middle (/pets//notes)", get("/pets//notes"));
            add("petNotes: a path parameter of the wrong type", get("/pets/x/notes"));
            add("petCompanion: oneOf (the first branch; int32 generated)", getPet("/pets/7/companion"));
            add("petTags: an exploded label-style array", get("/pets/7/tags/.ab.cd"));
            add("petTags: a label-style item too long", get("/pets/7/tags/.ab.toolong"));
            add("report: a text/csv example without schema", get("/report"));
            add("report: Prefer: dynamic=true on a content without schema", get("/report", "Prefer", "dynamic=true"));
        }

        void owners() {
            add("getOwner: valid (date-time and int64 generated)", get("/owners/ann"));
            add("getOwner: a trailing slash leaves the template's segment empty (/owners/)", get("/owners/"));
            add("getOwner: a trailing slash after the parameter matches nothing (/owners/ann/)", get("/owners/ann/"));
            add("getOwner: a path parameter too long", get("/owners/averyveryverylongname"));
            cases.add(DifferentialCase.seeded("getOwner: Prefer: dynamic=true, seed=5",
                    get("/owners/ann", "Prefer", "dynamic=true, seed=5")));
            add("ownerPets: a path declared with a trailing slash", get("/owners/ann/pets/"));
            add("ownerPets: that path without its trailing slash (404)", get("/owners/ann/pets"));
            add("ownerPets: an empty parameter before the trailing slash (/owners//pets/)", get("/owners//pets/"));
            add("ownerPets: a cookie breaking its schema (neither validates cookies)",
                    get("/owners/ann/pets/", "Cookie", "theme=waytoolong"));
        }

        void visits() {
            add("bookVisit: valid JSON body (201; int64 and date generated)", visit("application/json", VISIT));
            add("bookVisit: wrong types and a bad date-time", visit("application/json",
                    "{\"petId\":\"seven\",\"at\":\"tomorrow\"}"));
            add("bookVisit: a date-time without time zone", visit("application/json",
                    "{\"petId\":7,\"at\":\"2026-12-01T10:00:00\"}"));
            add("bookVisit: no API key (the spec's 401 with its example)", RawRequest.method("POST", "/visits")
                    .body("application/json", VISIT).build());
            add("bookVisit: a valid form-urlencoded body", visit("application/x-www-form-urlencoded",
                    "petId=7&at=2026-12-01T10%3A00%3A00Z"));
            add("bookVisit: a form-urlencoded body validated field by field",
                    visit("application/x-www-form-urlencoded", "petId=abc&at=x"));
            add("bookVisit: a multipart body with a field of the wrong type", visit("multipart/form-data; boundary=XX",
                    "--XX\r\nContent-Disposition: form-data; name=\"petId\"\r\n\r\nabc\r\n--XX--\r\n"));
            cases.add(DifferentialCase.seeded("bookVisit: Prefer: dynamic=true, seed=9", RawRequest.method("POST",
                    "/visits?api_key=k").header("Prefer", "dynamic=true, seed=9").body("application/json", VISIT)
                    .build()));
        }

        void statusAndRouting() {
            add("status: a text/plain schema example", get("/status"));
            add("status: Accept: text/html (406)", get("/status", "Accept", "text/html"));
            add("status: Accept: */*", get("/status", "Accept", "*/*"));
            add("HEAD on status (405: HEAD is not GET)", RawRequest.method("HEAD", "/status").build());
            add("status: an actual CORS request (Origin)", get("/status", "Origin", "https://shop.example"));
            add("status: ?__server= names another server", get("/status?__server=http://elsewhere.example"));
            add("CORS preflight for a declared path", RawRequest.method("OPTIONS", "/pets")
                    .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type").build());
            add("CORS preflight for an undeclared path", RawRequest.method("OPTIONS", "/nowhere")
                    .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "GET").build());
            add("an unknown path", get("/nowhere"));
            add("a wrong method (DELETE /pets)", RawRequest.method("DELETE", "/pets").header("Authorization", BEARER)
                    .build());
        }

        private void add(String name, RawRequest request) {
            if (cases.stream().anyMatch(existing -> existing.name().equals(name))) {
                throw new IllegalStateException("two pet store cases are named " + name);
            }
            cases.add(DifferentialCase.exact(name, request));
        }

        private static RawRequest listPets(String query, String... header) {
            RawRequest.Builder request = RawRequest.method("GET", "/pets" + query).header("Authorization", BEARER);
            String requestId = header.length == 2 && header[0].equals("X-Request-Id") ? header[1] : REQUEST_ID;
            String colours = header.length == 2 && header[0].equals("X-Colours") ? header[1] : "black";
            request.header("X-Request-Id", requestId).header("X-Colours", colours);
            if (header.length == 2 && !header[0].startsWith("X-")) {
                request.header(header[0], header[1]);
            }
            return request.build();
        }

        private static RawRequest createPet(String body) {
            return RawRequest.method("POST", "/pets").header("Authorization", BEARER).body("application/json", body)
                    .build();
        }

        private static RawRequest getPet(String path, String... header) {
            RawRequest.Builder request = RawRequest.method("GET", path).header("Authorization", BEARER);
            if (header.length == 2) {
                request.header(header[0], header[1]);
            }
            return request.build();
        }

        private static RawRequest get(String path, String... header) {
            RawRequest.Builder request = RawRequest.method("GET", path);
            if (header.length == 2) {
                request.header(header[0], header[1]);
            }
            return request.build();
        }

        private static RawRequest visit(String contentType, String body) {
            return RawRequest.method("POST", "/visits?api_key=k").body(contentType, body).build();
        }
    }
}
