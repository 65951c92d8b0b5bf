package io.github.paynetsavecard.mock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which declared response code covers an answer's status, as Prism's {@code findOperationResponse} reads them. */
class ResponseValidatorTest {
    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "200, 200, true",
            "200, 201, false",
            "2XX, 200, true",
            "2XX, 299, true",
            "2xx, 204, true",
            "2XX, 300, false",
            "4XX, 404, true",
            "XXX, 503, true",
            "20X, 210, false",
            "2XX, 2000, false",
            "2X, 200, false",
    })
    void aDeclaredCodeCoversTheStatusesItsDigitsAndWildcardsAllow(String declared, String status, boolean covered) {
        assertThat(ResponseValidator.covers(declared, status)).isEqualTo(covered);
    }
}
