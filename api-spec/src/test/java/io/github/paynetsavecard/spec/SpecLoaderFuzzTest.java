package io.github.paynetsavecard.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the spec loader with arbitrary YAML documents: {@link ApiSpec#parse} either returns a document or throws
 * {@link InvalidSpecException} naming at least one problem. Any other exception, or an input that takes longer than
 * the timeout, is a finding. A normal build replays the committed inputs under
 * {@code src/test/resources/io/github/paynetsavecard/spec/SpecLoaderFuzzTestInputs/}; {@code bench/fuzz.sh} fuzzes.
 */
class SpecLoaderFuzzTest {

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    // libFuzzer's dictionary syntax: \xNN for a byte, \\ for a backslash.
    @DictionaryEntries({"openapi: 3.0.3\\x0A", "openapi: 3.1.0\\x0A", "info: {title: t, version: '1'}\\x0A", "paths:\\x0A",
            "  /x:\\x0A    get:\\x0A      responses:\\x0A        '200': {description: ok}\\x0A", "$ref: ", "'#/components/schemas/",
            "components:\\x0A  schemas:\\x0A", "type: object", "allOf: [", "&a ", "*a", "!!binary ", "? ", "- ", "{", "[",
            "\\xEF\\xBB\\xBF", "swagger: '2.0'\\x0A", "x-paynet-", "example: ", "examples:\\x0A", "schema: {type: string}"})
    void loadsADocumentOrNamesItsProblems(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ApiSpec.parse("fuzz-input.yaml", text); // a document, or InvalidSpecException: nothing else may escape
        } catch (InvalidSpecException invalid) {
            assertThat(invalid.problems()).isNotEmpty();
            assertThat(invalid.getMessage()).startsWith("Invalid OpenAPI document fuzz-input.yaml:");
        }
    }
}
