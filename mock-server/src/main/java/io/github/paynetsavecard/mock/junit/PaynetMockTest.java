package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.paynet.ErrorChannel;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Paynet mock for a test class: it starts before the first test on a free port, serves the bundled save_card
 * spec in Paynet mode, forgets received requests, added stubs and sessions before each test, and stops after the
 * last one. Strict: a request that the mock refuses for breaking the spec fails the test that sent it, unless the
 * test is annotated {@link ExpectsInvalidRequests}. Test methods may take a
 * {@link io.github.paynetsavecard.mock.PaynetMockServer} or a ready {@code io.github.paynetsavecard.client.PaynetClient}
 * parameter.
 *
 * <pre>{@code
 * @PaynetMockTest(otpRequired = true, errorChannel = ErrorChannel.HTTP_200)
 * class CheckoutTest {
 *     @Test
 *     void savesTheCard(PaynetClient client, PaynetMockServer mock) {
 *         client.saveCard(...);
 *         assertThat(mock).receivedExactly(1, saveCard());            // PaynetMockAssertions
 *     }
 * }
 * }</pre>
 *
 * For another spec, another key, a fixed clock or a request rule, use {@link PaynetMockExtension#builder()} with
 * {@code @RegisterExtension} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PaynetMockExtension.class)
public @interface PaynetMockTest {
    /**
     * {@code PAYNET} (default): sessions and Paynet's rules; {@code PRISM}: exactly like {@code prism mock}.
     *
     * @return the mode the mock runs in
     */
    PaynetMockServer.Mode mode() default PaynetMockServer.Mode.PAYNET;

    /**
     * Paynet mode: the merchant has OTP on. Default off.
     *
     * @return true when save_card needs {@code user_gsm} unless Auth had {@code user_gsm_no}
     */
    boolean otpRequired() default false;

    /**
     * Paynet mode: how rejections are sent, {@code HTTP_200} or {@code ERROR_OBJECT}; at most one. Default (none
     * given): the channel the spec names.
     *
     * @return no element for the spec's channel, or one channel; more than one is a setup error
     */
    ErrorChannel[] errorChannel() default {};

    /**
     * Whether a request that breaks the spec fails the test that sent it. Default on.
     *
     * @return false to let tests pass whatever invalid requests they send
     */
    boolean strict() default true;

    /**
     * The port to listen on. Default 0: a free port.
     *
     * @return 0 to 65535; 0 picks a free port
     */
    int port() default 0;

    /**
     * CORS answers and headers, like Prism's {@code --cors}. Default on.
     *
     * @return false for {@code --cors=false}
     */
    boolean cors() default true;
}
