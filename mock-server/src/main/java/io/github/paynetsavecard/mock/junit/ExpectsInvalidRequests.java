package io.github.paynetsavecard.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test (or every test of the class) sends requests that break the spec on purpose, so the extension's strict
 * check does not fail it. The requests are still answered as the spec says and listed by
 * {@link PaynetMockExtension#invalidRequests()}, so the test can assert on them:
 *
 * <pre>{@code
 * @Test
 * @ExpectsInvalidRequests
 * void aPhoneNumberWithALeadingZeroIsRefused(PaynetMockServer mock) {
 *     post(mock.baseUrl() + "/v1/paynetj/save_card", "{\"session_id\":\"js_x\",\"user_gsm\":\"05321234567\"}");
 *     assertThat(mock.invalidRequests()).singleElement()
 *             .satisfies(sent -> assertThat(sent.violations()).anyMatch(v -> v.contains("user_gsm")));
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ExpectsInvalidRequests {
}
