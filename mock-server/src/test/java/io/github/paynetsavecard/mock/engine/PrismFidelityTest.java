package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.engine;
import static io.github.paynetsavecard.mock.engine.EngineCall.request;
import static io.github.paynetsavecard.mock.engine.EngineCall.spec;
import static io.github.paynetsavecard.mock.engine.EngineCall.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Prism 5.14.2 observably does on a spec that is not Paynet's, checked against Prism by the differential test
 * (conformance-tests, the pet store) and pinned here without Prism: number-format ranges, lower-cased parameter
 * names, empty values as missing, merged {@code allOf}, form bodies.
 */
class PrismFidelityTest {
    private static final MockEngine ENGINE = engine(spec("""
            openapi: 3.0.3
            info: {title: fidelity, version: '1'}
            paths:
              /pets:
                get:
                  parameters:
                    - {name: sinceDay, in: query, schema: {type: string, format: date}}
                    - {name: tags, in: query, explode: true, schema: {type: array, items: {type: string, maxLength: 3}}}
                    - {name: codes, in: query, schema: {type: array, items: {type: string, maxLength: 3}}}
                    - name: filter
                      in: query
                      style: deepObject
                      explode: true
                      schema: {type: object, properties: {kind: {type: string, enum: [cat, dog]}, age: {type: integer}}}
                    - {name: sort, in: query, deprecated: true, schema: {type: string}}
                    - {name: count, in: query, schema: {type: integer, format: int32}}
                    - name: ids
                      in: query
                      explode: false
                      schema: {type: array, items: {type: integer}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Counts'}
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Pet'}
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          required: [name, age]
                          properties:
                            name: {type: string}
                            age: {type: integer}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
              /pets/{petId}/tags/{tagList}:
                get:
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: integer}}
                    - name: tagList
                      in: path
                      required: true
                      style: label
                      explode: true
                      schema: {type: array, items: {type: string, maxLength: 3}}
                  responses:
                    '204': {description: tagged}
              /pets/{petId}:
                get:
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: integer, format: int64}}
                  responses:
                    '204': {description: found}
            components:
              schemas:
                Counts:
                  type: object
                  properties:
                    big: {type: integer, format: int64}
                    small: {type: integer, format: int32}
                    positive: {type: integer, format: int64, minimum: 1}
                    plain: {type: integer}
                    wide: {type: integer, format: int32, minimum: -100000000000}
                Pet:
                  allOf:
                    - type: object
                      additionalProperties: false
                      properties:
                        id: {type: integer}
                    - type: object
                      required: [name]
                      properties:
                        name: {type: string}
            """));

    @Test
    void samplesNumberFormatsAtTheLowerEndOfTheirRangeAsPrismDoes() {
        MockResponse response = request("GET", "/pets").sendTo(ENGINE);

        assertThat(body(response).toString())
                .isEqualTo("{\"big\":-9007199254740991,\"small\":-2147483648,\"positive\":1,\"plain\":0,"
                        + "\"wide\":-2147483648}");
    }

    @Test
    void keepsDynamicIntegersInsideTheirFormatsRange() {
        for (int seed = 1; seed <= 20; seed++) {
            MockResponse response = request("GET", "/pets").header("Prefer", "dynamic=true, seed=" + seed)
                    .sendTo(ENGINE);

            assertThat(body(response).path("wide").asLong()).isBetween(-2147483648L, 2147483647L);
            assertThat(response.header("sl-violations")).isEmpty();
        }
    }

    @Test
    void reportsAnInt64BeyondJavaScriptsSafeIntegersAsBreakingItsMaximum() {
        MockResponse response = request("GET", "/pets/9007199254740993").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(422);
        assertThat(locations(response)).containsExactly("path.petid maximum");
    }

    @Test
    void reportsAnInt32BeyondItsRangeAsBreakingBothItsFormatAndItsMaximum() {
        MockResponse response = request("GET", "/pets").query("count", "3000000000").sendTo(ENGINE);

        assertThat(locations(response)).containsExactlyInAnyOrder("query.count format", "query.count maximum");
    }

