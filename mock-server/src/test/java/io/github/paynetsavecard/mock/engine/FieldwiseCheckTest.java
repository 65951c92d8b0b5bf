package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.SchemaValidator;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.Example;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.ResponseDefinition;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The field-by-field check of a patched answer never calls an answer clean that the whole body's check would not,
 * and it does take over for the patches Paynet mode makes.
 */
class FieldwiseCheckTest {
    private static final SpecIndex INDEX = SpecIndex.of(ApiSpec.bundled());
    private static final SchemaValidator VALIDATOR = SchemaValidator.of(INDEX.document());
    private static final Function<JsonNode, Optional<CompiledSchema>> COMPILER =
            json -> Optional.of(VALIDATOR.compile(json));

    @Test
    void takesOnlyAPlainObjectSchema() {
        assertThat(FieldwiseCheck.of(parse("""
                {"type": "object", "required": ["a"], "additionalProperties": true, "description": "d",
                 "x-note": 1, "properties": {"a": {"type": "string", "pattern": "^a"}}}"""), COMPILER)).isPresent();
        for (String notPlain : List.of(
                "{\"type\": \"object\", \"minProperties\": 2, \"properties\": {}}",
                "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}, \"properties\": {}}",
                "{\"type\": \"object\", \"oneOf\": [{\"required\": [\"a\"]}], \"properties\": {}}",
                "{\"type\": [\"object\", \"null\"], \"properties\": {}}",
                "{\"type\": \"object\", \"nullable\": true, \"properties\": {}}",
                "{\"type\": \"object\"}",
                "{\"type\": \"string\"}")) {
            assertThat(FieldwiseCheck.of(parse(notPlain), COMPILER)).as(notPlain).isEmpty();
        }
    }

    @Test
    void fitsOnlyDeclaredValidFieldsAndOptionalRemovals() {
        FieldwiseCheck check = FieldwiseCheck.of(parse("""
                {"type": "object", "required": ["a"],
                 "properties": {"a": {"type": "string", "pattern": "^a"}, "b": {"type": "integer"}}}"""),
                COMPILER).orElseThrow();

        assertThat(check.fits(Map.of("a", TextNode.valueOf("abc"), "b", IntNode.valueOf(3)))).isTrue();
        assertThat(check.fits(Map.of("b", MissingNode.getInstance()))).isTrue();
        assertThat(check.fits(Map.of("a", TextNode.valueOf("xyz")))).isFalse();
        assertThat(check.fits(Map.of("b", TextNode.valueOf("3")))).isFalse();
        assertThat(check.fits(Map.of("a", MissingNode.getInstance()))).isFalse();
        assertThat(check.fits(Map.of("c", TextNode.valueOf("undeclared")))).isFalse();
    }

    /** Every response example of the spec, each of its fields replaced by values of every kind, or removed. */
    @Test
    void neverCallsCleanWhatTheWholeBodyCheckFaults() {
        ValidationSchemas schemas = new ValidationSchemas(INDEX);
        int fits = 0;
        int wholeCheckNeeded = 0;
        for (Operation operation : INDEX.operations()) {
            for (ResponseDefinition response : operation.responses()) {
                for (Content content : response.contents()) {
                    for (Example example : content.examples()) {
                        JsonNode value = example.value().orElse(MissingNode.getInstance());
                        if (!value.isObject() || schemas.body(content).isEmpty()
                                || !SchemaCheck.check(schemas.body(content).get(), value, "body", "Response")
                                .isEmpty()) {
                            continue;
                        }
                        for (Map<String, JsonNode> patch : patches((ObjectNode) value)) {
                            ObjectNode patched = AnswerRenderer.patched((ObjectNode) value, patch);
                            boolean whole = SchemaCheck.check(schemas.body(content).get(), patched, "body",
                                    "Response").isEmpty();
                            if (schemas.stillFits(content, patch)) {
                                fits++;
                                assertThat(whole).as(operation.id() + " " + response.code() + " "
                                        + example.key() + " with " + patch).isTrue();
                            } else {
                                wholeCheckNeeded++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(fits).as("patches the field check took over").isGreaterThan(100);
        assertThat(wholeCheckNeeded).as("patches left to the whole body's check").isGreaterThan(100);
    }

    static List<Map<String, JsonNode>> patches(ObjectNode example) {
        List<JsonNode> kinds = List.of(TextNode.valueOf("js_" + "x".repeat(40)), TextNode.valueOf(""),
                TextNode.valueOf("x".repeat(600)), IntNode.valueOf(42), JsonNodeFactory.instance.numberNode(-1.5),
                BooleanNode.TRUE, NullNode.getInstance(), JsonNodeFactory.instance.objectNode(),
                MissingNode.getInstance());
        List<Map<String, JsonNode>> patches = new ArrayList<>();
        List<String> names = new ArrayList<>();
        example.fieldNames().forEachRemaining(names::add);
        names.add("not_in_the_schema");
        for (String name : names) {
            patches.add(Map.of(name, example.path(name).isMissingNode() ? TextNode.valueOf("new")
                    : example.get(name)));
            for (JsonNode kind : kinds) {
                patches.add(Map.of(name, kind));
            }
        }
        for (int i = 0; i + 1 < names.size(); i++) {
            Map<String, JsonNode> two = new LinkedHashMap<>();
            two.put(names.get(i), kinds.get(i % kinds.size()));
            two.put(names.get(i + 1), example.path(names.get(i + 1)).isMissingNode() ? MissingNode.getInstance()
                    : example.get(names.get(i + 1)));
            patches.add(two);
        }
        return patches;
    }
}
