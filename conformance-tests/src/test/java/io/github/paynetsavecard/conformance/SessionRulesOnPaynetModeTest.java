package io.github.paynetsavecard.conformance;

/** Our own run of the kit's Paynet session rules: against the mock in Paynet mode, and paynet-test with a key. */
class SessionRulesOnPaynetModeTest extends PaynetSessionRulesSuite {
}
