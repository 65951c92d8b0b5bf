package io.github.paynetsavecard.conformance;

/**
 * Our own run of the published suite: against our mock, Prism, and Paynet's test system or a URL when
 * credentials are given (the POM passes {@code conformance.targets}). A merchant's build does the same with an
 * empty subclass of its own.
 */
class SuiteOnMockAndPrismTest extends PaynetConformanceSuite {
}