    @Test
    void reportsParameterNamesInLowerCaseAndMatchesThemCaseInsensitively() {
        MockResponse response = request("GET", "/pets").query("SINCEDAY", "yesterday").sendTo(ENGINE);

        assertThat(locations(response)).containsExactly("query.sinceday format");
        assertThat(locations(request("GET", "/pets/seven").sendTo(ENGINE))).containsExactly("path.petid type");
    }

    @Test
    void takesAnEmptyPathSegmentForAMissingPathParameter() {
        MockResponse response = request("GET", "/pets/").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(422);
        assertThat(locations(response)).containsExactly("path required");
    }

    @Test
    void takesAnEmptyQueryValueForAnAbsentOne() {
        MockResponse response = request("GET", "/pets").query("sinceDay", "").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void readsFormStyleArraysAsPrismDoes() {
        // Exploded (the default): each value is one item, commas and all; unexploded: the last value, split.
        MockResponse exploded = request("GET", "/pets").query("tags", "ab,cd").sendTo(ENGINE);
        MockResponse unexploded = request("GET", "/pets").query("ids", "x").query("ids", "1,2").sendTo(ENGINE);

        // Without `explode` written, Prism reads the array unexploded (its explode defaults to false).
        MockResponse unwritten = request("GET", "/pets").query("codes", "ab,cdef").sendTo(ENGINE);

        assertThat(locations(exploded)).containsExactly("query.tags.0 maxLength");
        assertThat(unexploded.status()).isEqualTo(200);
        assertThat(locations(unwritten)).containsExactly("query.codes.1 maxLength");
    }

    @Test
    void readsLabelAndDeepObjectStyles() {
        MockResponse label = request("GET", "/pets/7/tags/.ab.toolong").sendTo(ENGINE);
        MockResponse deepObject = request("GET", "/pets").query("filter[kind]", "bird").query("filter[age]", "x")
                .sendTo(ENGINE);

        assertThat(locations(label)).containsExactly("path.taglist.1 maxLength");
        assertThat(request("GET", "/pets/7/tags/.ab.cd").sendTo(ENGINE).status()).isEqualTo(204);
        assertThat(locations(deepObject)).containsExactlyInAnyOrder("query.filter.kind enum", "query.filter.age type");
    }

    @Test
    void warnsAboutADeprecatedParameterThatIsSent() {
        MockResponse response = request("GET", "/pets").query("sort", "name").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(violations(response)).containsExactly("request.query.sort deprecated");
    }

    @Test
    void mergesAllOfBeforeValidatingSoThatAClosedMemberDoesNotRejectTheOthersProperties() {
        MockResponse valid = request("POST", "/pets").json("{\"id\":1,\"name\":\"Rex\"}").sendTo(ENGINE);
        MockResponse extra = request("POST", "/pets").json("{\"name\":\"Rex\",\"colour\":\"red\"}").sendTo(ENGINE);

        assertThat(valid.status()).isEqualTo(201);
        assertThat(valid.header("sl-violations")).as("the generated answer passes its own schema").isEmpty();
        assertThat(extra.status()).isEqualTo(422);
        assertThat(problemLocations(extra)).containsExactly("body additionalProperties");
    }

    @Test
    void validatesAFormBodyFieldByFieldWithTheFieldsCoerced() {
        MockResponse valid = request("POST", "/pets").header("Content-Type", "application/x-www-form-urlencoded")
                .body("name=Rex+the+dog&age=3".getBytes(StandardCharsets.UTF_8)).sendTo(ENGINE);
        MockResponse invalid = request("POST", "/pets").header("Content-Type", "application/x-www-form-urlencoded")
                .body("age=old".getBytes(StandardCharsets.UTF_8)).sendTo(ENGINE);

        assertThat(valid.status()).isEqualTo(201);
        assertThat(problemLocations(invalid)).containsExactly("body required", "body.age type");
    }

    private static List<String> locations(MockResponse response) {
        return response.header("sl-violations").isPresent() ? violations(response) : problemLocations(response);
    }

    private static List<String> problemLocations(MockResponse response) {
        List<String> found = new ArrayList<>();
        body(response).path("validation").forEach(violation -> {
            List<String> location = new ArrayList<>();
            violation.path("location").forEach(segment -> location.add(segment.asText()));
            found.add(String.join(".", location) + " " + violation.path("code").asText());
        });
        return found;
    }
}
