package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardResponseExample;
import static io.github.paynetsavecard.mock.SpecCalls.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paynetsavecard.mock.PaynetMockServer;
import org.junit.jupiter.api.Test;

/** {@code @PaynetMockTest(mode = PRISM)}: the stateless answers of {@code prism mock}. */
@PaynetMockTest(mode = PaynetMockServer.Mode.PRISM)
class PrismModeAnnotationTest {
    @Test
    void answersAnySessionWithTheSpecsFirstExample(PaynetMockServer mock) {
        assertThat(mock.mode()).isEqualTo(PaynetMockServer.Mode.PRISM);
        assertThat(json(validSaveCard(mock.baseUrl()).body())).isEqualTo(saveCardResponseExample("saved"));
        assertThatThrownBy(mock::paynet).isInstanceOf(IllegalStateException.class);
    }
}
