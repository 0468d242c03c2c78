package com.wabilling.ops;

/** The main class the crash tests start in a child JVM. */
final class WaBillingApplicationMain {

    static final String CLASS = "com.wabilling.WaBillingApplication";

    private WaBillingApplicationMain() {
    }
}
