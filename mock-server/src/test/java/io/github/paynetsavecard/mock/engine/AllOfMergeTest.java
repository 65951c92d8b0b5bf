package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The allOf merge Prism applies to body schemas before validating (json-schema-merge-allof's rules). */
class AllOfMergeTest {
    @Test
    void unitesTheMembersPropertiesUnderTheClosedMembersAdditionalPropertiesFalse() {
        JsonNode merged = AllOfMerge.merged(parse("""
                {"allOf": [
                  {"type": "object", "additionalProperties": false, "required": ["id"],
                   "properties": {"id": {"type": "integer"}}},
                  {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}]}
                """));

        assertThat(merged).isEqualTo(parse("""
                {"type": "object", "required": ["id", "name"], "additionalProperties": false,
                 "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
                """));
    }

    @Test
    void narrowsBoundsAndMergesAnAllOfInsideAProperty() {
        JsonNode merged = AllOfMerge.merged(parse("""
                {"type": "object", "properties": {"age": {"allOf": [
                  {"type": "integer", "minimum": 0, "maximum": 150},
                  {"minimum": 18, "maximum": 200}]}}}
                """));

        assertThat(merged.path("properties").path("age")).isEqualTo(parse("""
                {"type": "integer", "minimum": 18, "maximum": 150}
                """));
    }

    @Test
    void leavesTheSchemaAsWrittenWhenTheMembersClash() {
        JsonNode clashingTypes = parse("""
                {"allOf": [{"type": "string"}, {"type": "integer"}]}
                """);
        JsonNode clashingFormats = parse("""
                {"allOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "email"}]}
                """);

        assertThat(AllOfMerge.merged(clashingTypes)).isSameAs(clashingTypes);
        assertThat(AllOfMerge.merged(clashingFormats)).isSameAs(clashingFormats);
    }

    @Test
    void leavesASchemaWithoutAllOfAlone() {
        JsonNode plain = parse("""
                {"type": "object", "properties": {"id": {"type": "integer"}}}
                """);

        assertThat(AllOfMerge.merged(plain)).isSameAs(plain);
    }
}
