package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardResponseExample;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.paynet.ErrorChannel;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code @PaynetMockTest}'s attributes reach the server. */
@PaynetMockTest(otpRequired = true, errorChannel = ErrorChannel.HTTP_200, cors = false)
class PaynetMockTestAttributesTest {
    @Test
    void otpAndTheErrorChannelDecideTheAnswer(PaynetMockServer mock) {
        HttpResponse<String> answer = ExtensionSettingsTest.saveCardWithoutPhone(mock.baseUrl(),
                mock.paynet().createSession());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer.body()).path("code").asInt())
                .isEqualTo(saveCardResponseExample("otpGsmMissing").path("code").asInt()).isNotZero();
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as("cors = false").isEmpty();
    }
}
