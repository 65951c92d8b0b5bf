package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.mock.PaynetMockServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Paynet mock for a test class, with no configuration: it starts before the first test on a free port,
 * serves the bundled save_card spec in Paynet mode, forgets received requests, added stubs and sessions before each
 * test, and stops after the last one. Test methods may take a {@link io.github.paynetsavecard.mock.PaynetMockServer} or a ready
 * {@code io.github.paynetsavecard.client.PaynetClient} parameter.
 *
 * <pre>{@code
 * @PaynetMockTest
 * class CheckoutTest {
 *     @Test
 *     void savesTheCard(PaynetClient client, PaynetMockServer mock) {
 *         client.saveCard(...);
 *         assertThat(mock.receivedRequests()).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * For another spec, CORS off or another key, use {@link PaynetMockExtension#builder()} with
 * {@code @RegisterExtension} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PaynetMockExtension.class)
public @interface PaynetMockTest {
    /** {@code PAYNET} (default): sessions and Paynet's rules; {@code PRISM}: exactly like {@code prism mock}. */
    PaynetMockServer.Mode mode() default PaynetMockServer.Mode.PAYNET;

    /** Paynet mode: the merchant has OTP on. Default off. */
    boolean otpRequired() default false;
}
