package com.example.checkout;

import io.github.paynetsavecard.conformance.PaynetConformanceSuite;

/**
 * Paynet's conformance suite in our own CI. With no settings it runs against the in-process mock (and reports
 * Paynet's test system and a URL as skipped); set {@code PAYNET_TEST_KEY}, or {@code PAYNET_CONFORMANCE_URL} and
 * {@code PAYNET_CONFORMANCE_KEY} with {@code -Dconformance.targets=url}, to check the real thing. The report:
 * {@code target/conformance-report.md}.
 */
class PaynetConformanceTest extends PaynetConformanceSuite {
}
